import type { Cases } from './types';

export const workflowsCases: Cases = {};
