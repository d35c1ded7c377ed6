import type { Cases } from './types';

export const openLinesCases: Cases = {};
