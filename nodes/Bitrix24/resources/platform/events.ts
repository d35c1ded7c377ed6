import type { IDataObject } from 'n8n-workflow';

import type { OperationSpec, ParamSpec, ResourceSpec } from '../../types';
import { bool, json, list, num, str } from '../shared';
import { listOf, pick } from './output';

const eventName = str('event', 'Event', { required: true, placeholder: 'e.g. ONCRMDEALADD', description: 'Event name; Get Available lists them' });
const handler = str('handler', 'Handler URL', { required: true, placeholder: 'e.g. https://example.com/webhook/b24', description: 'The URL Bitrix24 posts the event to' });
const eventType: ParamSpec = {
	name: 'event_type',
	label: 'Event Type',
	type: 'options',
	options: [
		{ name: 'Online (Post to the Handler)', value: 'online' },
		{ name: 'Offline (Queue for Event Offline Get)', value: 'offline' },
	],
	default: 'online',
};
const authType = num('auth_type', 'Run As User ID', { description: 'ID of the user whose authorization the handler receives; 0 for the user who installed the app' });
const authConnector = str('auth_connector', 'Source Key', { description: 'Offline events from calls made with this key are not queued, so your own changes do not come back' });
const processId = str('process_id', 'Process ID', { required: true, description: 'The process ID that Get Offline Events returned' });
const messageIds = list('message_id', 'Message IDs', { description: 'Comma-separated MESSAGE_ID values; all records of the process when empty' });

const app = (op: OperationSpec): OperationSpec => ({ ...op, appOnly: true });

export const event: ResourceSpec = {
	value: 'event',
	name: 'Event',
	group: 'System',
	description: 'Event handlers of the application and the offline event queue',
	operations: [
		app({
			value: 'bind',
			name: 'Bind',
			action: 'Bind an event handler',
			method: 'event.bind',
			kind: 'action',
			params: [eventName, handler],
			optional: [eventType, authType, authConnector, json('options', 'Event Options (JSON)', { description: 'Settings some events accept, as a JSON object' })],
			output: (result, request) => ({ ...pick(request, ['event', 'handler', 'event_type']), bound: result === true }),
		}),
		app({
			value: 'unbind',
			name: 'Unbind',
			action: 'Unbind an event handler',
			method: 'event.unbind',
			kind: 'action',
			params: [eventName, handler],
			optional: [eventType, authType],
			output: (result, request) => ({ ...pick(request, ['event', 'handler']), count: Number((result as IDataObject)?.count ?? 0) }),
		}),
		app({ value: 'getMany', name: 'Get Many', action: 'Get the bound event handlers', method: 'event.get', kind: 'get' }),
		app({
			value: 'getAvailable',
			name: 'Get Available',
			action: 'Get the events the application can bind',
			method: 'events',
			kind: 'get',
			optional: [
				str('SCOPE', 'Scope', { description: 'Only the events of this permission, e.g. crm' }),
				bool('FULL', 'All Events', 'Whether to list every event of the portal; ignored when Scope is set'),
			],
			optionalName: 'options',
			output: listOf('event'),
		}),
		app({
			value: 'getOffline',
			name: 'Get Offline Events',
			action: 'Take events from the offline queue',
			description: 'Read queued offline events; unless Keep in Queue is on, Bitrix24 removes what it returns',
			method: 'event.offline.get',
			kind: 'get',
			optional: [
				json('filter', 'Filter (JSON)', { description: 'Filter by ID, TIMESTAMP_X, EVENT_NAME, MESSAGE_ID, e.g. {"EVENT_NAME": "ONCRMDEALADD"}' }),
				json('order', 'Sort (JSON)', { description: 'e.g. {"TIMESTAMP_X": "ASC"}' }),
				num('limit', 'Limit', { default: 50, description: 'Max number of records to take' }),
				{ name: 'clear', label: 'Keep in Queue', type: 'boolean', description: 'Whether to leave the records in the queue, marked with a process ID, until Clear Offline Events', to: 'clear' },
				str('process_id', 'Process ID', { description: 'Take again the unprocessed records of this process' }),
				authConnector,
				bool('error', 'Include Failed', 'Whether to return records marked as failed'),
			],
			optionalName: 'options',
			prepare: (params) => {
				// the docs take 0/1 flags; "Keep in Queue" reads better than clear=0
				const request: IDataObject = { ...params };
				if ('clear' in request) request.clear = request.clear ? 0 : 1;
				if ('error' in request) request.error = request.error ? 1 : 0;
				return request;
			},
			output: (result) => {
				const { process_id: processIdValue, events = [] } = (result ?? {}) as { process_id?: string; events?: IDataObject[] };
				return events.map((row) => ({ ...row, process_id: processIdValue ?? null }));
			},
		}),
		app({
			value: 'getManyOffline',
			name: 'Get Many Offline Events',
			action: 'List the offline queue without taking events',
			method: 'event.offline.list',
			kind: 'getMany',
			optional: [authConnector],
			optionalName: 'options',
			paging: { mode: 'start', filterKey: 'filter', orderKey: 'order' },
		}),
		app({
			value: 'clearOffline',
			name: 'Clear Offline Events',
			action: 'Remove processed offline events',
			method: 'event.offline.clear',
			kind: 'action',
			params: [processId],
			optional: [list('id', 'Record IDs', { description: 'Comma-separated record IDs; all records of the process when empty' }), messageIds],
			output: (result, request) => ({ ...pick(request, ['process_id', 'id', 'message_id']), cleared: result === true }),
		}),
		app({
			value: 'markOfflineFailed',
			name: 'Mark Offline Events Failed',
			action: 'Mark offline events as failed',
			method: 'event.offline.error',
			kind: 'action',
			params: [processId],
			optional: [messageIds],
			output: (result, request) => ({ ...pick(request, ['process_id', 'message_id']), marked: result === true }),
		}),
	],
};
