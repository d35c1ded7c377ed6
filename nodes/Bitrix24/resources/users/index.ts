import type { ResourceSpec } from '../../types';

export const usersResources: ResourceSpec[] = [];
