import type { MapperEntity } from '../../mapper';
import type { OperationSpec, ParamSpec, RecordSpec, ResourceSpec } from '../../types';
import { findByComm, upsert } from '../../handlers/duplicates';
import { legacyKey } from '../../handlers/idempotency';
import { ALL_VERBS, crud } from '../crud';
import { bool, customFieldsProperty, date, id, json, list, multifieldsProperty, num, startPaging, str } from '../shared';
import type { LocatorName } from '../../locators';

/** A legacy CRM entity (crm.lead|deal|contact|company|quote.*): UPPER_CASE fields, plain `result`. */
interface LegacyEntity {
	value: string;
	name: string;
	prefix: string;
	/** The field shown at the top of Create (Title or Name). */
	main: ParamSpec;
	fields: ParamSpec[];
	multifields?: boolean;
	more?: OperationSpec[];
	/** Simplify's fields (crm/main-entities-fields.md). */
	simplify: string[];
	entityTypeId: number;
	/** Records carry a pipeline (CATEGORY_ID). */
	pipelines?: boolean;
	/** Creates keep an external key (ORIGINATOR_ID + ORIGIN_ID): leads, deals, contacts, companies. */
	keyed?: boolean;
}

/** The user fields of the legacy entities (crm.deal.fields and its siblings). */
const LEGACY_USERS = ['ASSIGNED_BY_ID', 'CREATED_BY_ID', 'MODIFY_BY_ID', 'MOVED_BY_ID', 'LAST_ACTIVITY_BY'];

const f = (spec: ParamSpec): ParamSpec => ({ ...spec, to: `fields.${spec.to ?? spec.name}` });

export const assignedBy: ParamSpec = {
	name: 'ASSIGNED_BY_ID',
	label: 'Responsible User Name or ID',
	type: 'options',
	loadOptions: 'getUsers',
	description: 'The user responsible for the record',
};
export const comments = str('COMMENTS', 'Comments');
export const currency: ParamSpec = { name: 'CURRENCY_ID', label: 'Currency Name or ID', type: 'options', loadOptions: 'getCurrencies' };
export const opened = bool('OPENED', 'Available to Everyone', 'Whether every user can see the record', { yn: true });
export const sourceId = str('SOURCE_ID', 'Source ID', { placeholder: 'e.g. WEB', dropdown: 'getSources' });
const registerEvent = bool('REGISTER_SONET_EVENT', 'Register Feed Event', 'Whether Bitrix24 posts the change to the activity stream', {
	yn: true,
	to: 'params.REGISTER_SONET_EVENT',
});

export function legacyEntity(entity: LegacyEntity): ResourceSpec {
	const lower = entity.name.toLowerCase();
	const plural = `${lower.replace(/y$/, 'ie')}s`;
	const recordId = id('id', `${entity.name} ID`, undefined, { locator: entity.value as LocatorName });
	const fields = entity.fields.map(f);
	const mainField = f(entity.main);
	const record: RecordSpec = {
		simplify: entity.simplify,
		fieldsMethod: `${entity.prefix}.fields`,
		users: LEGACY_USERS,
		crm: { entityTypeId: entity.entityTypeId, categoryField: entity.pipelines ? 'CATEGORY_ID' : undefined },
	};
	const readBack = { method: `${entity.prefix}.get`, idKey: 'id' };
	const extras = (forUpdate: boolean) => [
		...(entity.multifields ? [multifieldsProperty(forUpdate)] : []),
		customFieldsProperty(),
	];
	const mapper = entity.value as MapperEntity;
	return crud({
		value: entity.value,
		name: entity.name,
		group: 'CRM',
		prefix: entity.prefix,
		noun: lower,
		plural,
		key: [recordId],
		create: [mainField],
		fields: [...fields, registerEvent],
		updateFirst: [{ ...mainField, required: false }],
		updateFixed: { fields: {} },
		paging: startPaging(),
		verbs: ALL_VERBS,
		override: {
			create: { extra: extras(false), fixed: { fields: {} }, readBack, mapper, idempotency: entity.keyed ? legacyKey(entity.prefix) : undefined },
			get: { record },
			getMany: { record },
			update: { extra: extras(true), readBack, mapper },
		},
		more: [...(entity.multifields ? commOperations(entity, lower, mainField, [...fields, registerEvent], extras(false), readBack) : []), ...(entity.more ?? [])],
	});
}

const matchBy: ParamSpec = {
	name: 'matchBy',
	label: 'Match By',
	type: 'options',
	options: [
		{ name: 'Email', value: 'EMAIL' },
		{ name: 'Phone', value: 'PHONE' },
	],
	default: 'EMAIL',
	to: 'match.type',
};

/**
 * Leads, contacts and companies found by phone or email (crm.duplicate.findbycomm), and Create or
 * Update on that match; node version 2.
 */
function commOperations(
	entity: LegacyEntity,
	lower: string,
	mainField: ParamSpec,
	optional: ParamSpec[],
	extra: NonNullable<OperationSpec['extra']>,
	readBack: OperationSpec['readBack'],
): OperationSpec[] {
	const entityType = entity.value.toUpperCase();
	const plural = `${lower.replace(/y$/, 'ie')}s`;
	return [
		{
			value: 'findByComm',
			name: 'Find by Phone or Email',
			action: `Find ${plural} by phone or email`,
			description: `Returns the ${plural} that have one of the phones or emails (crm.duplicate.findbycomm, then ${entity.prefix}.get)`,
			method: 'crm.duplicate.findbycomm',
			kind: 'action',
			since: 2,
			params: [
				matchBy,
				list('matchValues', 'Emails or Phones', { required: true, to: 'match.values', placeholder: 'e.g. name@example.com, other@example.com', description: 'Comma-separated, up to 20' }),
			],
			execute: findByComm(entity.prefix, entityType),
		},
		{
			value: 'upsert',
			name: 'Create or Update',
			action: `Create or update a ${lower}`,
			// the n8n wording for upserts; Match By and Email or Phone say what "exists" means here
			description: 'Create a new record, or update the current one if it already exists (upsert)',
			method: 'crm.duplicate.findbycomm',
			kind: 'action',
			since: 2,
			params: [
				matchBy,
				str('matchValue', 'Email or Phone', {
					required: true,
					to: 'match.value',
					placeholder: 'e.g. name@example.com',
					description: `The email or phone to look for: the oldest ${lower} that has it is updated; with none, a new ${lower} is created with it as its work email or phone`,
				}),
				mainField,
			],
			optional,
			extra,
			fixed: { fields: {} },
			readBack,
			mapper: entity.value as MapperEntity,
			execute: upsert(entity.prefix, entityType),
		},
	];
}

/** crm.{lead|deal|quote}.productrows.get/set: set replaces every row of the record. */
function productRowOps(prefix: string, entity: string): OperationSpec[] {
	const recordId = id('id', `${entity} ID`, undefined, { locator: entity.toLowerCase() as LocatorName });
	return [
		{ value: 'getProductRows', name: 'Get Product Rows', action: `Get the product rows of a ${entity.toLowerCase()}`, method: `${prefix}.productrows.get`, kind: 'get', params: [recordId] },
		{
			value: 'setProductRows',
			name: 'Set Product Rows',
			action: `Replace the product rows of a ${entity.toLowerCase()}`,
			description: 'Rows not in the list are removed',
			method: `${prefix}.productrows.set`,
			kind: 'update',
			params: [
				recordId,
				json('rows', 'Rows (JSON)', {
					required: true,
					shape: 'array',
					description: 'Product rows, e.g. [{"PRODUCT_ID": 12, "PRICE": 100, "QUANTITY": 2}]; an empty array removes all rows',
				}),
			],
		},
	];
}

/** crm.{deal|company}.contact.items.* and crm.contact.company.items.*: the linked records of a record. */
function linkedItemOps(prefix: string, entity: string, linked: 'Contact' | 'Company', plural: string): OperationSpec[] {
	const recordId = id('id', `${entity} ID`, undefined, { locator: entity.toLowerCase() as LocatorName });
	const key = `${linked.toUpperCase()}_ID`;
	return [
		{ value: `get${plural}`, name: `Get ${plural}`, action: `Get the ${plural.toLowerCase()} of a ${entity.toLowerCase()}`, method: `${prefix}.items.get`, kind: 'get', params: [recordId] },
		{
			value: `set${plural}`,
			name: `Set ${plural}`,
			action: `Replace the ${plural.toLowerCase()} of a ${entity.toLowerCase()}`,
			description: `${plural} not in the list are unlinked`,
			method: `${prefix}.items.set`,
			kind: 'update',
			params: [
				recordId,
				json('items', `${plural} (JSON)`, {
					required: true,
					shape: 'array',
					description: `Linked ${plural.toLowerCase()}, e.g. [{"${key}": 5, "IS_PRIMARY": "Y"}, {"${key}": 7}]`,
				}),
			],
		},
	];
}

export const lead = legacyEntity({
	value: 'lead',
	keyed: true,
	name: 'Lead',
	prefix: 'crm.lead',
	entityTypeId: 1,
	main: str('TITLE', 'Title'),
	simplify: ['ID', 'TITLE', 'NAME', 'LAST_NAME', 'STATUS_ID', 'SOURCE_ID', 'OPPORTUNITY', 'CURRENCY_ID', 'PHONE', 'EMAIL', 'ASSIGNED_BY_ID', 'DATE_CREATE', 'DATE_MODIFY'],
	multifields: true,
	more: productRowOps('crm.lead', 'Lead'),
	fields: [
		str('NAME', 'First Name'),
		str('LAST_NAME', 'Last Name'),
		str('SECOND_NAME', 'Second Name'),
		str('COMPANY_TITLE', 'Company Name'),
		str('POST', 'Position'),
		str('STATUS_ID', 'Stage ID', { placeholder: 'e.g. NEW', dropdown: 'getLeadStatuses' }),
		sourceId,
		num('OPPORTUNITY', 'Amount'),
		currency,
		assignedBy,
		date('BIRTHDATE', 'Birth Date'),
		comments,
		opened,
	],
});

export const deal = legacyEntity({
	value: 'deal',
	keyed: true,
	name: 'Deal',
	prefix: 'crm.deal',
	entityTypeId: 2,
	pipelines: true,
	main: str('TITLE', 'Title'),
	simplify: ['ID', 'TITLE', 'CATEGORY_ID', 'STAGE_ID', 'TYPE_ID', 'SOURCE_ID', 'OPPORTUNITY', 'CURRENCY_ID', 'COMPANY_ID', 'CONTACT_ID', 'ASSIGNED_BY_ID', 'CLOSEDATE', 'DATE_CREATE', 'DATE_MODIFY'],
	more: [...productRowOps('crm.deal', 'Deal'), ...linkedItemOps('crm.deal.contact', 'Deal', 'Contact', 'Contacts')],
	fields: [
		str('STAGE_ID', 'Stage ID', { placeholder: 'e.g. NEW or C1:NEW', dropdown: 'getDealStages', dependsOn: ['additionalFields.CATEGORY_ID', 'updateFields.CATEGORY_ID'] }),
		{ name: 'CATEGORY_ID', label: 'Pipeline Name or ID', type: 'options', loadOptions: 'getDealPipelines', description: 'The deal pipeline (General is the default one)' },
		num('OPPORTUNITY', 'Amount'),
		currency,
		str('CONTACT_ID', 'Contact ID'),
		str('COMPANY_ID', 'Company ID'),
		assignedBy,
		date('BEGINDATE', 'Start Date'),
		date('CLOSEDATE', 'Close Date'),
		str('TYPE_ID', 'Type ID', { placeholder: 'e.g. SALE', dropdown: 'getDealTypes' }),
		num('PROBABILITY', 'Probability'),
		sourceId,
		comments,
		opened,
	],
});

export const contact = legacyEntity({
	value: 'contact',
	keyed: true,
	name: 'Contact',
	prefix: 'crm.contact',
	entityTypeId: 3,
	main: str('NAME', 'First Name'),
	simplify: ['ID', 'NAME', 'LAST_NAME', 'POST', 'TYPE_ID', 'SOURCE_ID', 'COMPANY_ID', 'PHONE', 'EMAIL', 'ASSIGNED_BY_ID', 'DATE_CREATE', 'DATE_MODIFY'],
	multifields: true,
	more: linkedItemOps('crm.contact.company', 'Contact', 'Company', 'Companies'),
	fields: [
		str('LAST_NAME', 'Last Name'),
		str('SECOND_NAME', 'Second Name'),
		str('POST', 'Position'),
		str('COMPANY_ID', 'Company ID'),
		str('TYPE_ID', 'Type ID', { placeholder: 'e.g. CLIENT', dropdown: 'getContactTypes' }),
		sourceId,
		assignedBy,
		date('BIRTHDATE', 'Birth Date'),
		comments,
		opened,
	],
});

export const company = legacyEntity({
	value: 'company',
	keyed: true,
	name: 'Company',
	prefix: 'crm.company',
	entityTypeId: 4,
	main: str('TITLE', 'Title'),
	simplify: ['ID', 'TITLE', 'COMPANY_TYPE', 'INDUSTRY', 'REVENUE', 'CURRENCY_ID', 'PHONE', 'EMAIL', 'ASSIGNED_BY_ID', 'DATE_CREATE', 'DATE_MODIFY'],
	multifields: true,
	more: linkedItemOps('crm.company.contact', 'Company', 'Contact', 'Contacts'),
	fields: [
		str('COMPANY_TYPE', 'Type', { placeholder: 'e.g. CUSTOMER', dropdown: 'getCompanyTypes' }),
		str('INDUSTRY', 'Industry', { placeholder: 'e.g. IT', dropdown: 'getIndustries' }),
		str('EMPLOYEES', 'Employees', { placeholder: 'e.g. EMPLOYEES_1' }),
		num('REVENUE', 'Annual Revenue'),
		currency,
		assignedBy,
		comments,
		opened,
	],
});

export const quote = legacyEntity({
	value: 'quote',
	name: 'Quote',
	prefix: 'crm.quote',
	entityTypeId: 7,
	main: str('TITLE', 'Title'),
	simplify: ['ID', 'TITLE', 'QUOTE_NUMBER', 'STATUS_ID', 'OPPORTUNITY', 'CURRENCY_ID', 'DEAL_ID', 'COMPANY_ID', 'CONTACT_ID', 'ASSIGNED_BY_ID', 'CLOSEDATE', 'DATE_CREATE', 'DATE_MODIFY'],
	more: productRowOps('crm.quote', 'Quote'),
	fields: [
		str('STATUS_ID', 'Stage ID', { placeholder: 'e.g. DRAFT', dropdown: 'getQuoteStatuses' }),
		num('OPPORTUNITY', 'Amount'),
		currency,
		str('DEAL_ID', 'Deal ID'),
		str('CONTACT_ID', 'Contact ID'),
		str('COMPANY_ID', 'Company ID'),
		assignedBy,
		date('CLOSEDATE', 'Valid Until'),
		comments,
		opened,
	],
});
