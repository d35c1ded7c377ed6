import type { ResourceSpec } from '../../types';

export const calendarResources: ResourceSpec[] = [];
