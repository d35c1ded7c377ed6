import type { ResourceSpec } from '../../types';

export const telephonyResources: ResourceSpec[] = [];
