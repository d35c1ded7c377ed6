import type { ResourceSpec } from '../../types';

export const messengerResources: ResourceSpec[] = [];
