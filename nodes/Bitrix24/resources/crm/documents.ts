import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { setPath } from '../../params';
import type { ParamSpec, ResourceSpec } from '../../types';
import { crud } from '../crud';
import { binaryProperty } from '../drive/binary';
import { act, fieldsOf, id, json, list, num, since2, str, toFields as into, V2, yn } from '../shared';

/**
 * Document generation for CRM records (crm.documentgenerator.*): editing, sharing and uploading the
 * documents, their templates and numerators. Generating and listing stay in CRM Document.
 */

const ENTITY_TYPE_HINT = '1 lead, 2 deal, 3 contact, 4 company, 7 quote, 31 invoice, 128+ smart processes';
const documentId = id('id', 'Document ID');
/** stampsEnabled is documented as an integer flag (1 include, 0 leave out). */
export const stampsFlag = (params: IDataObject): IDataObject => ('stampsEnabled' in params ? { ...params, stampsEnabled: params.stampsEnabled ? 1 : 0 } : params);
export const stamps: ParamSpec = { name: 'stampsEnabled', label: 'Stamps and Signatures', type: 'boolean', description: 'Whether to include the stamp and signatures' };

/** An input naming a binary field whose file goes into the request. */
export const binaryField = (name: string, label: string, description: string): ParamSpec => str(name, label, { placeholder: 'e.g. data', description });

/**
 * The document generator takes files inline, as Base64 (`named`: as [file name, Base64]): each
 * binary-field input (`from`) is replaced by its file's content at `to`.
 */
export function inlineFiles(files: Array<{ from: string; to: string; named?: boolean }>) {
	return async function (this: IExecuteFunctions, params: IDataObject, itemIndex: number): Promise<IDataObject> {
		const request = { ...params };
		for (const { from, to, named } of files) {
			const property = request[from];
			delete request[from];
			if (property === undefined || property === '') continue;
			const binary = this.helpers.assertBinaryData(itemIndex, String(property));
			const content = (await this.helpers.getBinaryDataBuffer(itemIndex, String(property))).toString('base64');
			setPath(request, to, named ? [binary.fileName ?? `template.${binary.fileExtension ?? 'docx'}`, content] : content);
		}
		return request;
	};
}

export const publicUrlStatus: ParamSpec = {
	name: 'status',
	label: 'Public Link',
	type: 'options',
	options: [
		{ name: 'Enable', value: 1 },
		{ name: 'Disable', value: 0 },
	],
	default: 1,
	description: 'Whether the document gets a public link or loses it',
};

export const crmGeneratedDocument: ResourceSpec = {
	value: 'crmGeneratedDocument',
	name: 'Generated Document',
	group: 'CRM',
	description: 'Change, share, upload and delete documents generated for CRM records',
	operations: since2([
		{
			value: 'update',
			name: 'Update',
			action: 'Update a generated document',
			method: 'crm.documentgenerator.document.update',
			kind: 'update',
			params: [documentId],
			optional: [json('values', 'Values (JSON)', { description: 'New values of template fields, e.g. {"DocumentTitle": "Offer 18"}' }), stamps],
			optionalName: 'updateFields',
			prepare: stampsFlag,
			unwrap: 'document',
		},
		{ value: 'delete', name: 'Delete', action: 'Delete a generated document', method: 'crm.documentgenerator.document.delete', kind: 'delete', params: [documentId] },
		act('enablePublicUrl', 'Enable Public URL', 'Turn the public link of a document on or off', 'crm.documentgenerator.document.enablepublicurl', [documentId, publicUrlStatus], {
			output: (result, request) => ({ id: (request as IDataObject).id as string, ...(result as IDataObject) }),
		}),
		{
			value: 'getFields',
			name: 'Get Fields',
			action: 'Get the fields of a generated document',
			method: 'crm.documentgenerator.document.getfields',
			kind: 'fields',
			params: [documentId],
			optional: [json('values', 'Values (JSON)', { description: 'Values to compute the fields with, e.g. {"DocumentNumber": "17"}' })],
			optionalName: 'options',
			output: fieldsOf('documentFields'),
		},
		act(
			'upload',
			'Upload',
			'Upload a ready document to a CRM record',
			'crm.documentgenerator.document.upload',
			[
				into(num('entityTypeId', 'Entity Type ID', { required: true, default: 2, description: ENTITY_TYPE_HINT, dropdown: 'getEntityTypes' })),
				into(str('entityId', 'Entity ID', { required: true, description: 'ID of the CRM record the document belongs to' })),
				into(str('title', 'Title', { required: true })),
				into(str('number', 'Number', { required: true, placeholder: 'e.g. 2026-017' })),
				into(str('region', 'Region', { required: true, placeholder: 'e.g. de', description: 'Region code of the document, as templates name it' })),
				{ ...binaryProperty('read'), description: 'The input binary field holding the DOCX file' },
			],
			{
				optional: [
					binaryField('pdfBinaryPropertyName', 'PDF Binary Field', 'The input binary field holding the PDF version'),
					binaryField('imageBinaryPropertyName', 'Image Binary Field', 'The input binary field holding a preview image'),
				],
				optionalName: 'additionalFields',
				prepare: inlineFiles([
					{ from: 'binaryPropertyName', to: 'fields.fileContent' },
					{ from: 'pdfBinaryPropertyName', to: 'fields.pdfContent' },
					{ from: 'imageBinaryPropertyName', to: 'fields.imageContent' },
				]),
				unwrap: 'document',
				// an upload is one large request: keep it out of batch
				batchable: false,
			},
		),
	]),
};

const templateFields = (required: boolean): ParamSpec[] => [
	into(str('name', 'Name', { required })),
	into(num('numeratorId', 'Numerator ID', { required, default: required ? 1 : undefined, description: 'See CRM Document Numerator → Get Many' })),
	into(str('region', 'Region', { required, placeholder: 'e.g. de' })),
	{ ...list('entityTypeIds', 'Entity Type IDs', { required, default: required ? '2' : undefined, description: `Comma-separated CRM types the template serves: ${ENTITY_TYPE_HINT}` }), to: 'fields.entityTypeId' },
];
const templateOptions: ParamSpec[] = [
	into(list('users', 'Access Codes', { description: 'Comma-separated access codes of who may use the template, e.g. UA (all users), U1, D5' })),
	into(yn('active', 'Active', 'Whether the template can be used')),
	into(yn('withStamps', 'With Stamps', 'Whether documents include the stamp and signatures')),
	into(num('sort', 'Sort')),
];
const templatePaging = { mode: 'start' as const, itemsPath: 'templates', filterKey: 'filter', orderKey: 'order', selectKey: 'select' };

export const crmDocumentTemplate = crud({
	value: 'crmDocumentTemplate',
	name: 'Document Template',
	group: 'CRM',
	description: 'DOCX templates that CRM documents are generated from',
	prefix: 'crm.documentgenerator.template',
	noun: 'document template',
	key: [id('id', 'Template ID')],
	create: [...templateFields(true), { ...binaryProperty('read'), description: 'The input binary field holding the DOCX template' }],
	fields: templateOptions,
	updateFirst: [...templateFields(false), binaryField('binaryPropertyName', 'Input Binary Field', 'The input binary field holding a new DOCX template')],
	updateFixed: { fields: {} },
	unwrap: 'template',
	paging: templatePaging,
	every: { since: 2 },
	verbs: ['create', 'get', 'getMany', 'update', 'delete'],
	override: {
		// a template file is one large request: keep it out of batch
		create: { batchable: false, prepare: inlineFiles([{ from: 'binaryPropertyName', to: 'fields.file', named: true }]) },
		// CRM Document → Get Templates has the action "Get many document templates"
		getMany: { action: 'List the templates of CRM documents' },
		update: { batchable: false, prepare: inlineFiles([{ from: 'binaryPropertyName', to: 'fields.file', named: true }]) },
	},
	more: [
		{
			value: 'getFields',
			name: 'Get Fields',
			action: 'Get the fields of a document template',
			method: 'crm.documentgenerator.template.getfields',
			kind: 'fields',
			since: 2,
			params: [id('id', 'Template ID'), num('entityTypeId', 'Entity Type ID', { required: true, default: 2, description: ENTITY_TYPE_HINT, dropdown: 'getEntityTypes' })],
			optional: [
				str('entityId', 'Entity ID', { description: 'The CRM record whose data fills the values' }),
				json('values', 'Values (JSON)', { description: 'Values to compute the fields with, e.g. {"DocumentNumber": "17"}' }),
			],
			optionalName: 'options',
			output: fieldsOf('templateFields'),
		},
	],
});

/** Numerator inputs: the documented `fields` object. */
const numeratorFields = (required: boolean): ParamSpec[] => [
	into(str('name', 'Name', { required })),
	into(str('template', 'Number Template', { required, placeholder: 'e.g. INV-{NUMBER}', description: 'The number pattern; {NUMBER} is the counter' })),
];
const numeratorOptions: ParamSpec[] = [
	json('settings', 'Settings (JSON)', {
		to: 'fields.settings',
		description: 'Counter settings, e.g. {"Bitrix_Main_Numerator_Generator_SequentNumberGenerator": {"start": 1, "step": 1, "length": 4, "padString": "0"}}',
	}),
];

/** A family of numerators: CRM's and the document generator's differ only in method prefix and group. */
export const numeratorFamily = (value: string, group: string, description: string, prefix: string): ResourceSpec =>
	crud({
		value,
		name: 'Document Numerator',
		group,
		description,
		prefix,
		noun: 'document numerator',
		key: [id('id', 'Numerator ID')],
		create: numeratorFields(true),
		fields: numeratorOptions,
		updateFirst: numeratorFields(false),
		updateFixed: { fields: {} },
		unwrap: 'numerator',
		paging: { mode: 'start', itemsPath: 'numerators' },
		every: V2,
		// numerator.update answers the numerator itself, not wrapped
		override: { update: { unwrap: undefined } },
	});

export const crmDocumentNumerator = numeratorFamily('crmDocumentNumerator', 'CRM', 'Number sequences of CRM document templates', 'crm.documentgenerator.numerator');
