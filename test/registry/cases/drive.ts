import type { Cases } from './types';

export const driveCases: Cases = {};
