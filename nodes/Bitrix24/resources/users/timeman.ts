import type { ResourceSpec } from '../../types';
import { json } from '../shared';
import { fieldOps, restV3 } from '../v3common';

/** Work-day records of time tracking, REST 3.0 only (api-reference/timeman/record). */
export const timeRecord: ResourceSpec = {
	value: 'timeRecord',
	name: 'Time Tracking Record',
	group: 'Users',
	description: 'Work-day records of time tracking: start, end and duration per user (REST 3.0)',
	defaultOperation: 'getMany',
	operations: restV3([
		{
			value: 'getMany',
			name: 'Get Many',
			action: 'Get many time tracking records',
			method: 'timeman.record.list',
			kind: 'getMany',
			// the filter is required (timeman-record-list.md), so it is an input of its own; pages of 50
			params: [
				json('filter', 'Filter (JSON)', {
					required: true,
					shape: 'array',
					default: '[["userId", 1]]',
					description: 'REST 3.0 conditions, e.g. [["userId", 1], ["startTime", "between", ["2026-06-01T00:00:00+02:00", "2026-06-30T23:59:59+02:00"]]]',
				}),
			],
			paging: { mode: 'pagination', pageSize: 50, itemsPath: 'items', orderKey: 'order', selectKey: 'select' },
		},
		...fieldOps('timeman.record', 'a time tracking record'),
	]),
};
