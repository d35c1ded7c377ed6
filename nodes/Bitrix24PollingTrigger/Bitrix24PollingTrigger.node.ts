import type { IDataObject, INodeExecutionData, INodeType, INodeTypeDescription, IPollFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { readList } from '../Bitrix24/transport/paging';
import { callMethod } from '../Bitrix24/transport/request';
import type { CursorState, Row } from './cursor';
import { advance, epochOf, startCursor } from './cursor';
import type { MessengerState } from './messenger';
import { MESSENGER_EVENT_TYPES, pollMessenger } from './messenger';
import type { WatchTarget } from './targets';
import { targetOf } from './targets';
import { authenticationProperty, credentialsDescription } from '../Bitrix24/transport/connection';

type Watch = 'created' | 'updated' | 'createdOrUpdated';

const MANUAL_SAMPLE = 5;

/** Bitrix24's own clock at the start of the poll: `server.time`, or the envelope's start time. */
async function serverNow(ctx: IPollFunctions): Promise<string> {
	const envelope = await callMethod(ctx, 'server.time', {}, { idempotent: true });
	if (typeof envelope.result === 'string' && epochOf(envelope.result) !== undefined) return envelope.result;
	const start = envelope.time?.date_start;
	if (typeof start === 'string' && epochOf(start) !== undefined) return start;
	throw new NodeOperationError(ctx.getNode(), 'Bitrix24 did not return its current time (server.time)');
}

function userFilter(ctx: IPollFunctions): IDataObject {
	const raw = ctx.getNodeParameter('filter', '{}') as string | IDataObject;
	if (raw && typeof raw === 'object') return raw;
	const text = String(raw ?? '').trim();
	if (!text) return {};
	let parsed: unknown;
	try {
		parsed = JSON.parse(text);
	} catch (error) {
		throw new NodeOperationError(ctx.getNode(), `Filter (JSON) is not valid JSON: ${(error as Error).message}`);
	}
	if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) {
		throw new NodeOperationError(ctx.getNode(), 'Filter (JSON) must be a JSON object, e.g. {"stageId": "NEW"}');
	}
	return parsed as IDataObject;
}

function requestParams(ctx: IPollFunctions, target: WatchTarget): IDataObject {
	if (target.value !== 'smartProcessItem') return { ...target.params };
	const entityTypeId = ctx.getNodeParameter('entityTypeId', 0) as number;
	if (!Number.isInteger(entityTypeId) || entityTypeId < 1) {
		throw new NodeOperationError(ctx.getNode(), 'Set "Entity Type ID" to the smart process type (e.g. 147)');
	}
	return { ...target.params, entityTypeId };
}

function toRow(record: IDataObject, target: WatchTarget, timeField: string): Row {
	return { id: String(record[target.idField] ?? record.ID ?? ''), time: record[timeField] as string | undefined, record };
}

export class Bitrix24PollingTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Bitrix24 Polling Trigger',
		name: 'bitrix24PollingTrigger',
		icon: 'file:bitrix24.svg',
		group: ['trigger'],
		version: 1,
		subtitle: '={{$parameter["recordType"] === "messengerEvent" ? "messenger events" : $parameter["watch"] + " " + $parameter["recordType"]}}',
		description: 'Starts the workflow when Bitrix24 records are created or updated, by polling (no public URL needed)',
		defaults: { name: 'Bitrix24 Polling Trigger' },
		polling: true,
		inputs: [],
		outputs: ['main'],
		credentials: credentialsDescription,
		properties: [
			authenticationProperty,
			{
				displayName: 'Record Type',
				name: 'recordType',
				type: 'options',
				noDataExpression: true,
				options: [
					{ name: 'Activity', value: 'activity' },
					{ name: 'Company', value: 'company' },
					{ name: 'Contact', value: 'contact' },
					{ name: 'Deal', value: 'deal' },
					{ name: 'Lead', value: 'lead' },
					{
						name: 'Messenger Event',
						value: 'messengerEvent',
						description: 'Chat messages, edits, reactions and joins seen by the credential’s user (im.v2.Event.get)',
					},
					{ name: 'Quote', value: 'quote' },
					{ name: 'Smart Process Item', value: 'smartProcessItem' },
					{ name: 'Task', value: 'task' },
				],
				default: 'deal',
			},
			{
				displayName: 'Entity Type ID',
				name: 'entityTypeId',
				type: 'number',
				default: 0,
				typeOptions: { minValue: 0 },
				required: true,
				description: 'The smart process type to watch (e.g. 147; 31 is smart invoices)',
				displayOptions: { show: { recordType: ['smartProcessItem'] } },
			},
			{
				displayName:
					'Bitrix24 queues messenger events for the credential’s user for 24 hours, and only one reader per user: another workflow or app polling the same user takes events from this one.',
				name: 'messengerNotice',
				type: 'notice',
				default: '',
				displayOptions: { show: { recordType: ['messengerEvent'] } },
			},
			{
				displayName: 'Event Types',
				name: 'messengerEvents',
				type: 'multiOptions',
				options: [
					{ name: 'Message Added', value: 'ONIMV2MESSAGEADD' },
					{ name: 'Message Deleted', value: 'ONIMV2MESSAGEDELETE' },
					{ name: 'Message Updated', value: 'ONIMV2MESSAGEUPDATE' },
					{ name: 'Participant Joined', value: 'ONIMV2JOINCHAT' },
					{ name: 'Reaction Changed', value: 'ONIMV2REACTIONCHANGE' },
				],
				default: [],
				description: 'Only these messenger events start the workflow; leave empty for all',
				displayOptions: { show: { recordType: ['messengerEvent'] } },
			},
			{
				displayName: 'Watch',
				name: 'watch',
				type: 'options',
				noDataExpression: true,
				options: [
					{ name: 'Created', value: 'created', description: 'Records created since the last poll' },
					{ name: 'Updated', value: 'updated', description: 'Existing records changed since the last poll (not brand-new ones)' },
					{ name: 'Created or Updated', value: 'createdOrUpdated', description: 'Every record whose modification time moved' },
				],
				default: 'createdOrUpdated',
				displayOptions: { hide: { recordType: ['messengerEvent'] } },
			},
			{
				displayName: 'Filter (JSON)',
				name: 'filter',
				type: 'json',
				default: '{}',
				displayOptions: { hide: { recordType: ['messengerEvent'] } },
				description:
					'Extra Bitrix24 list filter, e.g. {"stageId": "C1:NEW"} for CRM items (camelCase fields), {"RESPONSIBLE_ID": 5} for tasks and activities',
			},
		],
	};

	async poll(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
		const recordType = this.getNodeParameter('recordType') as string;
		if (recordType === 'messengerEvent') {
			const types = (this.getNodeParameter('messengerEvents', []) as string[]).filter((t) => MESSENGER_EVENT_TYPES.includes(t));
			const manual = this.getMode() === 'manual';
			const state = (manual ? {} : this.getWorkflowStaticData('node')) as MessengerState;
			const events = await pollMessenger(this, state, JSON.stringify(['messengerEvent', types]), types, manual);
			if (manual && !events.length) {
				throw new NodeOperationError(this.getNode(), 'No messenger events for this user yet', {
					description: 'The user is now subscribed: send or change a message in one of their chats and fetch a test event again.',
				});
			}
			return events.length ? [this.helpers.returnJsonArray(events)] : null;
		}
		const target = targetOf(recordType);
		const watch = this.getNodeParameter('watch', 'createdOrUpdated') as Watch;
		const params = requestParams(this, target);
		const filter = userFilter(this);
		const timeKey = watch === 'created' ? target.createdKey : target.updatedKey;
		const timeField = watch === 'created' ? target.createdField : target.updatedField;

		if (this.getMode() === 'manual') {
			const rows: IDataObject[] = [];
			await readList(
				this,
				{ method: target.method, paging: target.paging, params, filter, sort: { [timeKey]: 'DESC' }, limit: MANUAL_SAMPLE, itemIndex: 0 },
				(page) => rows.push(...page),
			);
			if (!rows.length) {
				throw new NodeOperationError(this.getNode(), `No ${target.name.toLowerCase()} records match the filter yet`, {
					description: 'Create or change one in Bitrix24 and fetch a test event again.',
				});
			}
			return [this.helpers.returnJsonArray(rows)];
		}

		const staticData = this.getWorkflowStaticData('node') as CursorState;
		const signature = JSON.stringify([target.value, params, watch, filter]);
		const now = await serverNow(this);
		if (!staticData.cursor || staticData.signature !== signature) {
			Object.assign(staticData, startCursor(now, signature));
			return null;
		}

		const rows: Row[] = [];
		await readList(
			this,
			{ method: target.method, paging: target.paging, params, filter: { ...filter, [`>=${timeKey}`]: staticData.cursor }, itemIndex: 0 },
			(page) => rows.push(...page.map((record) => toRow(record, target, timeField))),
		);

		// "Updated" leaves out records that were never changed after they were created
		const skip =
			watch === 'updated'
				? (row: Row) => {
						const created = epochOf(row.record[target.createdField]);
						return created !== undefined && created === epochOf(row.record[target.updatedField]);
					}
				: undefined;
		const { emit, next } = advance(staticData, rows, now, skip);
		Object.assign(staticData, next);
		if (!emit.length) return null;
		return [this.helpers.returnJsonArray(emit.map((row) => row.record))];
	}
}
