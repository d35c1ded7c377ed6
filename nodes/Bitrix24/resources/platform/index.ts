import type { ResourceSpec } from '../../types';

export const platformResources: ResourceSpec[] = [];
