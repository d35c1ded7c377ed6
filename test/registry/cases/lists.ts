import type { Cases } from './types';

export const listsCases: Cases = {};
