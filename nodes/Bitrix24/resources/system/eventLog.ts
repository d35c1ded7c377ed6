import type { PagingSpec, ResourceSpec } from '../../types';
import { json, list } from '../shared';
import { fieldOps, intId, restV3 } from '../v3common';

/** main.eventlog.list pages with `pagination` (default and documented page: 50) and condition filters (main-eventlog-list.md). */
const paging: PagingSpec = { mode: 'pagination', pageSize: 50, itemsPath: 'items', filterKey: 'filter', orderKey: 'order', selectKey: 'select', conditions: true };

const select = list('select', 'Select Fields', { placeholder: 'e.g. id, timestampX, auditTypeId, description', description: 'Comma-separated fields to return; empty for the default ones' });

/** The portal's event log (logins, security and module events), REST 3.0 only (api-reference/event-log). */
export const eventLog: ResourceSpec = {
	value: 'eventLog',
	name: 'Event Log',
	group: 'System',
	description: 'Entries of the portal event log: logins, security events and module audit records (REST 3.0)',
	defaultOperation: 'getMany',
	operations: restV3([
		{ value: 'get', name: 'Get', action: 'Get an event log entry', method: 'main.eventlog.get', kind: 'get', params: [intId('id', 'Entry ID')], optional: [select], optionalName: 'options', unwrap: 'item' },
		{ value: 'getMany', name: 'Get Many', action: 'Get many event log entries', method: 'main.eventlog.list', kind: 'getMany', paging },
		{
			value: 'tail',
			name: 'Get New Entries',
			action: 'Get event log entries after a cursor',
			description: 'Entries after a starting value of a field (by default ID), for polling the log without gaps (main.eventlog.tail)',
			method: 'main.eventlog.tail',
			kind: 'action',
			optional: [
				select,
				json('filter', 'Filter (JSON)', { shape: 'array', default: '[]', placeholder: '[["severity", "SECURITY"]]', description: 'REST 3.0 conditions: [["field", "operator", value], …]' }),
				json('cursor', 'Cursor (JSON)', { shape: 'object', default: '{}', placeholder: '{"field": "id", "order": "ASC", "value": 446315, "limit": 50}', description: 'Where to start: field (default id), order (ASC/DESC), value (default 0), limit (default 50)' }),
			],
			optionalName: 'options',
			unwrap: 'items',
		},
		...fieldOps('main.eventlog', 'an event log entry'),
	]),
};
