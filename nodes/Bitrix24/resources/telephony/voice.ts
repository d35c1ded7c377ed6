import type { IDataObject } from 'n8n-workflow';

import type { ParamSpec, ResourceSpec } from '../../types';
import { act, sortDirection, str, V2 } from '../shared';

/** Voximplant calls placed by Bitrix24 (info calls, callbacks), text-to-speech voices, SIP lines. */

const fromLine = str('FROM_LINE', 'From Line ID', { required: true, description: 'The outgoing line, from Telephony Line → Get Many', placeholder: 'e.g. reg150907' });
const toNumber = str('TO_NUMBER', 'To Number', { required: true, placeholder: 'e.g. +15550100' });
const voice = str('VOICE', 'Voice', { description: "From Telephony Voice → Get Many; the portal language's voice when empty", placeholder: 'e.g. ruinternalfemale' });
// named apart from Open Line Config's CONFIG_ID dropdown: n8n keeps a same-named value across operations
const configId = str('sipConfigId', 'SIP Line Config ID', { required: true, integer: true, to: 'CONFIG_ID', description: 'CONFIG_ID from SIP Line → Get Many' });
const configOutput = (flag: 'updated' | 'deleted' | 'success') => (result: unknown, request: IDataObject | unknown[]) => ({
	configId: (request as IDataObject).CONFIG_ID as string,
	[flag]: result !== false && result !== null,
});

export const automatedCall: ResourceSpec = {
	value: 'automatedCall',
	name: 'Automated Call',
	group: 'Telephony',
	description: 'Calls Bitrix24 places itself: a spoken text or a sound file, or a callback that connects an employee',
	operations: [
		act('startWithText', 'Start With Text', 'Place a telephony call that speaks a text', 'voximplant.infocall.startwithtext', [fromLine, toNumber, str('TEXT_TO_PRONOUNCE', 'Text', { required: true })], {
			...V2,
			optional: [voice],
			optionalName: 'options',
		}),
		act('startWithSound', 'Start With Sound', 'Place a telephony call that plays an MP3 file', 'voximplant.infocall.startwithsound', [fromLine, toNumber, str('URL', 'MP3 URL', { required: true })], V2),
		act('startCallback', 'Start Callback', 'Start a telephony callback: call an employee, then the client', 'voximplant.callback.start', [
			fromLine,
			str('TO_NUMBER', 'Client Number', { required: true }),
			str('TEXT_TO_PRONOUNCE', 'Text for the Employee', { required: true, description: 'What the employee hears before the client is connected' }),
		], { ...V2, optional: [voice], optionalName: 'options' }),
	],
};

export const telephonyVoice: ResourceSpec = {
	value: 'telephonyVoice',
	name: 'Voice',
	group: 'Telephony',
	description: 'Text-to-speech voices',
	operations: [
		{
			value: 'getMany',
			name: 'Get Many',
			action: 'Get the text-to-speech voices',
			method: 'voximplant.tts.voices.get',
			kind: 'get',
			...V2,
			// {voiceId: name}: one item per voice
			output: (result) => Object.entries((result ?? {}) as IDataObject).map(([id, name]) => ({ id, name })),
		},
	],
};

export const telephonyPage: ResourceSpec = {
	value: 'telephonyPage',
	name: 'Page',
	group: 'Telephony',
	description: 'Links to the telephony pages of the portal',
	operations: [{ value: 'getLinks', name: 'Get Links', action: 'Get links to the telephony pages', method: 'voximplant.url.get', kind: 'get', ...V2 }],
};

const sipFields: ParamSpec[] = [str('TITLE', 'Title'), str('PASSWORD', 'Password', { description: 'Up to 100 characters', password: true })];

export const sipLine: ResourceSpec = {
	value: 'sipLine',
	name: 'SIP Line',
	group: 'Telephony',
	description: 'SIP connector lines of a cloud or office PBX',
	operations: [
		{
			value: 'create',
			name: 'Create',
			action: 'Create a SIP line',
			method: 'voximplant.sip.add',
			kind: 'create',
			...V2,
			params: [str('SERVER', 'Server', { required: true }), str('LOGIN', 'Login', { required: true })],
			optional: [
				...sipFields,
				{
					name: 'TYPE',
					label: 'PBX Type',
					type: 'options',
					default: 'cloud',
					options: [
						{ name: 'Cloud', value: 'cloud' },
						{ name: 'Office', value: 'office' },
					],
				},
			],
		},
		{
			value: 'getMany',
			name: 'Get Many',
			action: 'Get SIP lines',
			description: 'Only the SIP lines created by the calling application: Bitrix24 always limits this list to its APP_ID (voximplant.sip.get)',
			method: 'voximplant.sip.get',
			kind: 'getMany',
			...V2,
			optional: [
				str('SORT', 'Sort By', { placeholder: 'e.g. TITLE' }),
				sortDirection('ORDER', 'ASC'),
			],
			optionalName: 'options',
			// SORT/ORDER are single strings, not an order object: only the filter goes through the list options
			paging: { mode: 'start', filterKey: 'FILTER' },
		},
		{
			value: 'update',
			name: 'Update',
			action: 'Update a SIP line',
			method: 'voximplant.sip.update',
			kind: 'update',
			...V2,
			params: [configId],
			optional: [str('SERVER', 'Server'), str('LOGIN', 'Login'), ...sipFields],
			optionalName: 'updateFields',
			output: configOutput('updated'),
		},
		{ value: 'delete', name: 'Delete', action: 'Delete a SIP line', method: 'voximplant.sip.delete', kind: 'delete', ...V2, params: [configId], output: configOutput('deleted') },
		act('getStatus', 'Get Registration Status', 'Get the registration status of a cloud PBX line', 'voximplant.sip.status', [str('REG_ID', 'Registration ID', { required: true, integer: true, description: 'REG_ID from SIP Line → Get Many' })], { ...V2, kind: 'get' }),
		act('getConnectorStatus', 'Get Connector Status', 'Get the SIP connector subscription status', 'voximplant.sip.connector.status', [], { ...V2, kind: 'get' }),
		act('setOutgoing', 'Set as Outgoing Line', 'Make a SIP line the default outgoing line', 'voximplant.line.outgoing.sip.set', [configId], { ...V2, output: configOutput('success') }),
	],
};

export const voiceResources: ResourceSpec[] = [automatedCall, telephonyVoice, telephonyPage, sipLine];
