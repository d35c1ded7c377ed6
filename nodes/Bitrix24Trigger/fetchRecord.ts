import type { IDataObject, IWebhookFunctions } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import { callMethod } from '../Bitrix24/transport/request';
import { describeEvent } from './events';

interface Lookup {
	method: string;
	params: IDataObject | unknown[];
	/** Picks the record out of `result`; undefined = not found. */
	pick: (result: unknown) => IDataObject | undefined;
}

const asObject = (value: unknown): IDataObject | undefined =>
	value && typeof value === 'object' && !Array.isArray(value) && Object.keys(value).length ? (value as IDataObject) : undefined;

/** How to read the record an event is about; undefined when the event has nothing to read. */
export function lookupFor(item: IDataObject): Lookup | undefined {
	const spec = describeEvent(String(item.event ?? ''));
	if (!spec || spec.action === 'delete' || item.id === undefined) return undefined;
	const id = item.id;
	switch (spec.family) {
		case 'crm':
		case 'crmDynamic': {
			const entityTypeId = Number(item.entityTypeId ?? spec.entityTypeId);
			if (!entityTypeId) return undefined;
			return { method: 'crm.item.get', params: { entityTypeId, id }, pick: (r) => asObject((r as IDataObject)?.item) };
		}
		case 'activity':
			return { method: 'crm.activity.get', params: { id }, pick: asObject };
		case 'timelineComment':
			return { method: 'crm.timeline.comment.get', params: { id }, pick: asObject };
		case 'task':
			return { method: 'tasks.task.get', params: { taskId: id }, pick: (r) => asObject((r as IDataObject)?.task) };
		case 'taskComment':
			if (item.taskId === undefined) return undefined;
			// legacy method: parameters are read by position (TASKID, ITEMID)
			return { method: 'task.commentitem.get', params: [item.taskId, id], pick: asObject };
		case 'user':
			return {
				method: 'user.get',
				params: { FILTER: { ID: id } },
				pick: (r) => (Array.isArray(r) ? asObject(r[0]) : asObject(r)),
			};
		case 'calendarEntry':
			return { method: 'calendar.event.getbyid', params: { id }, pick: asObject };
		case 'workgroup':
			return {
				method: 'sonet_group.get',
				params: { FILTER: { ID: id } },
				pick: (r) => (Array.isArray(r) ? asObject(r[0]) : asObject(r)),
			};
		default:
			return undefined;
	}
}

const NOT_FOUND_CODES = new Set(['NOT_FOUND', 'ERROR_NOT_FOUND', 'ERROR_ENTITY_NOT_FOUND', 'ERROR_TASK_NOT_FOUND']);

function isNotFound(error: unknown): boolean {
	if (!(error instanceof NodeApiError)) return false;
	const code = String(error.context?.bitrixCode ?? '');
	if (NOT_FOUND_CODES.has(code)) return true;
	return /not found|not accessible|no such|does not exist/i.test(error.message);
}

export const DELETED_NOTE =
	'The record could not be read: it was deleted after the event was sent, or this credential cannot see it.';

/**
 * Adds `record` to the event item. A record that is gone (or invisible to the credential) gives
 * `record: null` and a `note`; other errors are raised so the execution fails visibly.
 */
export async function withRecord(ctx: IWebhookFunctions, item: IDataObject): Promise<IDataObject> {
	const spec = describeEvent(String(item.event ?? ''));
	if (spec?.action === 'delete') return { ...item, record: null, note: 'Deleted records cannot be fetched; the event carries their ID only.' };
	const lookup = lookupFor(item);
	if (!lookup) return { ...item, record: null, note: 'Bitrix24 has no read method for this event; only the event data is available.' };
	try {
		const envelope = await callMethod(ctx, lookup.method, lookup.params, { idempotent: true });
		const record = lookup.pick(envelope.result);
		if (!record) return { ...item, record: null, note: DELETED_NOTE };
		return { ...item, record };
	} catch (error) {
		if (isNotFound(error)) return { ...item, record: null, note: DELETED_NOTE };
		throw error;
	}
}
