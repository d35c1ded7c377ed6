import type { Cases } from './types';

export const platformCases: Cases = {};
