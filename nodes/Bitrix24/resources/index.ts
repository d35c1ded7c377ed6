import type { ResourceSpec } from '../types';
import { company, contact, deal, lead, quote } from './crm/legacy';
import { crmItem, invoice } from './crm/item';
import { openLineDialog, openLineOperator, openLineSession } from './openLines';
import { system } from './system';

/** Every resource of the node; each module declares its operations as data. */
export const resources: ResourceSpec[] = [
	lead,
	deal,
	contact,
	company,
	quote,
	crmItem,
	invoice,
	openLineSession,
	openLineOperator,
	openLineDialog,
	system,
];
