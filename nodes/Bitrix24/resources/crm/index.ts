import type { ResourceSpec } from '../../types';
import { crmItem, invoice } from './item';
import { company, contact, deal, lead, quote } from './legacy';

export const crmResources: ResourceSpec[] = [lead, deal, contact, company, quote, crmItem, invoice];
