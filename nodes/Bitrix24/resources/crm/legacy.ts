import type { OperationSpec, ParamSpec, ResourceSpec } from '../../types';
import { bool, customFieldsProperty, date, fieldsOp, id, json, multifieldsProperty, num, startPaging, str } from '../shared';

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
}

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
export const sourceId = str('SOURCE_ID', 'Source ID', { placeholder: 'e.g. WEB' });
const registerEvent = bool('REGISTER_SONET_EVENT', 'Register Feed Event', 'Whether Bitrix24 posts the change to the activity stream', {
	yn: true,
	to: 'params.REGISTER_SONET_EVENT',
});

export function legacyEntity(entity: LegacyEntity): ResourceSpec {
	const lower = entity.name.toLowerCase();
	const recordId = id('id', `${entity.name} ID`);
	const fields = entity.fields.map(f);
	const mainField = f(entity.main);
	const extras = (forUpdate: boolean) => [
		...(entity.multifields ? [multifieldsProperty(forUpdate)] : []),
		customFieldsProperty(),
	];
	return {
		value: entity.value,
		name: entity.name,
		group: 'CRM',
		operations: [
			{
				value: 'create',
				name: 'Create',
				action: `Create a ${lower}`,
				method: `${entity.prefix}.add`,
				kind: 'create',
				params: [mainField],
				optional: [...fields, registerEvent],
				extra: extras(false),
				fixed: { fields: {} },
			},
			{ value: 'get', name: 'Get', action: `Get a ${lower}`, method: `${entity.prefix}.get`, kind: 'get', params: [recordId] },
			{
				value: 'getMany',
				name: 'Get Many',
				action: `Get many ${lower}s`,
				method: `${entity.prefix}.list`,
				kind: 'getMany',
				paging: startPaging(),
			},
			{
				value: 'update',
				name: 'Update',
				action: `Update a ${lower}`,
				method: `${entity.prefix}.update`,
				kind: 'update',
				params: [recordId],
				optional: [{ ...mainField, required: false }, ...fields, registerEvent],
				optionalName: 'updateFields',
				extra: extras(true),
				fixed: { fields: {} },
			},
			{ value: 'delete', name: 'Delete', action: `Delete a ${lower}`, method: `${entity.prefix}.delete`, kind: 'delete', params: [recordId] },
			fieldsOp(`${entity.prefix}.fields`, lower),
			...(entity.more ?? []),
		],
	};
}

/** crm.{lead|deal|quote}.productrows.get/set: set replaces every row of the record. */
function productRowOps(prefix: string, entity: string): OperationSpec[] {
	const recordId = id('id', `${entity} ID`);
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
	const recordId = id('id', `${entity} ID`);
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
	name: 'Lead',
	prefix: 'crm.lead',
	main: str('TITLE', 'Title'),
	multifields: true,
	more: productRowOps('crm.lead', 'Lead'),
	fields: [
		str('NAME', 'First Name'),
		str('LAST_NAME', 'Last Name'),
		str('SECOND_NAME', 'Second Name'),
		str('COMPANY_TITLE', 'Company Name'),
		str('POST', 'Position'),
		str('STATUS_ID', 'Stage ID', { placeholder: 'e.g. NEW' }),
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
	name: 'Deal',
	prefix: 'crm.deal',
	main: str('TITLE', 'Title'),
	more: [...productRowOps('crm.deal', 'Deal'), ...linkedItemOps('crm.deal.contact', 'Deal', 'Contact', 'Contacts')],
	fields: [
		str('STAGE_ID', 'Stage ID', { placeholder: 'e.g. NEW or C1:NEW' }),
		{ name: 'CATEGORY_ID', label: 'Pipeline Name or ID', type: 'options', loadOptions: 'getDealPipelines', description: 'The deal pipeline (General is the default one)' },
		num('OPPORTUNITY', 'Amount'),
		currency,
		str('CONTACT_ID', 'Contact ID'),
		str('COMPANY_ID', 'Company ID'),
		assignedBy,
		date('BEGINDATE', 'Start Date'),
		date('CLOSEDATE', 'Close Date'),
		str('TYPE_ID', 'Type ID', { placeholder: 'e.g. SALE' }),
		num('PROBABILITY', 'Probability'),
		sourceId,
		comments,
		opened,
	],
});

export const contact = legacyEntity({
	value: 'contact',
	name: 'Contact',
	prefix: 'crm.contact',
	main: str('NAME', 'First Name'),
	multifields: true,
	more: linkedItemOps('crm.contact.company', 'Contact', 'Company', 'Companies'),
	fields: [
		str('LAST_NAME', 'Last Name'),
		str('SECOND_NAME', 'Second Name'),
		str('POST', 'Position'),
		str('COMPANY_ID', 'Company ID'),
		str('TYPE_ID', 'Type ID', { placeholder: 'e.g. CLIENT' }),
		sourceId,
		assignedBy,
		date('BIRTHDATE', 'Birth Date'),
		comments,
		opened,
	],
});

export const company = legacyEntity({
	value: 'company',
	name: 'Company',
	prefix: 'crm.company',
	main: str('TITLE', 'Title'),
	multifields: true,
	more: linkedItemOps('crm.company.contact', 'Company', 'Contact', 'Contacts'),
	fields: [
		str('COMPANY_TYPE', 'Type', { placeholder: 'e.g. CUSTOMER' }),
		str('INDUSTRY', 'Industry', { placeholder: 'e.g. IT' }),
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
	main: str('TITLE', 'Title'),
	more: productRowOps('crm.quote', 'Quote'),
	fields: [
		str('STATUS_ID', 'Stage ID', { placeholder: 'e.g. DRAFT' }),
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
