import type { Cases } from './types';

export const messengerCases: Cases = {};
