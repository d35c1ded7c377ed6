import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { runCommands } from '../transport/bulk';
import type { Command } from '../transport/request';
import type { ItemOutcome, OperationSpec, RecordSpec } from '../types';

/** A resolved value sits next to its field under this suffix: STAGE_ID → STAGE_ID_label. */
const LABEL_SUFFIX = '_label';

/** user.get answers 50 users per call. */
const USERS_PER_CALL = 50;

/** Simplify and Resolve Labels, shown on record reads from node version 2 on. */
export function recordProperties(): INodeProperties[] {
	return [
		{
			displayName: 'Simplify',
			name: 'simplify',
			type: 'boolean',
			default: true,
			description:
				'Whether to return only the most useful fields (ID, title or name, stage, amount, responsible user, linked records, dates) instead of the whole record. Ignored when Select Fields is set.',
		},
		{
			displayName: 'Resolve Labels',
			name: 'resolveLabels',
			type: 'boolean',
			default: false,
			description:
				'Whether to add the label of each stage, status, source, type, pipeline and list custom-field value, and the name of each user, next to the ID as &lt;field&gt;_label (e.g. STAGE_ID_label: "New", assignedById_label: "Anna Ivanova"). Costs one extra batch call per run, whatever the number of records.',
		},
	];
}

const upperToCamel = (key: string) => key.toLowerCase().replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase());

const present = (value: unknown) => value !== undefined && value !== null && value !== '' && !(Array.isArray(value) && value.length === 0);

function hasSelect(request: IDataObject | undefined): boolean {
	const select = request?.select;
	return Array.isArray(select) ? select.length > 0 : present(select);
}

function simplified(record: IDataObject, fields: string[]): IDataObject {
	const out: IDataObject = {};
	for (const field of fields) if (field in record) out[field] = record[field];
	return out;
}

/** Labels by value for one field of the record. */
type Lookup = (value: string) => string | undefined;

/** Stage ENTITY_IDs carry the pipeline (DEAL_STAGE_3, DYNAMIC_128_STAGE_5); their family drops it. */
const statusFamily = (entityId: string) => entityId.replace(/_\d+$/, '');

/** The reference data of one read: field metadata, statuses, pipelines and users, each read once. */
class Resolver {
	private readonly lookups = new Map<string, Map<string, Lookup>>();
	private readonly userFields = new Map<string, Set<string>>();
	private readonly users = new Map<string, string>();
	private readonly statuses = new Map<string, Map<string, string>>();
	private readonly categories = new Map<string, Map<string, string>>();

	constructor(
		private readonly ctx: IExecuteFunctions,
		private readonly op: OperationSpec,
		private readonly spec: RecordSpec,
	) {}

	fieldsKey(request: IDataObject): string {
		return JSON.stringify((this.spec.fieldsParams ?? []).map((key) => request[key] ?? null));
	}

	private entityTypeId(request: IDataObject): string {
		const crm = this.spec.crm!;
		return String(crm.entityTypeId === 'request' ? request.entityTypeId : crm.entityTypeId);
	}

	async load(reads: Array<{ request: IDataObject; records: IDataObject[] }>): Promise<void> {
		const commands: Array<{ command: Command; use: (result: unknown) => void; optional?: boolean }> = [];
		const fieldsCalls = new Map<string, IDataObject>();
		const pipelines = new Set<string>();
		for (const { request, records } of reads) {
			fieldsCalls.set(this.fieldsKey(request), request);
			const categoryField = this.spec.crm?.categoryField;
			if (categoryField && records.some((record) => present(record[categoryField]))) pipelines.add(this.entityTypeId(request));
		}
		for (const [key, request] of fieldsCalls) {
			const params: IDataObject = {};
			for (const name of this.spec.fieldsParams ?? []) if (request[name] !== undefined) params[name] = request[name];
			commands.push({ command: { method: this.spec.fieldsMethod, params }, use: (result) => this.readFields(key, request, result) });
		}
		if (this.spec.crm) {
			// no paging: one call returns every stage and reference list (crm/status/crm-status-list.md)
			commands.push({ command: { method: 'crm.status.list', params: {} }, use: (result) => this.readStatuses(result) });
			for (const entityTypeId of pipelines) {
				commands.push({
					command: { method: 'crm.category.list', params: { entityTypeId } },
					use: (result) => this.readCategories(entityTypeId, result),
					// a type without pipelines: its records simply get no pipeline label
					optional: true,
				});
			}
		}
		const known = new Set(this.spec.users);
		commands.push(...this.userCommands(this.userIds(reads, (field) => known.has(field))));
		await this.run(commands);
		// custom user fields are known from the metadata only: a second call, and only when they hold new IDs
		const extra = this.userIds(reads, (field, key) => !known.has(field) && !!this.userFields.get(key)?.has(field));
		if (extra.length) await this.run(this.userCommands(extra));
	}

	private userIds(reads: Array<{ request: IDataObject; records: IDataObject[] }>, isUserField: (field: string, key: string) => boolean): string[] {
		const ids = new Set<string>();
		for (const { request, records } of reads) {
			const key = this.fieldsKey(request);
			for (const record of records) {
				for (const [field, value] of Object.entries(record)) {
					if (!isUserField(field, key)) continue;
					for (const id of Array.isArray(value) ? value : [value]) {
						if (present(id) && String(id) !== '0' && !this.users.has(String(id))) ids.add(String(id));
					}
				}
			}
		}
		return [...ids];
	}

	private userCommands(ids: string[]) {
		const commands = [];
		for (let offset = 0; offset < ids.length; offset += USERS_PER_CALL) {
			commands.push({
				command: { method: 'user.get', params: { FILTER: { ID: ids.slice(offset, offset + USERS_PER_CALL) } } },
				use: (result: unknown) => {
					for (const user of (Array.isArray(result) ? result : []) as IDataObject[]) {
						const name = [user.NAME, user.LAST_NAME].filter(present).join(' ') || (user.EMAIL as string) || '';
						if (name) this.users.set(String(user.ID), name);
					}
				},
			});
		}
		return commands;
	}

	private async run(commands: Array<{ command: Command; use: (result: unknown) => void; optional?: boolean }>): Promise<void> {
		if (!commands.length) return;
		const outcomes = await runCommands(
			this.ctx,
			commands.map(({ command }, index) => ({ itemIndex: index, command })),
		);
		commands.forEach(({ command, use, optional }, index) => {
			const outcome = outcomes.get(index)!;
			if (outcome.ok) return use(outcome.result);
			if (optional) return;
			throw new NodeOperationError(this.ctx.getNode(), `Resolve Labels could not read ${command.method}: ${outcome.error.message}`, {
				description: `The labels of ${this.op.method} come from ${command.method}. Give the credential access to it (e.g. the "user" scope for user names), or turn Resolve Labels off.`,
			});
		});
	}

	private field(key: string, field: string, lookup: Lookup) {
		if (!this.lookups.has(key)) this.lookups.set(key, new Map());
		this.lookups.get(key)!.set(field, lookup);
	}

	private readFields(key: string, request: IDataObject, result: unknown) {
		const map = ((this.spec.fieldsPath ? (result as IDataObject)?.[this.spec.fieldsPath] : result) ?? {}) as IDataObject;
		this.userFields.set(key, new Set());
		for (const [name, raw] of Object.entries(map)) {
			const meta = (raw ?? {}) as IDataObject;
			const field = this.spec.camelKeys ? upperToCamel(name) : name;
			const type = String(meta.type ?? '');
			if (type === 'user' || type === 'employee') {
				this.userFields.get(key)!.add(field);
			} else if (type === 'crm_status' && meta.statusType) {
				const statusType = String(meta.statusType);
				this.field(key, field, (value) => this.statuses.get(statusType)?.get(value) ?? this.statuses.get(`family:${statusFamily(statusType)}`)?.get(value));
			} else if (type === 'crm_category') {
				const entityTypeId = this.spec.crm ? this.entityTypeId(request) : '';
				this.field(key, field, (value) => this.categories.get(entityTypeId)?.get(value));
			} else if (type === 'enumeration' && Array.isArray(meta.items)) {
				const items = new Map((meta.items as IDataObject[]).map((item) => [String(item.ID), String(item.VALUE)]));
				this.field(key, field, (value) => items.get(value));
			} else if (type === 'enum' && meta.values && typeof meta.values === 'object' && !Array.isArray(meta.values)) {
				const values = meta.values as IDataObject;
				// Y/N flags would only gain "Yes"/"No"
				if (Object.keys(values).every((value) => value === 'Y' || value === 'N')) continue;
				this.field(key, field, (value) => (values[value] === undefined ? undefined : String(values[value])));
			}
		}
		for (const field of this.spec.users) this.field(key, field, (value) => this.users.get(value));
		for (const field of this.userFields.get(key)!) this.field(key, field, (value) => this.users.get(value));
	}

	private readStatuses(result: unknown) {
		for (const status of (Array.isArray(result) ? result : []) as IDataObject[]) {
			for (const group of [String(status.ENTITY_ID), `family:${statusFamily(String(status.ENTITY_ID))}`]) {
				if (!this.statuses.has(group)) this.statuses.set(group, new Map());
				this.statuses.get(group)!.set(String(status.STATUS_ID), String(status.NAME));
			}
		}
	}

	private readCategories(entityTypeId: string, result: unknown) {
		const categories = (((result as IDataObject)?.categories ?? []) as IDataObject[]).map((c): [string, string] => [String(c.id), String(c.name)]);
		this.categories.set(entityTypeId, new Map(categories));
	}

	/** The record with each resolvable value's label right after it. */
	label(request: IDataObject, record: IDataObject): IDataObject {
		const lookups = this.lookups.get(this.fieldsKey(request));
		if (!lookups) return record;
		const out: IDataObject = {};
		for (const [field, value] of Object.entries(record)) {
			out[field] = value;
			const lookup = lookups.get(field);
			if (!lookup || !present(value) || typeof value === 'object' && !Array.isArray(value)) continue;
			const label = Array.isArray(value) ? value.map((entry) => lookup(String(entry)) ?? null) : lookup(String(value));
			if (label !== undefined && !(Array.isArray(label) && label.every((entry) => entry === null))) out[`${field}${LABEL_SUFFIX}`] = label;
		}
		return out;
	}
}

/**
 * Simplify and Resolve Labels on the records of a Get or Get Many (node version 2, operations that
 * declare `record`). `requests` holds each item's request (its select and entityTypeId). Labels cost
 * one batch for all items together, whatever the number of records.
 */
export async function finishRecords(ctx: IExecuteFunctions, op: OperationSpec, outcomes: ItemOutcome[], requests: Map<number, IDataObject>): Promise<void> {
	const spec = op.record;
	if (!spec || ctx.getNode().typeVersion < 2) return;
	const reads: Array<{ itemIndex: number; request: IDataObject; records: IDataObject[] }> = [];
	outcomes.forEach((outcome, i) => {
		if (!outcome?.json) return;
		const request = requests.get(i) ?? {};
		if ((ctx.getNodeParameter('simplify', i, true) as boolean) && !hasSelect(request)) {
			outcome.json = outcome.json.map((record) => simplified(record, spec.simplify));
		}
		if (ctx.getNodeParameter('resolveLabels', i, false) as boolean) reads.push({ itemIndex: i, request, records: outcome.json });
	});
	if (!reads.some((read) => read.records.length)) return;
	const resolver = new Resolver(ctx, op, spec);
	try {
		await resolver.load(reads);
	} catch (error) {
		for (const { itemIndex } of reads) outcomes[itemIndex] = { error: error as Error };
		return;
	}
	for (const { itemIndex, request, records } of reads) {
		outcomes[itemIndex] = { json: records.map((record) => resolver.label(request, record)) };
	}
}
