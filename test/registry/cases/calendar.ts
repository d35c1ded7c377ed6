import type { Cases } from './types';

export const calendarCases: Cases = {};
