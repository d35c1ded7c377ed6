import type { Cases } from './types';

export const crmCases: Cases = {};
