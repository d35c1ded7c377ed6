import type { ResourceSpec } from '../../types';
import { ALL_VERBS, crud } from '../crud';
import { id, num, str, toFields as f } from '../shared';

/** Requisites (company details), their bank details, addresses and links to deals and invoices. */

const offsetPaging = { mode: 'start' as const, filterKey: 'filter', orderKey: 'order', selectKey: 'select' };

const requisiteFields = [
	f(str('RQ_COMPANY_NAME', 'Company Name')),
	f(str('RQ_COMPANY_FULL_NAME', 'Company Full Name')),
	f(str('RQ_FIRST_NAME', 'First Name')),
	f(str('RQ_LAST_NAME', 'Last Name')),
	f(str('RQ_INN', 'Tax ID (INN)')),
	f(str('RQ_VAT_ID', 'VAT ID')),
	f(str('RQ_DIRECTOR', 'Director')),
	f(str('RQ_EMAIL', 'Email')),
	f(str('RQ_PHONE', 'Phone')),
	f(str('XML_ID', 'External ID')),
	f(num('SORT', 'Sort')),
];

export const requisite = crud({
	value: 'requisite',
	name: 'Requisite',
	group: 'CRM',
	description: 'Legal and tax details of companies and contacts',
	prefix: 'crm.requisite',
	noun: 'requisite',
	key: [id('id', 'Requisite ID')],
	create: [
		f(num('ENTITY_TYPE_ID', 'Owner Entity Type ID', { required: true, default: 4, description: '3 contact, 4 company' })),
		f(str('ENTITY_ID', 'Owner ID', { required: true, description: 'ID of the contact or company' })),
		f(num('PRESET_ID', 'Template ID', { required: true, default: 1, description: 'Requisite template (see Requisite Template → Get Many)' })),
		f(str('NAME', 'Name', { required: true })),
	],
	fields: requisiteFields,
	updateFirst: [f(str('NAME', 'Name'))],
	updateFixed: { fields: {} },
	paging: offsetPaging,
	verbs: ALL_VERBS,
});

export const requisitePreset: ResourceSpec = {
	value: 'requisitePreset',
	name: 'Requisite Template',
	group: 'CRM',
	operations: [{ value: 'getMany', name: 'Get Many', action: 'Get many requisite templates', method: 'crm.requisite.preset.list', kind: 'getMany', paging: offsetPaging }],
};

const bankFields = [
	f(str('RQ_BANK_NAME', 'Bank Name')),
	f(str('RQ_BANK_ADDR', 'Bank Address')),
	f(str('RQ_ACC_NUM', 'Account Number')),
	f(str('RQ_IBAN', 'IBAN')),
	f(str('RQ_SWIFT', 'SWIFT')),
	f(str('RQ_BIK', 'BIK')),
	f(str('RQ_COR_ACC_NUM', 'Correspondent Account')),
	f(str('RQ_ACC_CURRENCY', 'Account Currency')),
	f(str('COMMENTS', 'Comments')),
];

export const bankDetail = crud({
	value: 'bankDetail',
	name: 'Bank Detail',
	group: 'CRM',
	description: 'Bank accounts of a requisite',
	prefix: 'crm.requisite.bankdetail',
	noun: 'bank detail',
	key: [id('id', 'Bank Detail ID')],
	create: [f(str('ENTITY_ID', 'Requisite ID', { required: true })), f(str('NAME', 'Name', { required: true }))],
	fields: bankFields,
	updateFirst: [f(str('NAME', 'Name'))],
	updateFixed: { fields: {} },
	paging: offsetPaging,
});

const linkedRecord = [
	num('entityTypeId', 'Entity Type ID', { required: true, default: 2, description: '2 deal, 7 quote, 31 invoice, 128+ smart processes', dropdown: 'getEntityTypes' }),
	str('entityId', 'Entity ID', { required: true }),
];

export const requisiteLink: ResourceSpec = {
	value: 'requisiteLink',
	name: 'Requisite Link',
	group: 'CRM',
	description: 'Which client and own-company requisites a deal, quote or invoice uses',
	operations: [
		{
			value: 'register',
			name: 'Register',
			action: 'Link requisites to a record',
			method: 'crm.requisite.link.register',
			kind: 'action',
			params: [
				f(num('ENTITY_TYPE_ID', 'Entity Type ID', { required: true, default: 2, description: linkedRecord[0].description })),
				f(str('ENTITY_ID', 'Entity ID', { required: true })),
				f(num('REQUISITE_ID', 'Client Requisite ID', { required: true, default: 0 })),
				f(num('BANK_DETAIL_ID', 'Client Bank Detail ID', { required: true, default: 0 })),
				f(num('MC_REQUISITE_ID', 'Own Company Requisite ID', { required: true, default: 0 })),
				f(num('MC_BANK_DETAIL_ID', 'Own Company Bank Detail ID', { required: true, default: 0 })),
			],
		},
		{ value: 'get', name: 'Get', action: 'Get the requisites linked to a record', method: 'crm.requisite.link.get', kind: 'get', params: linkedRecord },
		{ value: 'getMany', name: 'Get Many', action: 'Get many requisite links', method: 'crm.requisite.link.list', kind: 'getMany', paging: offsetPaging },
		{ value: 'unregister', name: 'Unregister', action: 'Unlink requisites from a record', method: 'crm.requisite.link.unregister', kind: 'action', params: linkedRecord },
	],
};

const addressKey = [
	num('ADDRESS_TYPE_ID', 'Address Type ID', { required: true, default: 1, to: 'fields.TYPE_ID', description: '1 actual, 4 registered, 6 legal, 9 beneficiary (see crm.enum.addresstype)' }),
	f(num('ENTITY_TYPE_ID', 'Owner Entity Type ID', { required: true, default: 8, description: '8 requisite; 1 lead, 3 contact, 4 company' })),
	f(str('ENTITY_ID', 'Owner ID', { required: true })),
];
const addressFields = [
	f(str('ADDRESS_1', 'Street Address')),
	f(str('ADDRESS_2', 'Address Line 2')),
	f(str('CITY', 'City')),
	f(str('POSTAL_CODE', 'Postal Code')),
	f(str('REGION', 'Region')),
	f(str('PROVINCE', 'Province')),
	f(str('COUNTRY', 'Country')),
	f(str('COUNTRY_CODE', 'Country Code')),
];

export const address = crud({
	value: 'address',
	name: 'Address',
	group: 'CRM',
	description: 'Addresses of requisites, contacts, companies and leads, keyed by type and owner',
	prefix: 'crm.address',
	noun: 'address',
	plural: 'addresses',
	key: addressKey,
	create: addressKey,
	fields: addressFields,
	paging: offsetPaging,
	verbs: ['create', 'getMany', 'update', 'delete'],
	// no ID: the type and owner name an address, and the answer is `true`, so the output echoes them
	override: {
		create: { output: (_r, request) => ({ ...(request as { fields: object }).fields, created: true }) },
		update: { output: (_r, request) => ({ ...(request as { fields: object }).fields, updated: true }) },
		delete: { output: (_r, request) => ({ ...(request as { fields: object }).fields, deleted: true }) },
	},
});
