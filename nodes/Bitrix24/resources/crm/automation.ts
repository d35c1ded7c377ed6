import type { IDataObject } from 'n8n-workflow';

import { crud } from '../crud';
import { id, json, num, str } from '../shared';
import { stamps, stampsFlag } from './documents';

/** Documents generated from templates (crm.documentgenerator.*) and automation triggers (crm.automation.trigger*). */

const ENTITY_TYPE_HINT = '1 lead, 2 deal, 3 contact, 4 company, 7 quote, 31 invoice, 128+ smart processes';

export const crmDocument = crud({
	value: 'crmDocument',
	name: 'CRM Document',
	group: 'CRM',
	description: 'Documents generated from templates for CRM records',
	prefix: 'crm.documentgenerator.document',
	noun: 'document',
	key: [id('id', 'Document ID')],
	create: [
		num('templateId', 'Template ID', { required: true, default: 0, description: 'See CRM Document → Get Templates' }),
		num('entityTypeId', 'Entity Type ID', { required: true, default: 2, description: ENTITY_TYPE_HINT, dropdown: 'getEntityTypes' }),
		str('entityId', 'Entity ID', { required: true, description: 'ID of the CRM record the document is made for' }),
	],
	fields: [
		json('values', 'Values (JSON)', { description: 'Values of template fields, e.g. {"DocumentTitle": "Offer 17"}' }),
		stamps,
	],
	unwrap: 'document',
	paging: { mode: 'start', itemsPath: 'documents', filterKey: 'filter', orderKey: 'order', selectKey: 'select' },
	verbs: ['create', 'get', 'getMany'],
	override: {
		create: {
			action: 'Generate a document from a template',
			prepare: stampsFlag,
		},
	},
	more: [
		{
			value: 'getTemplates',
			name: 'Get Templates',
			action: 'Get many document templates',
			method: 'crm.documentgenerator.template.list',
			kind: 'getMany',
			paging: { mode: 'start', itemsPath: 'templates', filterKey: 'filter', orderKey: 'order', selectKey: 'select' },
		},
	],
});

const code = str('CODE', 'Code', { required: true, placeholder: 'e.g. payment_received', description: 'Unique code of the trigger' });

export const automationTrigger = crud({
	value: 'automationTrigger',
	name: 'Automation Trigger',
	group: 'CRM',
	description: 'Triggers that move CRM records by automation rules',
	prefix: 'crm.automation.trigger',
	noun: 'application trigger',
	key: [code],
	create: [code, str('NAME', 'Name', { required: true })],
	paging: { mode: 'all' },
	every: { appOnly: true },
	verbs: [
		{
			value: 'fire',
			name: 'Fire',
			action: 'Fire a trigger on a record',
			description: 'Fires the triggers configured in automation rules for the record',
			method: 'crm.automation.trigger',
			kind: 'action',
			params: [str('target', 'Target', { required: true, placeholder: 'e.g. DEAL_25', description: 'The record as TYPENAME_ID, e.g. LEAD_25 or DEAL_7' })],
			optional: [str('code', 'Code', { description: 'Code of the trigger; without it the first matching trigger fires' })],
			optionalName: 'options',
			output: (result, request) => ({ ...(request as IDataObject), fired: result !== false }),
		},
		'create',
		'getMany',
		'delete',
	],
	override: {
		create: { action: 'Register an application trigger', output: (result, request) => ({ ...(request as IDataObject), created: result !== false }) },
		getMany: { action: 'Get the application triggers' },
		delete: { output: (result, request) => ({ ...(request as IDataObject), deleted: result !== false }) },
	},
	more: [
		{
			value: 'execute',
			name: 'Execute',
			action: 'Execute an application trigger on a record',
			method: 'crm.automation.trigger.execute',
			kind: 'action',
			appOnly: true,
			params: [
				code,
				num('OWNER_TYPE_ID', 'Entity Type ID', { required: true, default: 2, description: ENTITY_TYPE_HINT }),
				num('OWNER_ID', 'Entity ID', { required: true, default: 0 }),
			],
			output: (result, request) => ({ ...(request as IDataObject), executed: result !== false }),
		},
	],
});
