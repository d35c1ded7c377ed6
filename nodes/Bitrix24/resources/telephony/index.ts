import type { IDataObject } from 'n8n-workflow';

import type { ParamSpec, ResourceSpec } from '../../types';
import { crud } from '../crud';
import { act, date, json, list, num, sortDirection, str, yesNoOptions as yesNo } from '../shared';
import { followUpResources } from './followUp';
import { voiceResources } from './voice';

const callId = str('CALL_ID', 'Call ID', { required: true, description: 'The ID returned by Register', placeholder: 'e.g. externalCall.716f1cb7...' });
const userId = str('USER_ID', 'User ID', { required: true, locator: 'user' });
const innerNumber = str('USER_PHONE_INNER', 'Internal Number', { description: "The user's internal number; needed when User ID is empty", showWhen: { identifyUserBy: ['innerNumber'] } });
/** The call's user is named by ID or by internal number (telephony-external-call-register.md). */
const identifyUserBy: ParamSpec = {
	name: 'identifyUserBy',
	label: 'Identify User By',
	type: 'options',
	since: 2,
	default: 'userId',
	options: [
		{ name: 'User ID', value: 'userId' },
		{ name: 'Internal Number', value: 'innerNumber' },
	],
};
const callUser = [identifyUserBy, { ...userId, showWhen: { identifyUserBy: ['userId'] } }, innerNumber];
const lineNumber = str('NUMBER', 'Line Number', { required: true });
const flag01 = (name: string, label: string, description: string): ParamSpec => ({
	name,
	label,
	type: 'options',
	default: 1,
	description,
	options: [
		{ name: 'Yes', value: 1 },
		{ name: 'No', value: 0 },
	],
});


const shown = (result: unknown, request: IDataObject | unknown[]) => ({ callId: (request as IDataObject).CALL_ID as string, success: result !== false });

export const call: ResourceSpec = {
	value: 'call',
	name: 'External Call',
	group: 'Telephony',
	description: 'Calls of an external PBX logged in Bitrix24',
	operations: [
		{
			value: 'register',
			name: 'Register',
			action: 'Register a call',
			method: 'telephony.externalCall.register',
			kind: 'create',
			appOnly: true,
			params: [
				...callUser,
				str('PHONE_NUMBER', 'Phone Number', { required: true }),
				{
					name: 'TYPE',
					label: 'Type',
					type: 'options',
					default: 2,
					options: [
						{ name: 'Outgoing', value: 1 },
						{ name: 'Incoming', value: 2 },
						{ name: 'Incoming With Redirection', value: 3 },
						{ name: 'Callback', value: 4 },
						{ name: 'Informational', value: 5 },
					],
				},
			],
			optional: [
				date('CALL_START_DATE', 'Start Time'),
				flag01('CRM_CREATE', 'Create CRM Record', 'Whether to create a CRM record when none matches the number'),
				str('CRM_SOURCE', 'CRM Source ID', { placeholder: 'e.g. CALL', dropdown: 'getSources' }),
				{
					name: 'CRM_ENTITY_TYPE',
					label: 'CRM Entity Type',
					type: 'options',
					default: 'CONTACT',
					options: [
						{ name: 'Company', value: 'COMPANY' },
						{ name: 'Contact', value: 'CONTACT' },
						{ name: 'Lead', value: 'LEAD' },
					],
				},
				num('CRM_ENTITY_ID', 'CRM Entity ID'),
				flag01('SHOW', 'Show Call Card', "Whether to open the call card on the user's screen"),
				flag01('ADD_TO_CHAT', 'Add to Chat', "Whether to post the call to the user's chat"),
				num('CALL_LIST_ID', 'Call List ID'),
				str('LINE_NUMBER', 'Line Number'),
				str('EXTERNAL_CALL_ID', 'External Call ID', { description: 'The call ID in your PBX' }),
			],
		},
		{
			value: 'finish',
			name: 'Finish',
			action: 'Finish a call',
			method: 'telephony.externalCall.finish',
			kind: 'action',
			appOnly: true,
			params: [callId, ...callUser],
			optional: [
				num('DURATION', 'Duration (Seconds)'),
				num('COST', 'Cost'),
				str('COST_CURRENCY', 'Cost Currency', { placeholder: 'e.g. USD' }),
				str('STATUS_CODE', 'Status Code', { placeholder: 'e.g. 200', description: '200 success, 304 missed, 603 declined, 603-S canceled, 403, 404, 486 busy, 484, 503, 480' }),
				str('FAILED_REASON', 'Failure Reason'),
				num('VOTE', 'Rating', { description: 'From 1 to 5' }),
				flag01('ADD_TO_CHAT', 'Add to Chat', "Whether to post the call to the user's chat"),
			],
		},
		act('attachRecord', 'Attach Record', 'Attach a call recording', 'telephony.externalCall.attachRecord', [callId], {
			optional: [
				str('RECORD_URL', 'Record URL', { description: 'Bitrix24 downloads the file from this address' }),
				str('FILENAME', 'File Name', { placeholder: 'e.g. call.mp3' }),
				str('FILE_CONTENT', 'File Content (Base64)'),
			],
		}),
		act('attachTranscription', 'Attach Transcription', 'Attach a call transcription', 'telephony.call.attachTranscription', [
			callId,
			json('MESSAGES', 'Utterances (JSON)', {
				required: true,
				shape: 'array',
				description: 'e.g. [{"SIDE": "User", "START_TIME": 1, "STOP_TIME": 3, "MESSAGE": "Hello"}]',
			}),
		], { optional: [num('COST', 'Cost'), str('COST_CURRENCY', 'Cost Currency')] }),
		act('show', 'Show Card', 'Show the call card to users', 'telephony.externalCall.show', [callId], {
			optional: [list('USER_ID', 'User IDs', { description: 'Comma-separated; the user of the call when empty' })],
			output: shown,
		}),
		act('hide', 'Hide Card', 'Hide the call card from users', 'telephony.externalCall.hide', [callId], {
			optional: [list('USER_ID', 'User IDs', { description: 'Comma-separated; the user of the call when empty' })],
			output: shown,
		}),
		{
			value: 'searchCrmEntities',
			name: 'Find CRM Records',
			action: 'Find CRM records by phone number',
			method: 'telephony.externalCall.searchCrmEntities',
			kind: 'get',
			params: [str('PHONE_NUMBER', 'Phone Number', { required: true })],
		},
	],
};

export const externalLine = crud({
	value: 'externalLine',
	name: 'External Line',
	group: 'Telephony',
	description: "The application's external PBX lines (OAuth2 only)",
	prefix: 'telephony.externalLine',
	noun: 'external line',
	key: [lineNumber],
	create: [lineNumber],
	fields: [str('NAME', 'Name'), yesNo('CRM_AUTO_CREATE', 'Create CRM Records', 'Whether outgoing calls create CRM records')],
	every: { appOnly: true },
	verbs: ['create', 'getMany', 'update', 'delete'],
	override: {
		create: { unwrap: 'ID' },
		getMany: { v1Value: 'getAll', action: 'Get the external lines', method: 'telephony.externalLine.get', kind: 'get' },
		update: { output: (result, request) => ({ id: (result as IDataObject)?.ID as string, number: (request as IDataObject).NUMBER as string, updated: true }) },
		delete: { output: (_result, request) => ({ number: (request as IDataObject).NUMBER as string, deleted: true }) },
	},
});

export const callStatistic: ResourceSpec = {
	value: 'callStatistic',
	name: 'Call Statistic',
	group: 'Telephony',
	description: 'The call log',
	operations: [
		{
			value: 'getMany', v1Value: 'getAll',
			name: 'Get Many',
			action: 'Get call log records',
			method: 'voximplant.statistic.get',
			kind: 'getMany',
			optional: [
				str('SORT', 'Sort By', { placeholder: 'e.g. CALL_START_DATE' }),
				sortDirection('ORDER', 'DESC'),
			],
			optionalName: 'options',
			// SORT/ORDER are single strings, not an order object: only the filter goes through the list options
			paging: { mode: 'start', filterKey: 'FILTER' },
		},
	],
};

export const telephonyUser: ResourceSpec = {
	value: 'telephonyUser',
	name: 'Telephony User',
	group: 'Telephony',
	operations: [
		{
			value: 'get',
			name: 'Get',
			action: 'Get telephony settings of users',
			method: 'voximplant.user.get',
			kind: 'get',
			params: [list('USER_ID', 'User IDs', { required: true, description: 'Comma-separated user IDs' })],
		},
		act('activatePhone', 'Activate Phone', 'Allow a user a SIP phone', 'voximplant.user.activatePhone', [userId], { output: (r, req) => ({ userId: (req as IDataObject).USER_ID as number, success: Boolean(r) }) }),
		act('deactivatePhone', 'Deactivate Phone', "Turn off a user's SIP phone", 'voximplant.user.deactivatePhone', [userId], { output: (r, req) => ({ userId: (req as IDataObject).USER_ID as number, success: Boolean(r) }) }),
	],
};

export const telephonyLine: ResourceSpec = {
	value: 'telephonyLine',
	name: 'Telephony Line',
	group: 'Telephony',
	description: 'Lines for outgoing calls',
	operations: [
		{
			value: 'getMany', v1Value: 'getAll',
			name: 'Get Many',
			action: 'Get the telephony lines',
			method: 'voximplant.line.get',
			kind: 'get',
			// {LINE_ID: name}: one item per line
			output: (result) => Object.entries((result ?? {}) as IDataObject).map(([id, name]) => ({ id, name })),
		},
		{ value: 'getOutgoing', name: 'Get Outgoing Line', action: 'Get the default outgoing line', method: 'voximplant.line.outgoing.get', kind: 'get', output: (r) => ({ lineId: r as string }) },
		act('setOutgoing', 'Set Outgoing Line', 'Set the default outgoing line', 'voximplant.line.outgoing.set', [str('LINE_ID', 'Line ID', { required: true, placeholder: 'e.g. reg150907' })], {
			output: (r, req) => ({ lineId: (req as IDataObject).LINE_ID as string, success: Boolean(r) }),
		}),
	],
};

export const telephonyResources: ResourceSpec[] = [call, externalLine, callStatistic, telephonyUser, telephonyLine, ...voiceResources, ...followUpResources];
