import type { Cases } from './types';

export const telephonyCases: Cases = {};
