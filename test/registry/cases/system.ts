import type { Cases } from './types';

export const systemCases: Cases = {};
