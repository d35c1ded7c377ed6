import type { ResourceSpec } from '../../types';

export const listsResources: ResourceSpec[] = [];
