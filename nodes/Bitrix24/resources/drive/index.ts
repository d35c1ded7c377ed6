import type { ResourceSpec } from '../../types';

export const driveResources: ResourceSpec[] = [];
