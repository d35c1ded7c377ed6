import type { IDataObject } from 'n8n-workflow';

import type { ParamSpec, ResourceSpec } from '../../types';
import { binaryField, inlineFiles, numeratorFamily, publicUrlStatus, stamps, stampsFlag } from '../crm/documents';
import { crud } from '../crud';
import { act, fieldsOf, id, json, list, num, str, toFields as into, V2, yn } from '../shared';

/**
 * The document generator (documentgenerator.*): documents an application makes from DOCX templates
 * with its own data (the REST provider), their templates, numerators, regions and access roles.
 */

const documentOptions: ParamSpec[] = [
	json('values', 'Values (JSON)', { description: 'Values of template fields, e.g. {"DocumentTitle": "Act 5", "ClientName": "Acme"}' }),
	stamps,
	json('fields', 'Field Descriptions (JSON)', { description: 'How to read and format the values, e.g. {"Total": {"TYPE": "Bitrix\\\\DocumentGenerator\\\\Value\\\\Money"}}' }),
];
const documentId = id('id', 'Document ID');

export const generatedDocument = crud({
	value: 'generatedDocument',
	name: 'Document',
	group: 'Documents',
	description: 'Documents generated from templates with an application\'s data',
	prefix: 'documentgenerator.document',
	noun: 'document',
	key: [documentId],
	create: [
		num('templateId', 'Template ID', { required: true, default: 0, description: 'See Document Template → Get Many' }),
		str('value', 'Object ID', { required: true, description: 'External ID of the object the document is made for' }),
	],
	fields: [str('providerClassName', 'Provider Class', { placeholder: 'e.g. Bitrix\\DocumentGenerator\\DataProvider\\Rest', description: 'Data provider class; the REST provider by default' }), ...documentOptions],
	updateFirst: [],
	unwrap: 'document',
	paging: { mode: 'start', itemsPath: 'documents', filterKey: 'filter', orderKey: 'order', selectKey: 'select' },
	every: V2,
	override: {
		create: { action: 'Generate a document from a template', prepare: stampsFlag },
		update: { optional: documentOptions, prepare: stampsFlag },
	},
	more: [
		act('enablePublicUrl', 'Enable Public URL', 'Turn the public link of a document on or off', 'documentgenerator.document.enablepublicurl', [documentId, publicUrlStatus], {
			since: 2,
			output: (result, request) => ({ id: (request as IDataObject).id as string, ...(result as IDataObject) }),
		}),
		{
			value: 'getFields',
			name: 'Get Fields',
			action: 'Get the fields of a document',
			method: 'documentgenerator.document.getfields',
			kind: 'fields',
			since: 2,
			params: [documentId],
			optional: [json('values', 'Values (JSON)', { description: 'Values to compute the fields with, e.g. {"DocumentNumber": "17"}' })],
			optionalName: 'options',
			output: fieldsOf('documentFields'),
		},
	],
});

const templateMain = (required: boolean): ParamSpec[] => [
	into(str('name', 'Name', { required })),
	into(num('numeratorId', 'Numerator ID', { required, default: required ? 1 : undefined, description: 'See Document Numerator → Get Many' })),
	into(str('region', 'Region', { required, placeholder: 'e.g. de' })),
];
const templateCommon: ParamSpec[] = [
	into(str('code', 'Code')),
	into(list('users', 'Access Codes', { description: 'Comma-separated access codes of who may use the template, e.g. UA (all users), U1, D5' })),
	into(yn('active', 'Active', 'Whether the template can be used')),
	into(yn('withStamps', 'With Stamps', 'Whether documents include the stamp and signatures')),
	into(num('sort', 'Sort')),
];
// add takes a file or a Drive fileId; update only a new file, and providers (document-generator-template-add.md, -update.md)
const templateOptions: ParamSpec[] = [
	binaryField('binaryPropertyName', 'Input Binary Field', 'The input binary field holding the DOCX template; give this or File ID'),
	into(num('fileId', 'File ID', { description: 'A DOCX already on Drive; give this or Input Binary Field' })),
	...templateCommon,
];
const templateUpdateOptions: ParamSpec[] = [
	binaryField('binaryPropertyName', 'Input Binary Field', 'The input binary field holding a new DOCX template'),
	into(json('providers', 'Providers (JSON)', { description: 'Data provider classes, each as its own key and value, e.g. {"Bitrix\\\\DocumentGenerator\\\\DataProvider\\\\Rest": "Bitrix\\\\DocumentGenerator\\\\DataProvider\\\\Rest"}' })),
	...templateCommon,
];

export const documentTemplate = crud({
	value: 'documentTemplate',
	name: 'Document Template',
	group: 'Documents',
	description: 'DOCX templates of the document generator',
	prefix: 'documentgenerator.template',
	noun: 'document template',
	key: [id('id', 'Template ID')],
	create: templateMain(true),
	fields: templateOptions,
	updateFixed: { fields: {} },
	unwrap: 'template',
	paging: { mode: 'start', itemsPath: 'templates', filterKey: 'filter', orderKey: 'order', selectKey: 'select' },
	every: V2,
	override: {
		// a template file is one large request: keep it out of batch
		create: { batchable: false, prepare: inlineFiles([{ from: 'binaryPropertyName', to: 'fields.file', named: true }]) },
		update: { batchable: false, prepare: inlineFiles([{ from: 'binaryPropertyName', to: 'fields.file', named: true }]), optional: [...templateMain(false), ...templateUpdateOptions] },
	},
	more: [
		{
			value: 'getFields',
			name: 'Get Fields',
			action: 'Get the fields of a document template',
			method: 'documentgenerator.template.getfields',
			kind: 'fields',
			since: 2,
			params: [id('id', 'Template ID')],
			output: fieldsOf('templateFields'),
		},
	],
});

export const documentNumerator = numeratorFamily('documentNumerator', 'Documents', 'Number sequences of document templates', 'documentgenerator.numerator');

const regionFields: ParamSpec[] = [
	into(str('languageId', 'Language ID', { placeholder: 'e.g. de' })),
	into(str('formatDate', 'Date Format', { placeholder: 'e.g. DD.MM.YYYY' })),
	into(str('formatDatetime', 'Date and Time Format', { placeholder: 'e.g. DD.MM.YYYY HH:MI:SS' })),
	into(str('formatName', 'Name Format', { placeholder: 'e.g. #LAST_NAME# #NAME# #SECOND_NAME#' })),
	into(json('phrases', 'Phrases (JSON)', { description: 'Localized phrases by code, e.g. {"TAX_INCLUDED": "incl. VAT"}' })),
];

export const documentRegion = crud({
	value: 'documentRegion',
	name: 'Document Region',
	group: 'Documents',
	description: 'Regions: the language and formats documents are generated in',
	prefix: 'documentgenerator.region',
	noun: 'document region',
	key: [str('id', 'Region ID', { required: true, description: 'ID of a custom region, or the code of a built-in one (e.g. de) for Get' })],
	create: [into(str('title', 'Title', { required: true }))],
	fields: regionFields,
	updateFirst: [into(str('title', 'Title'))],
	updateFixed: { fields: {} },
	unwrap: 'region',
	paging: { mode: 'all', itemsPath: 'regions' },
	every: V2,
});

const permissions = json('permissions', 'Permissions (JSON)', {
	to: 'fields.permissions',
	description: 'Access levels, e.g. {"SETTINGS": {"MODIFY": "X"}, "TEMPLATES": {"MODIFY": "X"}, "DOCUMENTS": {"MODIFY": "X", "VIEW": "X"}}',
});

export const documentRole = crud({
	value: 'documentRole',
	name: 'Document Role',
	group: 'Documents',
	description: 'Access roles of the document generator',
	prefix: 'documentgenerator.role',
	noun: 'document role',
	key: [id('id', 'Role ID')],
	create: [into(str('name', 'Name', { required: true }))],
	fields: [into(str('code', 'Code')), permissions],
	updateFirst: [into(str('name', 'Name'))],
	updateFixed: { fields: {} },
	unwrap: 'role',
	paging: { mode: 'start', itemsPath: 'roles' },
	every: V2,
	more: [
		act('fillAccesses', 'Set Accesses', 'Assign document roles to users, groups and departments', 'documentgenerator.role.fillaccesses', [
			json('accesses', 'Accesses (JSON)', {
				required: true,
				shape: 'array',
				description: 'Every role assignment, as [{"roleId": 9, "accessCode": "U1"}]; the list replaces the current one, so assignments left out are removed',
			}),
		], { since: 2, output: (result, request) => ({ accesses: (request as IDataObject).accesses as IDataObject[], success: result !== false }) }),
	],
});

export const documentsResources: ResourceSpec[] = [generatedDocument, documentTemplate, documentNumerator, documentRegion, documentRole];
