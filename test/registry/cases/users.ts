import type { Cases } from './types';

export const usersCases: Cases = {};
