import type { IDataObject } from 'n8n-workflow';

import type { ParamSpec, ResourceSpec } from '../../types';
import { act, bool, date, id, json, list, num, str, V2 } from '../shared';

/** Time tracking (timeman.*): workdays, office networks, work schedules, time control reports. */

const userId = num('USER_ID', 'User ID', { description: 'The current user when empty' });
const workdayChange = (verb: string): ParamSpec[] => [
	userId,
	date('TIME', 'Time', { description: `When the workday ${verb}; only for a closed workday (open) or the open one (close). The current time when empty` }),
	str('REPORT', 'Reason', { description: 'Why the time was changed; required with Time unless the schedule is flexible' }),
	num('LAT', 'Latitude'),
	num('LON', 'Longitude'),
];
const userOnly = { optional: [userId], optionalName: 'options' };

export const workday: ResourceSpec = {
	value: 'workday',
	name: 'Workday',
	group: 'Time Tracking',
	description: "An employee's workday: start, pause, finish, status",
	operations: [
		act('start', 'Start', 'Start or resume a workday', 'timeman.open', [], { ...V2, optional: workdayChange('starts'), optionalName: 'options' }),
		act('pause', 'Pause', 'Pause a workday', 'timeman.pause', [], { ...V2, ...userOnly }),
		act('finish', 'Finish', 'Finish a workday', 'timeman.close', [], { ...V2, optional: workdayChange('ends'), optionalName: 'options' }),
		act('getStatus', 'Get Status', 'Get the status of a workday', 'timeman.status', [], { ...V2, kind: 'get', ...userOnly }),
		act('getSettings', 'Get Settings', "Get a user's time tracking settings", 'timeman.settings', [], { ...V2, kind: 'get', ...userOnly }),
	],
};

export const officeNetwork: ResourceSpec = {
	value: 'officeNetwork',
	name: 'Office Network',
	group: 'Time Tracking',
	description: 'Address ranges of the office network, where employees may start their workday',
	operations: [
		{ value: 'getMany', name: 'Get Many', action: 'Get the office network ranges', method: 'timeman.networkrange.get', kind: 'get', ...V2 },
		act('set', 'Set', 'Replace the office network ranges', 'timeman.networkrange.set', [
			json('RANGES', 'Ranges (JSON)', { required: true, shape: 'array', description: 'e.g. [{"ip_range": "10.0.0.0-10.255.255.255", "name": "Office"}]' }),
		], {
			...V2,
			// documented result: {result: true}
			output: (result, request) => ({ ranges: ((request as IDataObject).RANGES as unknown[]).length, success: (result as IDataObject)?.result !== false }),
		}),
		act('check', 'Check Address', 'Check whether an address is in the office network', 'timeman.networkrange.check', [], {
			...V2,
			kind: 'get',
			optional: [str('IP', 'IP Address', { description: 'The caller\'s address when empty', placeholder: 'e.g. 10.10.255.25' })],
			optionalName: 'options',
		}),
	],
};

export const workSchedule: ResourceSpec = {
	value: 'workSchedule',
	name: 'Work Schedule',
	group: 'Time Tracking',
	operations: [act('get', 'Get', 'Get a work schedule', 'timeman.schedule.get', [id('id', 'Schedule ID')], { ...V2, kind: 'get' })],
};

const reportAccess = (key: string, label: string): ParamSpec[] => [
	{
		name: `${key}_TYPE`,
		label: `${label} For`,
		type: 'options',
		default: 'all',
		options: [
			{ name: 'Everyone', value: 'all' },
			{ name: 'Selected Users', value: 'user' },
			{ name: 'No One', value: 'none' },
		],
	},
	list(`${key}_USERS`, `${label} Users`, { description: 'Comma-separated user IDs, when for selected users' }),
];

export const timeControl: ResourceSpec = {
	value: 'timeControl',
	name: 'Time Control',
	group: 'Time Tracking',
	description: 'Absence reports and their settings',
	operations: [
		act('getReports', 'Get Reports', "Get a user's absence reports for a month", 'timeman.timecontrol.reports.get', [
			str('USER_ID', 'User ID', { required: true, integer: true }),
			num('MONTH', 'Month', { required: true, default: 1, description: '1 to 12' }),
			num('YEAR', 'Year', { required: true, default: 2025 }),
		], {
			...V2,
			kind: 'get',
			optional: [num('IDLE_MINUTES', 'Idle Minutes Allowed'), num('WORKDAY_HOURS', 'Workday Hours')],
			optionalName: 'options',
			unwrap: 'report',
		}),
		act('addReport', 'Add Report', 'Explain an absence', 'timeman.timecontrol.report.add', [num('REPORT_ID', 'Absence ID', { required: true, description: 'The absence from Get Reports' }), str('TEXT', 'Text', { required: true })], {
			...V2,
			optional: [
				num('USER_ID', 'User ID', { description: 'Administrators only; the current user when empty' }),
				{
					name: 'TYPE',
					label: 'Type',
					type: 'options',
					default: 'PRIVATE',
					options: [
						{ name: 'Personal', value: 'PRIVATE' },
						{ name: 'Work', value: 'WORK' },
					],
				},
				bool('CALENDAR', 'Add to Calendar', 'Whether to add the absence to the calendar', { yn: true, default: true }),
			],
			optionalName: 'options',
			output: (result, request) => ({ reportId: (request as IDataObject).REPORT_ID as number, success: result !== false }),
		}),
		act('getReportUsers', 'Get Report Users', 'Get the users whose reports the caller may see', 'timeman.timecontrol.reports.users.get', [], {
			...V2,
			kind: 'get',
			optional: [num('DEPARTMENT_ID', 'Department ID')],
			optionalName: 'options',
		}),
		act('getReportSettings', 'Get Report Settings', "Get the caller's report access", 'timeman.timecontrol.reports.settings.get', [], { ...V2, kind: 'get' }),
		act('getSettings', 'Get Settings', 'Get the time control settings', 'timeman.timecontrol.settings.get', [], { ...V2, kind: 'get' }),
		act('updateSettings', 'Update Settings', 'Change the time control settings', 'timeman.timecontrol.settings.set', [], {
			...V2,
			optional: [
				// ACTIVE: false does not turn the module off, 0 does (timeman-timecontrol-settings-set.md)
				{ name: 'ACTIVE', label: 'Active', type: 'options', default: 1, options: [{ name: 'On', value: 1 }, { name: 'Off', value: 0 }] },
				num('MINIMUM_IDLE_FOR_REPORT', 'Idle Minutes Before a Report'),
				bool('REGISTER_OFFLINE', 'Register Offline', 'Whether to record offline status'),
				bool('REGISTER_IDLE', 'Register Idle', 'Whether to record idle status'),
				bool('REGISTER_DESKTOP', 'Register Desktop App', 'Whether to record the desktop application status'),
				...reportAccess('REPORT_REQUEST', 'Report Requests'),
				...reportAccess('REPORT_SIMPLE', 'Simple Report'),
				...reportAccess('REPORT_FULL', 'Full Report'),
			],
			optionalName: 'updateFields',
			output: (result) => ({ updated: result !== false }),
		}),
	],
};

export const timeTrackingResources: ResourceSpec[] = [workday, officeNetwork, workSchedule, timeControl];
