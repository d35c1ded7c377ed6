import type { IDataObject } from 'n8n-workflow';

import { seededRows } from './seed';
import type { Cases } from './types';

const one = (items: IDataObject[]) => {
	expect(items).toHaveLength(1);
	return items[0];
};
const callId = 'externalCall.716f1cb73def9700a23842adf9c4c568.1773130779';
const app = 'oAuth2' as const;

export const telephonyCases: Cases = {
	'call.register': {
		auth: app,
		parameters: { identifyUserBy: 'userId', USER_ID: 1, PHONE_NUMBER: '+14155550100', TYPE: 2, additionalFields: { CRM_CREATE: 1, SHOW: 0, EXTERNAL_CALL_ID: 'pbx-1' } },
		request: (params) => expect(params).toEqual({ USER_ID: 1, PHONE_NUMBER: '+14155550100', TYPE: 2, CRM_CREATE: 1, SHOW: 0, EXTERNAL_CALL_ID: 'pbx-1' }),
		// telephony-external-call-register.md: the call's ID and what CRM created or found
		output: (items) => expect(Object.keys(one(items))).toEqual(expect.arrayContaining(['CALL_ID', 'CRM_CREATED_LEAD', 'CRM_CREATED_ENTITIES', 'CRM_ENTITY_TYPE', 'CRM_ENTITY_ID'])),
	},
	'call.finish': {
		auth: app,
		parameters: { CALL_ID: callId, identifyUserBy: 'innerNumber', USER_PHONE_INNER: '101', additionalFields: { DURATION: 95, STATUS_CODE: '200', VOTE: 5 } },
		request: (params) => expect(params).toEqual({ CALL_ID: callId, USER_PHONE_INNER: '101', DURATION: 95, STATUS_CODE: '200', VOTE: 5 }),
		// telephony-external-call-finish.md: the finished call's record
		output: (items) => {
			const call = one(items);
			expect(Object.keys(call)).toEqual(expect.arrayContaining(['CALL_ID', 'PHONE_NUMBER', 'CALL_DURATION', 'CALL_START_DATE', 'CALL_STATUS', 'CALL_VOTE']));
			expect(call.PORTAL_USER_ID).toEqual(expect.any(Number));
		},
	},
	'call.attachRecord': {
		parameters: { CALL_ID: callId, additionalFields: { RECORD_URL: 'https://pbx.example.com/rec/1.mp3', FILENAME: 'call.mp3' } },
		request: (params) => expect(params).toEqual({ CALL_ID: callId, RECORD_URL: 'https://pbx.example.com/rec/1.mp3', FILENAME: 'call.mp3' }),
		// telephony-external-call-attach-record.md: the stored file's ID
		output: (items) => expect(one(items)).toEqual({ FILE_ID: expect.any(Number) }),
	},
	'call.attachTranscription': {
		parameters: { CALL_ID: callId, MESSAGES: '[{"SIDE": "User", "START_TIME": 1, "STOP_TIME": 3, "MESSAGE": "Hello"}]' },
		request: (params) => expect(params).toEqual({ CALL_ID: callId, MESSAGES: [{ SIDE: 'User', START_TIME: 1, STOP_TIME: 3, MESSAGE: 'Hello' }] }),
		output: (items) => expect(one(items)).toEqual({ TRANSCRIPT_ID: expect.any(Number) }),
	},
	'call.show': {
		parameters: { CALL_ID: callId, additionalFields: { USER_ID: '1,2' } },
		request: (params) => expect(params).toEqual({ CALL_ID: callId, USER_ID: ['1', '2'] }),
		output: (items) => expect(one(items)).toEqual({ callId, success: true }),
	},
	'call.hide': {
		parameters: { CALL_ID: callId },
		request: (params) => expect(params).toEqual({ CALL_ID: callId }),
		output: (items) => expect(one(items)).toEqual({ callId, success: true }),
	},
	'call.searchCrmEntities': {
		parameters: { PHONE_NUMBER: '+14155550100' },
		request: (params) => expect(params).toEqual({ PHONE_NUMBER: '+14155550100' }),
		// telephony-external-call-search-crm-entities.md: one item per CRM record with the number
		output: (items) => {
			expect(items.length).toBeGreaterThan(0);
			for (const found of items) expect(Object.keys(found)).toEqual(expect.arrayContaining(['CRM_ENTITY_TYPE', 'CRM_ENTITY_ID', 'ASSIGNED_BY_ID', 'NAME']));
		},
	},
	'externalLine.create': {
		auth: app,
		parameters: { NUMBER: '14151234567', additionalFields: { NAME: 'Support Line', CRM_AUTO_CREATE: 'N' } },
		request: (params) => expect(params).toEqual({ NUMBER: '14151234567', NAME: 'Support Line', CRM_AUTO_CREATE: 'N' }),
		output: (items) => expect(one(items)).toEqual({ id: expect.any(Number) }),
	},
	'externalLine.getMany': {
		auth: app,
		parameters: async (portal) => {
			for (const row of portal.emu.store.all('generic:telephony.externalline')) portal.emu.store.remove('generic:telephony.externalline', row.ID as number);
			await portal.json({ resource: 'externalLine', operation: 'create', NUMBER: '14155550199', additionalFields: { NAME: 'Night line', CRM_AUTO_CREATE: 'Y' } }, { auth: app });
			return {};
		},
		request: (params) => expect(params).toEqual({}),
		// telephony-external-line-get.md: one { NUMBER, NAME, CRM_AUTO_CREATE } per line
		// (the emulator also answers the store's ID, which the page does not document)
		output: (items) => expect(items).toEqual([expect.objectContaining({ NUMBER: '14155550199', NAME: 'Night line', CRM_AUTO_CREATE: 'Y' })]),
	},
	'externalLine.update': {
		auth: app,
		parameters: { NUMBER: '14151234567', updateFields: { NAME: 'Sales Line' } },
		request: (params) => expect(params).toEqual({ NUMBER: '14151234567', NAME: 'Sales Line' }),
		output: (items) => expect(one(items)).toMatchObject({ number: '14151234567', updated: true }),
	},
	'externalLine.delete': {
		auth: app,
		parameters: { NUMBER: '14151234567' },
		request: (params) => expect(params).toEqual({ NUMBER: '14151234567' }),
		output: (items) => expect(one(items)).toEqual({ number: '14151234567', deleted: true }),
	},
	'callStatistic.getMany': {
		// answered generically: seed one outgoing and one incoming call (voximplant-statistic-get.md)
		parameters: (portal) => (
			seededRows(portal, 'voximplant.statistic', [
				{ ID: 1, CALL_ID: 'c-1', CALL_TYPE: '1', PHONE_NUMBER: '+14155550100', PORTAL_USER_ID: '1', CALL_DURATION: '95', CALL_START_DATE: '2026-01-10T10:00:00+00:00' },
				{ ID: 2, CALL_ID: 'c-2', CALL_TYPE: '2', PHONE_NUMBER: '+14155550101', PORTAL_USER_ID: '1', CALL_DURATION: '10', CALL_START_DATE: '2026-01-11T10:00:00+00:00' },
			]),
			{ limit: 10, listOptions: { filter: '{"CALL_TYPE": 1}' }, options: { SORT: 'CALL_START_DATE', ORDER: 'DESC' } }
		),
		request: (params) => expect(params).toMatchObject({ FILTER: { CALL_TYPE: 1 }, SORT: 'CALL_START_DATE', ORDER: 'DESC' }),
		output: (items) => expect(items).toEqual([expect.objectContaining({ CALL_ID: 'c-1', CALL_TYPE: '1', PHONE_NUMBER: '+14155550100', CALL_DURATION: '95' })]),
	},
	'telephonyUser.get': {
		// the portal's users 1 and 2; user 2's SIP device is switched on first, user 1's off
		parameters: async (portal) => {
			await portal.json({ resource: 'telephonyUser', operation: 'activatePhone', user: '2' });
			await portal.json({ resource: 'telephonyUser', operation: 'deactivatePhone', user: '1' });
			return { USER_ID: '1,2' };
		},
		request: (params) => expect(params).toEqual({ USER_ID: ['1', '2'] }),
		// documented: an array with one settings object per user, ID as a string
		output: (items) =>
			expect(items).toEqual([
				{ ID: '1', DEFAULT_LINE: null, PHONE_ENABLED: 'N', SIP_SERVER: expect.any(String), SIP_LOGIN: 'phone1', SIP_PASSWORD: null, INNER_NUMBER: null },
				{ ID: '2', DEFAULT_LINE: null, PHONE_ENABLED: 'Y', SIP_SERVER: expect.any(String), SIP_LOGIN: 'phone2', SIP_PASSWORD: null, INNER_NUMBER: null },
			]),
	},
	'telephonyUser.activatePhone': { parameters: { USER_ID: 2 }, request: (params) => expect(params).toEqual({ USER_ID: 2 }), output: (items) => expect(one(items)).toEqual({ userId: 2, success: true }) },
	'telephonyUser.deactivatePhone': { parameters: { USER_ID: 2 }, request: (params) => expect(params).toEqual({ USER_ID: 2 }), output: (items) => expect(one(items)).toEqual({ userId: 2, success: true }) },
	'telephonyLine.getMany': {
		request: (params) => expect(params).toEqual({}),
		// voximplant-line-get.md answers { <line id>: <name> }; the node lists them as { id, name } (the emulator's names are '')
		output: (items) =>
			expect(items).toEqual(['reg150907', 'sip7', 'reg151083', 'sip11', 'reg151085'].map((id) => ({ id, name: expect.any(String) }))),
	},
	'telephonyLine.getOutgoing': { request: (params) => expect(params).toEqual({}), output: (items) => expect(one(items)).toHaveProperty('lineId') },
	'telephonyLine.setOutgoing': {
		parameters: { LINE_ID: 'reg150907' },
		request: (params) => expect(params).toEqual({ LINE_ID: 'reg150907' }),
		output: (items) => expect(one(items)).toEqual({ lineId: 'reg150907', success: true }),
	},
};
