import type { ResourceSpec } from '../../types';

export const workflowsResources: ResourceSpec[] = [];
