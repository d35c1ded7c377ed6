import type {
	FieldType,
	IDataObject,
	IExecuteFunctions,
	ILoadOptionsFunctions,
	INodeProperties,
	INodePropertyOptions,
	ResourceMapperField,
} from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import type { B24Context } from './transport/connection';
import { bitrixApiError } from './transport/errors';
import { readList } from './transport/paging';
import type { Command } from './transport/request';
import { callBatch } from './transport/request';
import type { OperationSpec } from './types';

/** Whose fields the Create/Update field mapper shows (node version 2). */
export type MapperEntity = 'lead' | 'deal' | 'contact' | 'company' | 'quote' | 'item' | 'invoice' | 'task';

/** The mapper's parameter: one name and type across the node. */
const MAPPER_PARAMETER = 'columns';

type Style = 'legacy' | 'item' | 'task';

const ENTITIES: Record<MapperEntity, { style: Style; method: string; entityTypeId?: number }> = {
	lead: { style: 'legacy', method: 'crm.lead.fields' },
	deal: { style: 'legacy', method: 'crm.deal.fields' },
	contact: { style: 'legacy', method: 'crm.contact.fields' },
	company: { style: 'legacy', method: 'crm.company.fields' },
	quote: { style: 'legacy', method: 'crm.quote.fields' },
	item: { style: 'item', method: 'crm.item.fields' },
	invoice: { style: 'item', method: 'crm.item.fields', entityTypeId: 31 },
	task: { style: 'task', method: 'tasks.task.getFields' },
};

/** How a value is converted for Bitrix24. */
type Kind = 'text' | 'integer' | 'double' | 'money' | 'yn' | 'flag' | 'date' | 'datetime' | 'choice' | 'user' | 'id';

interface MapperField {
	/** The request key (UPPER_CASE for legacy CRM and tasks, camelCase for crm.item). */
	id: string;
	/** The UPPER_CASE field code. */
	code: string;
	label: string;
	kind: Kind;
	required: boolean;
	multiple: boolean;
	custom: boolean;
	/** Set only when the record is created (isImmutable, e.g. a deal's pipeline). */
	immutable: boolean;
	options?: INodePropertyOptions[];
}

/**
 * tasks.task.getFields marks no field read-only (api-reference/tasks/tasks-task-get-fields.md); these
 * are the ones the server computes or that change only through their own methods (status actions,
 * favorites, pins), per api-reference/tasks/fields.md.
 */
const TASK_COMPUTED = new Set(
	'ID CREATED_DATE CHANGED_BY CHANGED_DATE STATUS STATUS_CHANGED_BY STATUS_CHANGED_DATE CLOSED_BY CLOSED_DATE ACTIVITY_DATE COMMENTS_COUNT SERVICE_COMMENTS_COUNT NEW_COMMENTS_COUNT TIME_SPENT_IN_LOGS FORUM_TOPIC_ID FORUM_ID SITE_ID EXCHANGE_MODIFIED EXCHANGE_ID OUTLOOK_VERSION VIEWED_DATE SORTING DURATION_FACT NOT_VIEWED FAVORITE IS_MUTED IS_PINNED IS_PINNED_IN_GROUP SUBORDINATE MULTITASK FORKED_BY_TEMPLATE_ID GUID CHECKLIST'.split(' '),
);
const TASK_USERS = new Set(['RESPONSIBLE_ID', 'CREATED_BY', 'ACCOMPLICES', 'AUDITORS']);
const CRM_LINKS = /^crm_(lead|deal|contact|company|quote|entity|category)$/;
const TEXT_TYPES = new Set(['string', 'text', 'url', 'address']);

/** tasks.task.getFields leaves some titles null (ALLOW_CHANGE_DEADLINE, AUDITORS): "Allow Change Deadline". */
const humanize = (code: string) => code.toLowerCase().replace(/(^|_)([a-z])/g, (_, sep: string, c: string) => `${sep ? ' ' : ''}${c.toUpperCase()}`);

interface Reference {
	statuses: IDataObject[];
	currencies: IDataObject[];
	users?: INodePropertyOptions[];
}

function statusOptions(statusType: unknown, ref: Reference): INodePropertyOptions[] {
	const type = String(statusType ?? '');
	// other deal pipelines keep their stages under DEAL_STAGE_<pipeline ID>
	const other = new RegExp(`^${type.replace(/[^A-Z0-9_]/gi, '')}_\\d+$`);
	return ref.statuses
		.filter((row) => row.ENTITY_ID === type || other.test(String(row.ENTITY_ID)))
		.map((row) => ({ name: row.ENTITY_ID === type ? String(row.NAME) : `${String(row.NAME)} (${String(row.STATUS_ID)})`, value: String(row.STATUS_ID) }));
}

/** One field of a `*.fields` answer as the mapper sees it; `undefined` for read-only or unsupported fields. */
function describe(style: Style, key: string, def: IDataObject, ref: Reference): MapperField | undefined {
	const code = String(def.upperName ?? key);
	const custom = def.isDynamic === true || code.startsWith('UF_');
	if (def.isReadOnly === true || def.primary === true || (style === 'task' && TASK_COMPUTED.has(code))) return undefined;
	const type = String(def.type ?? '');
	let kind: Kind | undefined;
	let options: INodePropertyOptions[] | undefined;
	let multiple = def.isMultiple === true;
	if (style === 'task' && TASK_USERS.has(code)) {
		kind = 'user';
		multiple = type === 'array';
	} else if (TEXT_TYPES.has(type)) kind = 'text';
	else if (type === 'integer') kind = 'integer';
	else if (type === 'double') kind = 'double';
	else if (type === 'money') kind = 'money';
	else if (type === 'char') kind = 'yn';
	// custom Yes/No fields take 1/0 (uf boolean: DEFAULT_VALUE 1 is yes), standard ones Y/N
	else if (type === 'boolean') kind = custom ? 'flag' : 'yn';
	else if (type === 'date') kind = 'date';
	else if (type === 'datetime') kind = 'datetime';
	else if (type === 'user' || type === 'employee') kind = 'user';
	else if (CRM_LINKS.test(type)) kind = 'id';
	else if (type === 'crm') {
		// CRM bindings: "D_12", "C_7" (api-reference/tasks/fields.md, ufCrmTask), a list on tasks
		kind = 'text';
		multiple = multiple || style === 'task';
	} else if (type === 'enumeration') {
		kind = 'choice';
		options = ((def.items ?? []) as IDataObject[]).map((item) => ({ name: String(item.VALUE), value: String(item.ID) }));
	} else if (type === 'crm_status') {
		kind = 'choice';
		options = statusOptions(def.statusType, ref);
	} else if (type === 'crm_currency') {
		kind = 'choice';
		options = ref.currencies.map((row) => ({ name: String(row.FULL_NAME ?? row.CURRENCY), value: String(row.CURRENCY) }));
	} else if (type === 'enum' && def.values && typeof def.values === 'object') {
		const values = def.values as IDataObject | string[];
		const entries = Array.isArray(values) ? values.map((v) => [String(v), String(v)]) : Object.entries(values).map(([k, v]) => [k, String(v)]);
		if (entries.length === 2 && entries.every(([k]) => k === 'Y' || k === 'N')) kind = 'yn';
		else {
			kind = 'choice';
			options = entries.map(([value, name]) => ({ name, value }));
		}
	}
	if (!kind) return undefined;
	if (kind === 'user') options = ref.users;
	// a list the portal did not give (no statuses readable): the value goes as typed
	if (kind === 'choice' && !options?.length) kind = 'text';
	const label = String(def.formLabel || def.listLabel || def.title || (custom ? code : humanize(code)));
	// tasks.task.add fills the creator with the calling user, though getFields calls it required
	const required = (def.isRequired === true || def.required === true) && !(style === 'task' && code === 'CREATED_BY');
	return { id: key, code, label, kind, required, multiple, custom, immutable: def.isImmutable === true, options };
}

function batchFailure(ctx: B24Context, error: { error: string; error_description: string }, method: string) {
	return bitrixApiError(
		ctx.getNode(),
		{ code: error.error, description: error.error_description, method, commandKey: 'fields', hint: 'The field list could not be read. Check the credential\'s scopes (crm, task) and, for a smart process, the Entity Type ID.' },
		[],
	);
}

/**
 * The writable fields of one entity with their reference data: the field metadata, the CRM status
 * lists and currencies (and, for the editor, the users) in one batch call.
 */
async function loadMapperFields(ctx: B24Context, entity: MapperEntity, entityTypeId: unknown, withUsers: boolean): Promise<MapperField[]> {
	const spec = ENTITIES[entity];
	const typeId = spec.entityTypeId ?? Number(entityTypeId);
	if (spec.style === 'item' && !(typeId > 0)) {
		throw new NodeOperationError(ctx.getNode(), 'Set Entity Type ID to load the fields', {
			description: 'Enter the entity type as a number (e.g. 128 for a smart process; see Smart Process Type → Get Many).',
		});
	}
	const commands: Record<string, Command> = { fields: { method: spec.method, params: spec.style === 'item' ? { entityTypeId: typeId } : {} } };
	if (spec.style !== 'task') {
		commands.statuses = { method: 'crm.status.list', params: {} };
		commands.currencies = { method: 'crm.currency.list', params: {} };
	}
	if (withUsers) commands.users = { method: 'user.get', params: { FILTER: { ACTIVE: true }, sort: 'ID', order: 'ASC' } };
	const batch = await callBatch(ctx, commands, { halt: false });
	if (batch.errors.fields) throw batchFailure(ctx, batch.errors.fields, spec.method);
	const ref: Reference = {
		statuses: (batch.result.statuses ?? []) as IDataObject[],
		currencies: (batch.result.currencies ?? []) as IDataObject[],
	};
	if (withUsers) {
		const rows = (batch.result.users ?? []) as IDataObject[];
		if (batch.next.users !== undefined && rows.length) {
			// the rest after the first page (sorted by ID), through the fast list reader
			const paging = { mode: 'start' as const, filterKey: 'FILTER', idField: 'ID', idFilter: '>ID', orderPair: ['sort', 'order'] as [string, string] };
			const filter = { ACTIVE: true, '>ID': rows[rows.length - 1].ID as string };
			await readList(ctx, { method: 'user.get', paging, params: {}, filter, itemIndex: 0 }, (page) => rows.push(...page));
		}
		ref.users = rows.map((row) => ({ name: [row.NAME, row.LAST_NAME].filter(Boolean).join(' ') || String(row.EMAIL || row.ID), value: String(row.ID) }));
	}
	const result = batch.result.fields as IDataObject;
	const defs = (spec.style === 'legacy' ? result : result?.fields) as IDataObject | undefined;
	return Object.entries(defs ?? {})
		.map(([key, def]) => describe(spec.style, key, (def ?? {}) as IDataObject, ref))
		.filter((field): field is MapperField => field !== undefined);
}

const TYPES: Record<Kind, FieldType> = {
	text: 'string',
	money: 'string',
	integer: 'number',
	double: 'number',
	id: 'number',
	yn: 'boolean',
	flag: 'boolean',
	date: 'dateTime',
	datetime: 'dateTime',
	choice: 'options',
	user: 'options',
};

function displayName(field: MapperField): string {
	if (field.custom) return field.label === field.code ? field.code : `${field.label} (${field.code})`;
	if (field.kind === 'id') return `${field.label} (ID)`;
	if (field.kind === 'money') return `${field.label} (Amount|Currency)`;
	return field.label;
}

/** Fields the operation already asks for as its own inputs (e.g. a task's Title) stay out of the mapper. */
function ownInputs(op: OperationSpec): Set<string> {
	return new Set((op.params ?? []).map((spec) => spec.to ?? '').filter((to) => to.startsWith('fields.')).map((to) => to.slice(7)));
}

/** The mapper's columns: labels, required marks (Create only), types and dropdowns. */
function toMapperFields(fields: MapperField[], op: OperationSpec): ResourceMapperField[] {
	const skip = ownInputs(op);
	return fields
		.filter((field) => !skip.has(field.id) && !skip.has(field.code) && !(op.kind === 'update' && field.immutable))
		.map((field) => ({
			id: field.id,
			displayName: displayName(field),
			// on Update every field may be left out; the record is named by its ID input
			required: op.kind === 'create' && field.required,
			defaultMatch: false,
			canBeUsedToMatch: false,
			display: true,
			type: field.multiple ? 'array' : TYPES[field.kind],
			...(field.options && !field.multiple ? { options: field.options } : {}),
		}));
}

/** The editor's columns for an operation; CRM items read the type from the Entity Type ID input. */
export async function mapperSchema(ctx: ILoadOptionsFunctions, op: OperationSpec): Promise<ResourceMapperField[]> {
	// the editor builds this context from the node's current parameters, so getNodeParameter sees them (expressions resolved)
	const entityTypeId = op.mapper === 'item' ? ctx.getNodeParameter('entityTypeId', undefined) : undefined;
	return toMapperFields(await loadMapperFields(ctx, op.mapper!, entityTypeId, true), op);
}

/** The mapper as an n8n property (node version 2). */
export function mapperProperty(op: OperationSpec): INodeProperties {
	const dependsOn = ['resource', 'operation', ...(op.params ?? []).filter((spec) => spec.name === 'entityTypeId').map((spec) => spec.name)];
	return {
		displayName: 'Fields',
		name: MAPPER_PARAMETER,
		type: 'resourceMapper',
		noDataExpression: true,
		default: { mappingMode: 'defineBelow', value: null },
		description: 'The fields to send, by the names the portal shows; custom fields carry their code in brackets. Values set here win over the same field in the other inputs.',
		typeOptions: {
			loadOptionsDependsOn: dependsOn,
			resourceMapper: {
				resourceMapperMethod: 'getMappingFields',
				// Update names its record with the ID input: 'map' asks for no column to match on
				mode: op.kind === 'create' ? 'add' : 'map',
				fieldWords: { singular: 'field', plural: 'fields' },
				addAllFields: false,
				supportAutoMap: true,
				noFieldsError: 'The portal lists no writable fields for this record type',
			},
		},
	};
}

// ---------- execution: the mapper's values as request fields ----------

/** Field metadata read once per execution and entity type, only when the mapper holds values. */
const cache = new WeakMap<object, Map<string, Promise<MapperField[]>>>();

function cachedFields(ctx: IExecuteFunctions, entity: MapperEntity, entityTypeId: unknown): Promise<MapperField[]> {
	let perRun = cache.get(ctx);
	if (!perRun) cache.set(ctx, (perRun = new Map()));
	const key = `${entity}:${String(entityTypeId ?? '')}`;
	let fields = perRun.get(key);
	if (!fields) perRun.set(key, (fields = loadMapperFields(ctx, entity, entityTypeId, false)));
	return fields;
}

const EXPECTED: Record<Kind, string> = {
	text: 'text',
	integer: 'a whole number',
	double: 'a number',
	money: 'an amount with a currency, e.g. 100|USD or 99.5|EUR',
	yn: 'true or false (Yes/No)',
	flag: 'true or false (Yes/No)',
	date: 'a date, e.g. 2030-01-31',
	datetime: 'a date and time, e.g. 2030-01-31T18:00:00+02:00',
	choice: 'one of the listed options',
	user: 'a user ID',
	id: 'a record ID (a whole number, 0 for none)',
};

class Unconvertible extends Error {}

function toBoolean(value: unknown): boolean {
	if (typeof value === 'boolean') return value;
	const text = String(value).trim().toLowerCase();
	if (['true', 'y', 'yes', '1'].includes(text)) return true;
	if (['false', 'n', 'no', '0'].includes(text)) return false;
	throw new Unconvertible();
}

function toNumber(value: unknown, whole: boolean): number {
	const number = typeof value === 'number' ? value : typeof value === 'string' && value.trim() !== '' ? Number(value.trim()) : NaN;
	if (!Number.isFinite(number) || (whole && !Number.isInteger(number))) throw new Unconvertible();
	return number;
}

function toDateText(value: unknown): string {
	// n8n's date picker and expressions give ISO text or a Luxon DateTime (its toString() is ISO)
	const text = typeof value === 'string' ? value.trim() : value instanceof Date ? value.toISOString() : String(value);
	if (typeof value === 'number' || Number.isNaN(Date.parse(text))) throw new Unconvertible();
	return text;
}

function convertOne(field: MapperField, value: unknown): unknown {
	switch (field.kind) {
		case 'text':
			if (typeof value === 'object') throw new Unconvertible();
			return String(value);
		case 'integer':
			return toNumber(value, true);
		case 'double':
			return toNumber(value, false);
		case 'id': {
			// 0 is the default pipeline, and clears a link on update
			const id = toNumber(value, true);
			if (id < 0) throw new Unconvertible();
			return id;
		}
		case 'money': {
			const match = /^\s*(-?\d+(?:\.\d+)?)\s*\|\s*([A-Za-z]{3})\s*$/.exec(String(value));
			if (!match) throw new Unconvertible();
			return `${match[1]}|${match[2].toUpperCase()}`;
		}
		case 'yn':
			return toBoolean(value) ? 'Y' : 'N';
		case 'flag':
			return toBoolean(value) ? 1 : 0;
		case 'date': {
			const text = toDateText(value);
			// the calendar day the user wrote, not shifted by a time zone
			return /^\d{4}-\d{2}-\d{2}/.test(text) ? text.slice(0, 10) : new Date(text).toISOString().slice(0, 10);
		}
		case 'datetime':
			return toDateText(value);
		case 'user':
		case 'choice': {
			const text = String(value).trim();
			const options = field.options ?? [];
			const match = options.find((o) => String(o.value) === text) ?? options.find((o) => o.name.toLowerCase() === text.toLowerCase());
			if (match) return match.value;
			if (field.kind === 'user' && /^\d+$/.test(text)) return text;
			throw new Unconvertible();
		}
	}
}

function asList(value: unknown): unknown[] {
	if (Array.isArray(value)) return value;
	if (typeof value === 'string') {
		const text = value.trim();
		if (text.startsWith('[')) {
			try {
				const parsed = JSON.parse(text) as unknown;
				if (Array.isArray(parsed)) return parsed;
			} catch {
				// not JSON: read it as a comma-separated list below
			}
		}
		return text.split(',').map((part) => part.trim()).filter(Boolean);
	}
	return [value];
}

function conversionError(ctx: IExecuteFunctions, field: MapperField, value: unknown, itemIndex: number) {
	const shown = typeof value === 'string' ? `"${value}"` : JSON.stringify(value);
	const choices = field.kind === 'choice' && field.options?.length ? ` Options: ${field.options.map((o) => `${o.name} (${String(o.value)})`).join(', ')}.` : '';
	return new NodeOperationError(
		ctx.getNode(),
		`Field "${field.label}" (${field.code}) needs ${field.multiple ? 'a list of values, each ' : ''}${EXPECTED[field.kind]}, not ${shown} [item ${itemIndex}]`,
		{ itemIndex, description: `Nothing was sent for this item. Change the value of "${field.label}" in Fields.${choices}` },
	);
}

const isEmpty = (value: unknown) => value === null || value === undefined || value === '';

/**
 * The mapper's values for one item, converted to what each field wants (Y/N or 1/0, option IDs,
 * dates, amounts with a currency, lists). A value that cannot be converted fails the item, naming the
 * field, the item and the expected type.
 */
export async function readMapper(ctx: IExecuteFunctions, op: OperationSpec, itemIndex: number, entityTypeId: unknown): Promise<IDataObject> {
	const columns = ctx.getNodeParameter(MAPPER_PARAMETER, itemIndex, null) as { mappingMode?: string; value?: IDataObject | null } | null;
	if (!columns) return {};
	const autoMap = columns.mappingMode === 'autoMapInputData';
	const source = (autoMap ? ctx.getInputData()[itemIndex]?.json : columns.value) ?? {};
	const entries = Object.entries(source).filter(([, value]) => !isEmpty(value));
	if (!entries.length) return {};
	const skip = ownInputs(op);
	const fields = new Map((await cachedFields(ctx, op.mapper!, entityTypeId)).filter((f) => !skip.has(f.id)).map((field) => [field.id, field]));
	const out: IDataObject = {};
	for (const [key, value] of entries) {
		const field = fields.get(key);
		if (!field) {
			// auto-mapped items carry other keys too; a defined field that is gone is an error
			if (autoMap) continue;
			throw new NodeOperationError(ctx.getNode(), `Field "${key}" is not a writable field of this record type on the portal [item ${itemIndex}]`, {
				itemIndex,
				description: 'Nothing was sent for this item. The field may have been deleted or made read-only: refresh the field list in Fields and remove it.',
			});
		}
		try {
			out[field.id] = (field.multiple ? asList(value).map((entry) => convertOne(field, entry)) : convertOne(field, value)) as IDataObject[keyof IDataObject];
		} catch (error) {
			if (error instanceof Unconvertible) throw conversionError(ctx, field, value, itemIndex);
			throw error;
		}
	}
	return out;
}
