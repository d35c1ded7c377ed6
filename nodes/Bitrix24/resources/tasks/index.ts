import type { ResourceSpec } from '../../types';

export const tasksResources: ResourceSpec[] = [];
