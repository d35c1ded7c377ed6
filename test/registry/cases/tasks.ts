import type { Cases } from './types';

export const tasksCases: Cases = {};
