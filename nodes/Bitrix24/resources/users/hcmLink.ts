import type { IDataObject } from 'n8n-workflow';

import type { PagingSpec, ParamSpec, ResourceSpec } from '../../types';
import { json, num, str } from '../shared';

// humanresources.hcmlink.* (classic REST, api-reference/sign/hcm-link): the link between an external HR
// system's companies, employees and field values and the portal (HR e-documents). Every method needs
// an application context (WRONG_AUTH_TYPE otherwise), so the operations are OAuth2-only.

/** LIMIT/OFFSET lists with a bare array result: up to 1,000 rows a page. */
const paging: PagingSpec = { mode: 'offset', pageSize: 1000, offsetKey: 'offset', limitKey: 'limit', idField: 'id' };
const companyId = str('id', 'HCM Link Company ID', { required: true, integer: true, description: 'As Get Many returns it' });
// `company` is a CRM company locator elsewhere in the node: this text input is named apart
const companyCode = str('companyCode', 'Company Code', { required: true, to: 'company', description: 'The company\'s code in the HR system' });
const jobParam = json('job', 'Job (JSON)', {
	description: 'When answering a sync event: the job to update, e.g. {"id": 5, "fields": {"status": "DONE", "total": 10, "sent": 10}}',
});
const companyFields: ParamSpec[] = [
	str('companyCode', 'Company Code', { required: true, to: 'fields.company', description: 'The company\'s code in the HR system' }),
	num('crmCompanyId', 'CRM Company ID', { required: true, integer: true, to: 'fields.crmCompanyId', description: 'One of your own companies (CRM company with isMyCompany = Y)' }),
	str('title', 'Title', { required: true, to: 'fields.title' }),
	json('fields', 'HR Fields (JSON)', {
		required: true,
		to: 'fields.fields',
		shape: 'array',
		description: 'The HR system\'s fields, e.g. [{"field": "personal_number", "title": "Personnel Number", "type": "STRING", "entityType": "EMPLOYEE"}]',
	}),
];
const statusOf = (result: unknown, request: IDataObject | unknown[]) => ({ company: (request as IDataObject).company as string, ...((result ?? {}) as IDataObject) });

const company: ResourceSpec = {
	value: 'hcmLinkCompany',
	name: 'HCM Link Company',
	group: 'HCM Link',
	description: 'Companies of an external HR system linked to the portal',
	operations: [
		{
			value: 'create',
			name: 'Create',
			action: 'Link an HR system company',
			method: 'humanresources.hcmlink.company.add',
			kind: 'create',
			params: companyFields,
			optional: [json('data', 'Data (JSON)', { to: 'fields.data', description: 'More company data, e.g. {"taxId": "1234567890"}' })],
		},
		{
			value: 'getMany',
			name: 'Get Many',
			action: 'Get many linked HR system companies',
			method: 'humanresources.hcmlink.company.list',
			kind: 'getMany',
			optional: [num('userId', 'User ID', { integer: true, description: 'Only the companies this user is linked to' })],
			optionalName: 'options',
			paging,
		},
		{
			value: 'getMine',
			name: 'Get Mine',
			action: 'Get the HR system companies of the current user',
			description: 'List the linked companies the current user is an employee of, with the person code',
			method: 'humanresources.hcmlink.company.user.list',
			kind: 'getMany',
			paging,
		},
		{
			value: 'update',
			name: 'Update',
			action: 'Update a linked HR system company',
			description: 'Replace the data of a linked company (all fields are required)',
			method: 'humanresources.hcmlink.company.update',
			kind: 'update',
			params: [companyId, ...companyFields],
			optional: [json('data', 'Data (JSON)', { to: 'fields.data', description: 'More company data, e.g. {"taxId": "1234567890"}' })],
		},
		{ value: 'delete', name: 'Delete', action: 'Unlink an HR system company', method: 'humanresources.hcmlink.company.delete', kind: 'delete', params: [companyId] },
	],
};

const employee: ResourceSpec = {
	value: 'hcmLinkEmployee',
	name: 'HCM Link Employee',
	group: 'HCM Link',
	description: 'Employees of a linked HR system company and their field values',
	operations: [
		{
			value: 'getMany',
			name: 'Get Many',
			action: 'Get many linked HR system employees',
			method: 'humanresources.hcmlink.employee.list',
			kind: 'getMany',
			params: [companyCode],
			optional: [str('updatedAt', 'Updated After', { placeholder: 'e.g. 2026-08-01T00:00:00+03:00', description: 'ISO 8601; only records changed after it' })],
			optionalName: 'options',
			paging,
		},
		{
			value: 'set',
			name: 'Set',
			action: 'Send employees from the HR system',
			description: 'Send employees from the HR system; rows Bitrix24 refuses are listed in the output\'s errors (status "error")',
			method: 'humanresources.hcmlink.employee.set',
			kind: 'action',
			params: [
				companyCode,
				json('data', 'Employees (JSON)', {
					required: true,
					shape: 'array',
					description: 'e.g. [{"employee": "employee-001", "person": "person-001", "userId": 25, "data": {"firstName": "Klaus", "lastName": "Weber"}}]',
				}),
			],
			optional: [jobParam],
			optionalName: 'options',
			output: statusOf,
		},
		{
			value: 'setFieldValues',
			name: 'Set Field Values',
			action: 'Send HR system field values of employees',
			description: 'Send field values of employees; rows Bitrix24 refuses are listed in the output\'s errors (status "error")',
			method: 'humanresources.hcmlink.field.value.set',
			kind: 'action',
			params: [
				str('companyCode', 'Company', { required: true, to: 'company', description: 'The company\'s code in the HR system, or its CRM company ID' }),
				json('data', 'Values (JSON)', { required: true, shape: 'array', description: 'e.g. [{"field": "personal_number", "employee": "employee-001", "value": "A-17"}]' }),
			],
			optional: [jobParam],
			optionalName: 'options',
			output: statusOf,
		},
	],
};

const jobId = str('id', 'Job ID', { required: true, integer: true, description: 'The jobId of the HCM Link event that asked for the data' });
const job: ResourceSpec = {
	value: 'hcmLinkJob',
	name: 'HCM Link Job',
	group: 'HCM Link',
	description: 'Sync jobs the portal starts with HCM Link events',
	operations: [
		{ value: 'getStatus', name: 'Get Status', action: 'Get whether an HR sync job is still alive', method: 'humanresources.hcmlink.job.status.get', kind: 'get', params: [jobId] },
		{
			value: 'update',
			name: 'Update',
			action: 'Update an HR sync job',
			method: 'humanresources.hcmlink.job.update',
			kind: 'update',
			params: [
				jobId,
				{
					name: 'status',
					label: 'Status',
					type: 'options',
					required: true,
					default: 'IN_PROGRESS',
					to: 'fields.status',
					options: [
						{ name: 'In Progress', value: 'IN_PROGRESS' },
						{ name: 'Done', value: 'DONE' },
						{ name: 'Canceled', value: 'CANCELED' },
					],
				},
			],
			optional: [
				num('total', 'Total', { to: 'fields.total', description: 'Number of items in the job' }),
				num('sent', 'Sent', { to: 'fields.sent', description: 'Number of items processed' }),
				json('data', 'Data (JSON)', { to: 'fields.data' }),
			],
		},
	],
};

export const hcmLinkResources: ResourceSpec[] = [company, employee, job].map((resource) => ({
	...resource,
	operations: resource.operations.map((op) => ({ ...op, since: 2, appOnly: true })),
}));
