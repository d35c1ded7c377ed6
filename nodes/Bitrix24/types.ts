import type { IBinaryKeyData, IDataObject, IExecuteFunctions, INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import type { LocatorName } from './locators';
import type { MapperEntity } from './mapper';

export type OperationKind = 'create' | 'get' | 'getMany' | 'update' | 'delete' | 'fields' | 'action';

/** One n8n input and where its value goes in the Bitrix24 request. */
export interface ParamSpec {
	name: string;
	/** Title Case label in the UI. */
	label: string;
	type: 'string' | 'number' | 'boolean' | 'json' | 'dateTime' | 'options' | 'multiOptions' | 'list';
	/** Dot path in the request params (default: `name`); `''` merges an object value into the params. */
	to?: string;
	required?: boolean;
	default?: string | number | boolean | string[];
	description?: string;
	placeholder?: string;
	options?: INodePropertyOptions[];
	/** Booleans Bitrix24 wants as Y/N. */
	yn?: boolean;
	/** A secret (password, token): n8n masks the text input. */
	password?: boolean;
	/** For `options`: a method in methods/loadOptions that lists the choices from the portal. */
	loadOptions?: string;
	/** What node version 2 shows instead of the plain input (e.g. Call Method's searchable method list); version 1 keeps the plain one. */
	v2Property?: INodeProperties;
	/**
	 * From node version 2: a dropdown filled by this methods/loadOptions method, saving the same ID
	 * the text input saved (version 1 keeps its text or number input).
	 */
	dropdown?: string;
	/** Parameters the dropdown's list depends on (e.g. `additionalFields.CATEGORY_ID`); n8n reloads it when they change. */
	dependsOn?: string[];
	/**
	 * Either/or inputs: the input is shown and sent only while these sibling inputs hold one of these
	 * values (shown so from node version 2; the request follows it in every version).
	 */
	showWhen?: Record<string, Array<string | number | boolean>>;
	/** The first and the last node version that have this input (default: every version). */
	since?: number;
	until?: number;
	/** For `json`: the shape the value must have. */
	shape?: 'object' | 'array' | 'any';
	/** The record this input names: a resource locator (From List, By URL, By ID) in node version 2. */
	locator?: LocatorName;
	/**
	 * A record ID the method takes as a whole number > 0 (`orZero`: 0 names a default, e.g. the
	 * default pipeline): other values are refused before sending (validate.ts).
	 */
	integer?: boolean | 'orZero';
}

/** How a list method pages. */
export interface PagingSpec {
	/**
	 * `start`: 50 per page with start/next; `all`: one call returns everything; `offset`: OFFSET/LIMIT
	 * pages; `cursor`: LIMIT pages below the last row's ID (LAST_ID); `pagination`: REST 3.0's
	 * `pagination` object (limit/offset, or `cursorKey` afterCursor + hasMore or `nextCursorKey`).
	 */
	mode: 'start' | 'all' | 'offset' | 'cursor' | 'pagination';
	/** REST 3.0 lists whose `filter` is a list of conditions: the filter object is sent as [[field, op, value]]. */
	conditions?: boolean;
	/** For `offset`/`cursor`: rows per page and the request keys (defaults OFFSET, LIMIT, LAST_ID). */
	pageSize?: number;
	offsetKey?: string;
	limitKey?: string;
	cursorKey?: string;
	/** For `pagination` with `cursorKey`: the answer's key for the next page's cursor, null after the last page (instead of hasMore). */
	nextCursorKey?: string;
	/** Where rows sit inside `result` (e.g. `items`, `tasks`); empty when `result` is the array. */
	itemsPath?: string;
	/**
	 * The row's ID field (keyset, cursor, and dropping rows that overlapping offset pages repeat) and
	 * the keyset filter key, when the list supports `>ID` + `start=-1`.
	 */
	idField?: string;
	idFilter?: string;
	filterKey?: string;
	orderKey?: string;
	/** For lists that sort with two parameters (user.get: `sort` = field, `order` = direction). */
	orderPair?: [fieldKey: string, directionKey: string];
	/** The offset parameter as documented (`start`; `START` for department.get and bizproc.task.list). */
	startKey?: string;
	selectKey?: string;
}

export interface OperationSpec {
	/** camelCase operation value */
	value: string;
	/** The value node version 1 saved instead (nine lists were `getAll`). */
	v1Value?: string;
	/** Title Case display name, e.g. "Get Many" */
	name: string;
	/** What n8n's node panel lists, e.g. "Create a deal" */
	action: string;
	description?: string;
	/** The documented Bitrix24 method. */
	method: string;
	/** REST 3.0 (`/rest/api/…`, JSON body, `{error: {code, message}}`): set for methods the docs flag restV3. */
	api?: 'v3';
	kind: OperationKind;
	params?: ParamSpec[];
	/** Optional parameters, shown in an "Additional Fields" collection. */
	optional?: ParamSpec[];
	optionalName?: string;
	/** Extra n8n properties with their own request mapping. */
	extra?: Array<{
		property: INodeProperties;
		apply: (value: unknown, params: IDataObject, ctx: IExecuteFunctions, itemIndex: number) => void;
	}>;
	/** Constant request parameters (e.g. entityTypeId 31 for invoices). */
	fixed?: IDataObject;
	/** Path of the useful part of `result` (e.g. `item`, `fields`). */
	unwrap?: string;
	paging?: PagingSpec;
	/** Legacy methods that read parameters by position (task.*item.*): the order of the request keys. */
	positional?: string[];
	/** Works only with OAuth2 (application) authorization. */
	appOnly?: boolean;
	/** Upload/download methods cannot run inside batch. */
	batchable?: boolean;
	/** Turns a scalar/object result into output records when the generic shaping does not fit. */
	output?: (result: unknown, request: IDataObject | unknown[]) => IDataObject | IDataObject[];
	/** Adjusts the request after the generic mapping. */
	prepare?: (this: IExecuteFunctions, params: IDataObject, itemIndex: number) => Promise<IDataObject | unknown[]> | IDataObject | unknown[];
	/** Code for operations whose semantics differ from the generic kinds. */
	execute?: CustomExecute;
	/** The first node version that has this operation (default 1); version 1's list stays as users saved it. */
	since?: number;
	/** Create/Update: whose fields the field mapper (`columns`, node version 2) lists and converts (mapper.ts). */
	mapper?: MapperEntity;
	/** Create/Update: the get that reads the written record back for "Return Whole Record" (version 2). */
	readBack?: ReadBackSpec;
	/** Create: where the entity keeps an idempotency key (node version 2, handlers/idempotency.ts). */
	idempotency?: IdempotencySpec;
	/** Get/Get Many of records: Simplify and Resolve Labels in node version 2 (handlers/labels.ts). */
	record?: RecordSpec;
}

/** What Simplify keeps of a record and where Resolve Labels finds the record's reference data. */
export interface RecordSpec {
	/** Simplify's fields, in output order. */
	simplify: string[];
	/** The fields method (`crm.deal.fields`, `crm.item.fields`, `tasks.task.getFields`). */
	fieldsMethod: string;
	/** Request keys passed on to the fields method (e.g. entityTypeId). */
	fieldsParams?: string[];
	/** Where the field map sits in the fields result (`fields`); empty when `result` is the map. */
	fieldsPath?: string;
	/** The record's keys are the lowerCamel form of the metadata's UPPER_CASE keys (tasks). */
	camelKeys?: boolean;
	/** User-ID fields known in advance, so their names are read in the same batch as the metadata. */
	users: string[];
	/** Stage and reference values are crm.status.list entries; the pipeline comes from crm.category.list. */
	crm?: { entityTypeId: number | 'request'; categoryField?: string };
}

/** An entity's external-source fields, which identify a create so it is never made twice. */
export interface IdempotencySpec {
	/** The list method that finds records by key. */
	list: string;
	/** The source and key fields, as the create's `fields` and the list's filter name them. */
	originator: string;
	origin: string;
	/** The record's ID field in the list's rows. */
	id: string;
	/** Where rows sit in the list's result (`items`); empty when `result` is the array. */
	itemsPath?: string;
	/** The create answers the record under this key (`item`); without it, the ID. */
	wrap?: string;
	/** Create request keys the list needs too (e.g. entityTypeId). */
	carry?: string[];
	/** crm.item: the entity types that keep the key. */
	entityTypes?: number[];
}

/** One `*.get` per written record, batched across items. */
export interface ReadBackSpec {
	method: string;
	/** The get's ID parameter (`id`, `taskId`). */
	idKey: string;
	/** Where the record sits in the get's result (`item`, `task`). */
	unwrap?: string;
	/** Write request keys the get needs too (e.g. entityTypeId). */
	carry?: string[];
}

/** `binary[k]`, when set, is the binary data of output record `json[k]` (e.g. a downloaded file). */
export type ItemOutcome = { json: IDataObject[]; binary?: Array<IBinaryKeyData | undefined>; error?: undefined } | { error: Error; json?: undefined };

export type CustomExecute = (this: IExecuteFunctions, op: OperationSpec, itemCount: number) => Promise<ItemOutcome[]>;

export interface ResourceSpec {
	value: string;
	name: string;
	/** Area for the docs and `npm run stats`, e.g. "CRM", "Tasks". */
	group: string;
	description?: string;
	operations: OperationSpec[];
	/**
	 * The Operation input's default when it is not the alphabetically first operation: saved workflows
	 * omit a default value, so a resource that gains operations keeps the one it had.
	 */
	defaultOperation?: string;
}
