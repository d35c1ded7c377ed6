import type { IBinaryKeyData, IDataObject } from 'n8n-workflow';

import type { Portal } from '../../helpers/portal';
import { seededRows } from './seed';
import { newTask } from './tasks';
import type { Cases } from './types';

/** Automation rules and workflow activities with a handler URL, template import, time tracking, telephony, task templates. */

const one = (items: IDataObject[]) => {
	expect(items).toHaveLength(1);
	return items[0];
};
const handler = 'https://n8n.example.com/webhook/robot';
const bpt = Buffer.from('template bytes');
const bptFile = (): IBinaryKeyData => ({ data: { data: bpt.toString('base64'), mimeType: 'application/octet-stream', fileName: 'approval.bpt' } });

const ranges = [
	{ ip_range: '10.0.0.0-10.255.255.255', name: 'Office 10.x' },
	{ ip_range: '192.168.1.7', name: 'Printer' },
];
async function workdayOf(portal: Portal, USER_ID: number, operation: 'start' | 'pause'): Promise<void> {
	await portal.json({ resource: 'workday', operation, options: { USER_ID } });
}

let sipId = '';
async function newSipLine(portal: Portal, TITLE = 'Cloud PBX'): Promise<string> {
	const [line] = await portal.json({ resource: 'sipLine', operation: 'create', SERVER: 'sip.example.com', LOGIN: 'cloud-1', additionalFields: { TITLE } });
	return String(line.CONFIG_ID ?? line.ID);
}

/** The four application-only registration operations of bizproc.robot.* and bizproc.activity.*. */
function stepCases(resource: string): Cases {
	const register = async (portal: Portal, CODE: string) => {
		await portal.json({ resource, operation: 'register', CODE, NAME: 'Check payment', HANDLER: handler }, { auth: 'oAuth2' });
		return CODE;
	};
	return {
		[`${resource}.register`]: {
			auth: 'oAuth2',
			parameters: { CODE: 'check_payment', NAME: 'Check payment', HANDLER: handler, additionalFields: { USE_SUBSCRIPTION: 'Y', RETURN_PROPERTIES: '{"paid": {"Name": "Paid", "Type": "bool"}}', DOCUMENT_TYPE: '["crm", "CCrmDocumentDeal", "DEAL"]' } },
			request: (params) =>
				expect(params).toEqual({
					CODE: 'check_payment',
					NAME: 'Check payment',
					HANDLER: handler,
					USE_SUBSCRIPTION: 'Y',
					RETURN_PROPERTIES: { paid: { Name: 'Paid', Type: 'bool' } },
					DOCUMENT_TYPE: ['crm', 'CCrmDocumentDeal', 'DEAL'],
				}),
			output: (items) => expect(one(items)).toEqual({ code: 'check_payment', registered: true }),
		},
		[`${resource}.getMany`]: {
			auth: 'oAuth2',
			parameters: async (portal) => {
				await register(portal, 'listed_step');
				return {};
			},
			request: (params) => expect(params).toEqual({}),
			// documented result: the application's codes
			output: (items) => expect(items).toContainEqual({ code: 'listed_step' }),
		},
		[`${resource}.update`]: {
			auth: 'oAuth2',
			parameters: async (portal) => ({ CODE: await register(portal, 'updated_step'), updateFields: { NAME: 'Check payment again', USE_SUBSCRIPTION: 'N' } }),
			request: (params) => expect(params).toEqual({ CODE: 'updated_step', FIELDS: { NAME: 'Check payment again', USE_SUBSCRIPTION: 'N' } }),
			output: (items) => expect(one(items)).toEqual({ code: 'updated_step', updated: true }),
		},
		[`${resource}.delete`]: {
			auth: 'oAuth2',
			parameters: async (portal) => ({ CODE: await register(portal, 'deleted_step') }),
			request: (params) => expect(params).toEqual({ CODE: 'deleted_step' }),
			output: (items) => expect(one(items)).toEqual({ code: 'deleted_step', deleted: true }),
		},
		[`${resource}.sendResult`]: {
			parameters: { EVENT_TOKEN: 'token-of-the-step', options: { RETURN_VALUES: '{"paid": "Y"}', LOG_MESSAGE: 'Paid in full' } },
			methods: ['bizproc.event.send'],
			request: (params) => expect(params).toEqual({ EVENT_TOKEN: expect.any(String), RETURN_VALUES: { paid: 'Y' }, LOG_MESSAGE: 'Paid in full' }),
			// the token never reaches the output
			output: (items) => expect(one(items)).toEqual({ sent: true }),
		},
	};
}

export const miscCases: Cases = {
	...stepCases('automationRule'),
	...stepCases('workflowActivity'),
	'workflowActivity.log': {
		parameters: { EVENT_TOKEN: 'token-of-the-step', LOG_MESSAGE: 'Invoice sent' },
		request: (params) => expect(params).toEqual({ EVENT_TOKEN: expect.any(String), LOG_MESSAGE: 'Invoice sent' }),
		output: (items) => expect(one(items)).toEqual({ logged: true }),
	},
	'workflowTemplate.create': {
		auth: 'oAuth2',
		parameters: { DOCUMENT_TYPE: '["crm", "CCrmDocumentDeal", "DEAL"]', NAME: 'Approval', binaryPropertyName: 'data', additionalFields: { AUTO_EXECUTE: 1 } },
		binary: [bptFile()],
		request: (params) =>
			expect(params).toEqual({ DOCUMENT_TYPE: ['crm', 'CCrmDocumentDeal', 'DEAL'], NAME: 'Approval', AUTO_EXECUTE: 1, TEMPLATE_DATA: ['approval.bpt', bpt.toString('base64')] }),
		output: (items) => expect(one(items)).toEqual({ id: expect.any(Number) }),
	},
	'workflowTemplate.update': {
		auth: 'oAuth2',
		parameters: (portal) => ({
			ID: String(portal.emu.store.insert('generic:bizproc.workflow.template', { NAME: 'App template', USER_ID: 1 }).ID),
			updateFields: { NAME: 'Approval v2', binaryPropertyName: 'data' },
		}),
		binary: [bptFile()],
		request: (params) => expect(params).toEqual({ ID: expect.stringMatching(/^\d+$/), FIELDS: { NAME: 'Approval v2', TEMPLATE_DATA: ['approval.bpt', bpt.toString('base64')] } }),
		output: (items) => expect(one(items)).toEqual({ id: expect.stringMatching(/^\d+$/), updated: true }),
	},

	'workday.start': {
		parameters: { options: { USER_ID: 21, LAT: 53.5, LON: 9.98 } },
		request: (params) => expect(params).toEqual({ USER_ID: 21, LAT: 53.5, LON: 9.98 }),
		output: (items) => expect(one(items)).toEqual(expect.objectContaining({ STATUS: 'OPENED', TIME_FINISH: null, LAT_OPEN: 53.5, LON_OPEN: 9.98, TIME_START: expect.any(String) })),
	},
	'workday.pause': {
		parameters: async (portal) => {
			await workdayOf(portal, 22, 'start');
			return { options: { USER_ID: 22 } };
		},
		request: (params) => expect(params).toEqual({ USER_ID: 22 }),
		output: (items) => expect(one(items)).toEqual(expect.objectContaining({ STATUS: 'PAUSED', TIME_START: expect.any(String) })),
	},
	'workday.finish': {
		parameters: async (portal) => {
			await workdayOf(portal, 23, 'start');
			return { options: { USER_ID: 23, REPORT: 'Left early' } };
		},
		request: (params) => expect(params).toEqual({ USER_ID: 23, REPORT: 'Left early' }),
		output: (items) => expect(one(items)).toEqual(expect.objectContaining({ STATUS: 'CLOSED', TIME_START: expect.any(String), TIME_FINISH: expect.any(String) })),
	},
	'workday.getStatus': {
		parameters: async (portal) => {
			await workdayOf(portal, 24, 'start');
			await workdayOf(portal, 24, 'pause');
			return { options: { USER_ID: 24 } };
		},
		request: (params) => expect(params).toEqual({ USER_ID: 24 }),
		output: (items) => expect(one(items)).toEqual(expect.objectContaining({ STATUS: 'PAUSED', DURATION: expect.any(String), TIME_LEAKS: expect.any(String) })),
	},
	'workday.getSettings': {
		parameters: { options: { USER_ID: 1 } },
		request: (params) => expect(params).toEqual({ USER_ID: 1 }),
		// timeman-settings.md: UF_TIMEMAN, UF_TM_FREE, UF_TM_MAX_START... and ADMIN
		output: (items) => expect(one(items)).toEqual(expect.objectContaining({ UF_TIMEMAN: expect.any(Boolean), UF_TM_MAX_START: expect.any(String), ADMIN: expect.any(Boolean) })),
	},
	'officeNetwork.set': {
		parameters: { RANGES: JSON.stringify(ranges) },
		request: (params) => expect(params).toEqual({ RANGES: ranges }),
		output: (items) => expect(one(items)).toEqual({ ranges: 2, success: true }),
	},
	'officeNetwork.getMany': {
		parameters: async (portal) => {
			await portal.json({ resource: 'officeNetwork', operation: 'set', RANGES: JSON.stringify(ranges) });
			return {};
		},
		request: (params) => expect(params).toEqual({}),
		output: (items) => expect(items).toEqual(ranges),
	},
	'officeNetwork.check': {
		parameters: async (portal) => {
			await portal.json({ resource: 'officeNetwork', operation: 'set', RANGES: JSON.stringify(ranges) });
			return { options: { IP: '10.10.255.25' } };
		},
		request: (params) => expect(params).toEqual({ IP: '10.10.255.25' }),
		output: (items) => expect(one(items)).toEqual({ ip: '10.10.255.25', range: '10.0.0.0-10.255.255.255', name: 'Office 10.x' }),
	},
	'workSchedule.get': {
		parameters: { id: '1' },
		request: (params) => expect(params).toEqual({ id: '1' }),
		// no method writes schedules: the documented record (timeman-schedule-get.md) for the asked ID
		output: (items) => expect(one(items)).toEqual(expect.objectContaining({ ID: 1, NAME: expect.any(String), SCHEDULE_TYPE: expect.any(String), REPORT_PERIOD: expect.any(String) })),
	},
	'timeControl.getReports': {
		parameters: { USER_ID: '1', MONTH: 3, YEAR: 2025, options: { WORKDAY_HOURS: 8 } },
		request: (params) => expect(params).toEqual({ USER_ID: '1', MONTH: 3, YEAR: 2025, WORKDAY_HOURS: 8 }),
		// the report object (timeman-timecontrol-reports-get.md): month title, period, days
		output: (items) => expect(one(items)).toEqual(expect.objectContaining({ month_title: expect.any(String), date_start: expect.any(String), days: expect.any(Array) })),
	},
	'timeControl.addReport': {
		parameters: { REPORT_ID: 37, TEXT: 'Client meeting', options: { TYPE: 'WORK', CALENDAR: false } },
		request: (params) => expect(params).toEqual({ REPORT_ID: 37, TEXT: 'Client meeting', TYPE: 'WORK', CALENDAR: 'N' }),
		output: (items) => expect(one(items)).toEqual({ reportId: 37, success: true }),
	},
	'timeControl.getReportUsers': {
		parameters: (portal) => {
			seededRows(portal, 'timeman.timecontrol.reports.users', [{ id: 7, name: 'Anna Smith', first_name: 'Anna', last_name: 'Smith', work_position: 'Engineer' }]);
			return { options: { DEPARTMENT_ID: 1 } };
		},
		request: (params) => expect(params).toEqual({ DEPARTMENT_ID: 1 }),
		output: (items) => expect(one(items)).toEqual(expect.objectContaining({ id: expect.any(Number), name: 'Anna Smith', first_name: 'Anna', work_position: 'Engineer' })),
	},
	'timeControl.getReportSettings': {
		request: (params) => expect(params).toEqual({}),
		output: (items) => expect(one(items)).toEqual(expect.objectContaining({ active: expect.any(Boolean), user_id: expect.any(Number), minimum_idle_for_report: expect.any(Number) })),
	},
	'timeControl.getSettings': {
		request: (params) => expect(params).toEqual({}),
		output: (items) => expect(one(items)).toEqual(expect.objectContaining({ active: expect.any(Boolean), minimum_idle_for_report: expect.any(Number), register_offline: expect.any(Boolean) })),
	},
	'timeControl.updateSettings': {
		parameters: { updateFields: { ACTIVE: 1, MINIMUM_IDLE_FOR_REPORT: 15, REGISTER_IDLE: true, REPORT_FULL_TYPE: 'user', REPORT_FULL_USERS: '1, 7' } },
		request: (params) => expect(params).toEqual({ ACTIVE: 1, MINIMUM_IDLE_FOR_REPORT: 15, REGISTER_IDLE: true, REPORT_FULL_TYPE: 'user', REPORT_FULL_USERS: ['1', '7'] }),
		output: (items) => expect(one(items)).toEqual({ updated: true }),
	},

	'automatedCall.startWithText': {
		parameters: { FROM_LINE: 'reg150907', TO_NUMBER: '+15550100', TEXT_TO_PRONOUNCE: 'Your order is ready', options: { VOICE: 'ruinternalfemale' } },
		request: (params) => expect(params).toEqual({ FROM_LINE: 'reg150907', TO_NUMBER: '+15550100', TEXT_TO_PRONOUNCE: 'Your order is ready', VOICE: 'ruinternalfemale' }),
		// voximplant-infocall-start-with-text.md: {RESULT, CALL_ID}
		output: (items) => expect(one(items)).toEqual({ RESULT: true, CALL_ID: expect.any(String) }),
	},
	'automatedCall.startWithSound': {
		parameters: { FROM_LINE: 'reg150907', TO_NUMBER: '+15550100', URL: 'https://example.com/ready.mp3' },
		request: (params) => expect(params).toEqual({ FROM_LINE: 'reg150907', TO_NUMBER: '+15550100', URL: 'https://example.com/ready.mp3' }),
		output: (items) => expect(one(items)).toEqual({ RESULT: true, CALL_ID: expect.any(String) }),
	},
	'automatedCall.startCallback': {
		parameters: { FROM_LINE: 'reg150907', TO_NUMBER: '+15550100', TEXT_TO_PRONOUNCE: 'A client asked for a callback' },
		request: (params) => expect(params).toEqual({ FROM_LINE: 'reg150907', TO_NUMBER: '+15550100', TEXT_TO_PRONOUNCE: 'A client asked for a callback' }),
		output: (items) => expect(one(items)).toEqual({ RESULT: true, CALL_ID: expect.any(String) }),
	},
	'telephonyVoice.getMany': {
		request: (params) => expect(params).toEqual({}),
		// voximplant-tts-voices-get.md: {voiceId: name}, one item each
		output: (items) => {
			expect(items.length).toBeGreaterThan(1);
			expect(items).toContainEqual({ id: 'auenglishfemale', name: expect.any(String) });
		},
	},
	'telephonyPage.getLinks': {
		request: (params) => expect(params).toEqual({}),
		output: (items) => expect(one(items)).toEqual(expect.objectContaining({ detail_statistics: expect.any(String), edit_config: expect.any(String), lines: expect.any(String) })),
	},
	'sipLine.create': {
		parameters: { SERVER: 'sip.example.com', LOGIN: 'office-1', additionalFields: { TITLE: 'Office PBX', TYPE: 'office' } },
		request: (params) => expect(params).toEqual({ SERVER: 'sip.example.com', LOGIN: 'office-1', TITLE: 'Office PBX', TYPE: 'office' }),
		// voximplant-sip-add.md: the new line's record
		output: (items) => expect(one(items)).toEqual(expect.objectContaining({ ID: expect.anything(), SERVER: 'sip.example.com', LOGIN: 'office-1', TITLE: 'Office PBX', TYPE: 'office' })),
	},
	'sipLine.getMany': {
		parameters: async (portal) => {
			await newSipLine(portal, 'Listed PBX');
			return { returnAll: true, listOptions: { filter: '{"TITLE": "Listed PBX"}' }, options: { SORT: 'TITLE', ORDER: 'DESC' } };
		},
		request: (params) => expect(params).toEqual({ FILTER: { TITLE: 'Listed PBX' }, SORT: 'TITLE', ORDER: 'DESC', start: 0 }),
		output: (items) => expect(one(items)).toEqual(expect.objectContaining({ TITLE: 'Listed PBX', SERVER: 'sip.example.com' })),
	},
	'sipLine.update': {
		parameters: async (portal) => ({ sipConfigId: (sipId = await newSipLine(portal)), updateFields: { TITLE: 'Renamed PBX' } }),
		request: (params) => expect(params).toEqual({ CONFIG_ID: sipId, TITLE: 'Renamed PBX' }),
		output: (items) => expect(one(items)).toEqual({ configId: sipId, updated: true }),
	},
	'sipLine.delete': {
		parameters: async (portal) => ({ sipConfigId: (sipId = await newSipLine(portal)) }),
		request: (params) => expect(params).toEqual({ CONFIG_ID: sipId }),
		output: (items) => expect(one(items)).toEqual({ configId: sipId, deleted: true }),
	},
	'sipLine.getStatus': {
		parameters: { REG_ID: '7' },
		request: (params) => expect(params).toEqual({ REG_ID: '7' }),
		// voximplant-sip-status.md: the registration's state
		output: (items) => expect(one(items)).toEqual(expect.objectContaining({ REG_ID: expect.any(Number), STATUS_CODE: expect.any(Number), STATUS_RESULT: expect.any(String) })),
	},
	'sipLine.getConnectorStatus': {
		request: (params) => expect(params).toEqual({}),
		output: (items) => expect(one(items)).toEqual({ FREE_MINUTES: expect.any(Number), PAID: expect.any(Boolean) }),
	},
	'sipLine.setOutgoing': {
		parameters: async (portal) => ({ sipConfigId: (sipId = await newSipLine(portal)) }),
		request: (params) => expect(params).toEqual({ CONFIG_ID: sipId }),
		output: (items) => expect(one(items)).toEqual({ configId: sipId, success: true }),
	},
};

let templateId = 0;
async function newTemplate(portal: Portal, TITLE = 'Weekly status'): Promise<number> {
	const [out] = await portal.json({ resource: 'taskTemplate', operation: 'create', TITLE, RESPONSIBLE_ID: '1', CREATED_BY: '1' });
	return (templateId = Number(out.id));
}
let itemId = 0;
async function newItem(portal: Portal, TITLE = 'Collect numbers'): Promise<number> {
	const [out] = await portal.json({ resource: 'taskTemplateChecklist', operation: 'create', templateId: await newTemplate(portal), TITLE, PARENT_ID: 0 });
	return (itemId = Number(out.id));
}
const itemParams = async (portal: Portal) => {
	const checkListItemId = String(await newItem(portal));
	return { templateId, checkListItemId };
};
const sentItem = (params: IDataObject) => expect(params).toEqual(expect.objectContaining({ templateId, checkListItemId: String(itemId) }));
// the documented checklist item (tasks-template-checklist-get.md & co.)
const anItem = (items: IDataObject[]) => expect(one(items)).toEqual(expect.objectContaining({ id: expect.any(Number), title: expect.any(String), isComplete: expect.any(Boolean), sortIndex: expect.any(Number) }));
let flowId = '';
async function newFlow(portal: Portal, name = `Flow ${portal.emu.log.length}`): Promise<string> {
	const [out] = await portal.json({ resource: 'taskFlow', operation: 'create', name, plannedCompletionTime: 7200, distributionType: 'queue', responsibleList: '[["user", "1"]]' });
	return (flowId = String(out.id));
}
let fieldId = '';
async function newField(portal: Portal, FIELD_NAME = 'BUDGET'): Promise<string> {
	const [out] = await portal.json({ resource: 'taskUserField', operation: 'create', USER_TYPE_ID: 'double', FIELD_NAME });
	return (fieldId = String(out.id));
}

export const taskExtraCases: Cases = {
	'taskTemplate.create': {
		parameters: { TITLE: 'Weekly status', RESPONSIBLE_ID: '5', CREATED_BY: '1', additionalFields: { PRIORITY: 2, DEADLINE_AFTER: 86400, TASK_CONTROL: true } },
		request: (params) => expect(params).toEqual({ fields: { TITLE: 'Weekly status', RESPONSIBLE_ID: '5', CREATED_BY: '1', PRIORITY: 2, DEADLINE_AFTER: 86400, TASK_CONTROL: 'Y' } }),
		output: (items) => expect(one(items)).toEqual({ id: expect.any(Number) }),
	},
	'taskTemplate.get': {
		parameters: async (portal) => ({ templateId: await newTemplate(portal, 'Monthly report'), options: { select: 'ID, TITLE' } }),
		request: (params) => expect(params).toEqual({ templateId, params: { select: ['ID', 'TITLE'] } }),
		output: (items) => expect(one(items)).toEqual(expect.objectContaining({ ID: String(templateId), TITLE: 'Monthly report', RESPONSIBLE_ID: '1' })),
	},
	'taskTemplate.update': {
		parameters: async (portal) => ({ templateId: await newTemplate(portal), updateFields: { TITLE: 'Weekly status v2' } }),
		request: (params) => expect(params).toEqual({ templateId, fields: { TITLE: 'Weekly status v2' } }),
		output: (items) => expect(one(items)).toEqual({ id: templateId, updated: true }),
	},
	'taskTemplate.delete': {
		parameters: async (portal) => ({ templateId: await newTemplate(portal) }),
		request: (params) => expect(params).toEqual({ templateId }),
		output: (items) => expect(one(items)).toEqual({ id: templateId, deleted: true }),
	},
	'taskTemplate.getFields': {
		request: (params) => expect(params).toEqual({}),
		output: (items) => expect(items).toContainEqual(expect.objectContaining({ field: 'TITLE', type: 'string', required: true })),
	},

	'taskTemplateChecklist.create': {
		parameters: async (portal) => ({ templateId: await newTemplate(portal), TITLE: 'Before the call', PARENT_ID: 0, additionalFields: { IS_IMPORTANT: true } }),
		request: (params) => expect(params).toEqual({ templateId, fields: { TITLE: 'Before the call', PARENT_ID: 0, IS_IMPORTANT: 'Y' } }),
		output: (items) => expect(one(items)).toEqual(expect.objectContaining({ id: expect.any(Number), title: 'Before the call', parentId: 0 })),
	},
	'taskTemplateChecklist.get': {
		parameters: itemParams,
		request: sentItem,
		output: (items) => expect(one(items)).toEqual(expect.objectContaining({ id: itemId, title: 'Collect numbers' })),
	},
	'taskTemplateChecklist.getMany': {
		parameters: async (portal) => {
			await newItem(portal, 'Listed item');
			return { templateId, options: { order: '{"SORT_INDEX": "ASC"}' } };
		},
		request: (params) => expect(params).toEqual({ templateId, order: { SORT_INDEX: 'ASC' } }),
		// tasks-template-checklist-list.md: items keyed by ID, one output item each
		output: (items) => expect(items).toContainEqual(expect.objectContaining({ title: 'Listed item' })),
	},
	'taskTemplateChecklist.update': {
		parameters: async (portal) => ({ ...(await itemParams(portal)), updateFields: { TITLE: 'Collect all numbers', IS_COMPLETE: false } }),
		request: (params) => expect(params).toEqual({ templateId, checkListItemId: String(itemId), fields: { TITLE: 'Collect all numbers', IS_COMPLETE: 'N' } }),
		output: (items) => expect(one(items)).toEqual(expect.objectContaining({ id: itemId, title: 'Collect all numbers' })),
	},
	'taskTemplateChecklist.delete': {
		parameters: itemParams,
		request: sentItem,
		output: (items) => expect(one(items)).toEqual({ id: String(itemId), deleted: true }),
	},
	'taskTemplateChecklist.complete': { parameters: itemParams, request: sentItem, output: anItem },
	'taskTemplateChecklist.renew': { parameters: itemParams, request: sentItem, output: anItem },
	'taskTemplateChecklist.moveAfter': {
		parameters: async (portal) => ({ ...(await itemParams(portal)), afterItemId: '1' }),
		request: (params) => expect(params).toEqual({ templateId, checkListItemId: String(itemId), afterItemId: '1' }),
		output: anItem,
	},
	'taskTemplateChecklist.moveBefore': {
		parameters: async (portal) => ({ ...(await itemParams(portal)), beforeItemId: '1' }),
		request: (params) => expect(params).toEqual({ templateId, checkListItemId: String(itemId), beforeItemId: '1' }),
		output: anItem,
	},
	'taskTemplateChecklist.attachFromDrive': {
		parameters: async (portal) => ({ ...(await itemParams(portal)), filesIds: 'n5065, n5067' }),
		request: (params) => expect(params).toEqual({ templateId, checkListItemId: String(itemId), filesIds: ['n5065', 'n5067'] }),
		output: anItem,
	},
	'taskTemplateChecklist.attachFile': {
		parameters: async (portal) => ({ ...(await itemParams(portal)), binaryPropertyName: 'data' }),
		binary: [bptFile()],
		request: (params) => expect(params).toEqual({ templateId, checkListItemId: String(itemId), attachmentParameters: { NAME: 'approval.bpt', CONTENT: bpt.toString('base64') } }),
		output: anItem,
	},
	'taskTemplateChecklist.removeAttachments': {
		parameters: async (portal) => ({ ...(await itemParams(portal)), attachmentsIds: '12' }),
		request: (params) => expect(params).toEqual({ templateId, checkListItemId: String(itemId), attachmentsIds: ['12'] }),
		output: anItem,
	},

	'taskFlow.create': {
		parameters: { name: 'Support requests', plannedCompletionTime: 7200, distributionType: 'queue', responsibleList: '[["user", "3"]]', additionalFields: { groupId: 5, matchWorkTime: 0 } },
		request: (params) =>
			expect(params).toEqual({ flowData: { name: 'Support requests', plannedCompletionTime: 7200, distributionType: 'queue', responsibleList: [['user', '3']], groupId: 5, matchWorkTime: 0 } }),
		// tasks-flow-flow-create.md: the new flow
		output: (items) => expect(one(items)).toEqual(expect.objectContaining({ id: expect.any(Number), name: 'Support requests', distributionType: 'queue', plannedCompletionTime: 7200 })),
	},
	'taskFlow.get': {
		parameters: async (portal) => ({ flowId: await newFlow(portal, 'Fetched flow') }),
		request: (params) => expect(params).toEqual({ flowId }),
		output: (items) => expect(one(items)).toEqual(expect.objectContaining({ id: Number(flowId), name: 'Fetched flow', distributionType: 'queue' })),
	},
	'taskFlow.update': {
		parameters: async (portal) => ({ id: await newFlow(portal), updateFields: { name: 'Renamed flow', plannedCompletionTime: 3600 } }),
		request: (params) => expect(params).toEqual({ flowData: { id: flowId, name: 'Renamed flow', plannedCompletionTime: 3600 } }),
		output: (items) => expect(one(items)).toEqual(expect.objectContaining({ id: Number(flowId), name: 'Renamed flow', plannedCompletionTime: 3600 })),
	},
	'taskFlow.delete': {
		parameters: async (portal) => ({ id: await newFlow(portal) }),
		request: (params) => expect(params).toEqual({ flowData: { id: flowId } }),
		output: (items) => expect(one(items)).toEqual({ id: flowId, deleted: true }),
	},
	'taskFlow.activate': {
		parameters: async (portal) => ({ flowId: await newFlow(portal) }),
		request: (params) => expect(params).toEqual({ flowId }),
		output: (items) => expect(one(items)).toEqual({ id: flowId, success: true }),
	},
	'taskFlow.pin': {
		parameters: async (portal) => ({ flowId: await newFlow(portal) }),
		request: (params) => expect(params).toEqual({ flowId }),
		output: (items) => expect(one(items)).toEqual({ id: flowId, success: true }),
	},
	'taskFlow.nameExists': {
		parameters: { name: 'Support requests', options: { id: 7 } },
		request: (params) => expect(params).toEqual({ flowData: { name: 'Support requests', id: 7 } }),
		// tasks-flow-flow-is-exists.md: {exists}
		output: (items) => expect(one(items)).toEqual({ exists: expect.any(Boolean) }),
	},

	'taskDependency.create': {
		parameters: async (portal) => ({ taskIdFrom: await newTask(portal), taskIdTo: await newTask(portal), linkType: 2 }),
		request: (params) => expect(params).toEqual({ taskIdFrom: expect.stringMatching(/^\d+$/), taskIdTo: expect.stringMatching(/^\d+$/), linkType: 2 }),
		output: (items) => expect(one(items)).toEqual({ taskIdFrom: expect.stringMatching(/^\d+$/), taskIdTo: expect.stringMatching(/^\d+$/), created: true }),
	},
	'taskDependency.delete': {
		parameters: async (portal) => {
			const link = { taskIdFrom: await newTask(portal), taskIdTo: await newTask(portal) };
			await portal.json({ resource: 'taskDependency', operation: 'create', ...link, linkType: 0 });
			return link;
		},
		request: (params) => expect(params).toEqual({ taskIdFrom: expect.stringMatching(/^\d+$/), taskIdTo: expect.stringMatching(/^\d+$/) }),
		output: (items) => expect(one(items)).toEqual({ taskIdFrom: expect.stringMatching(/^\d+$/), taskIdTo: expect.stringMatching(/^\d+$/), deleted: true }),
	},

	'taskUserField.create': {
		parameters: { USER_TYPE_ID: 'string', FIELD_NAME: 'CLIENT_CODE', additionalFields: { LABEL: 'Client code', MANDATORY: true } },
		request: (params) => expect(params).toEqual({ PARAMS: { USER_TYPE_ID: 'string', FIELD_NAME: 'CLIENT_CODE', LABEL: 'Client code', MANDATORY: 'Y' } }),
		output: (items) => expect(one(items)).toEqual({ id: expect.any(Number) }),
	},
	'taskUserField.get': {
		parameters: async (portal) => ({ ID: await newField(portal, 'FETCHED') }),
		request: (params) => expect(params).toEqual({ ID: fieldId }),
		output: (items) => expect(one(items)).toEqual(expect.objectContaining({ ID: fieldId, FIELD_NAME: 'FETCHED', USER_TYPE_ID: 'double' })),
	},
	'taskUserField.getMany': {
		parameters: async (portal) => {
			await newField(portal, 'LISTED');
			return { returnAll: true, listOptions: { filter: '{"FIELD_NAME": "LISTED"}' } };
		},
		request: (params) => expect(params).toEqual({ FILTER: { FIELD_NAME: 'LISTED' }, start: 0 }),
		output: (items) => expect(one(items)).toEqual(expect.objectContaining({ FIELD_NAME: 'LISTED', USER_TYPE_ID: 'double' })),
	},
	'taskUserField.update': {
		parameters: async (portal) => ({ ID: await newField(portal), updateFields: { LABEL: 'Budget, USD', SORT: 200 } }),
		request: (params) => expect(params).toEqual({ ID: fieldId, DATA: { LABEL: 'Budget, USD', SORT: 200 } }),
		output: (items) => expect(one(items)).toEqual({ id: fieldId, updated: true }),
	},
	'taskUserField.delete': {
		parameters: async (portal) => ({ ID: await newField(portal) }),
		request: (params) => expect(params).toEqual({ ID: fieldId }),
		output: (items) => expect(one(items)).toEqual({ id: fieldId, deleted: true }),
	},
	'taskUserField.getFields': {
		request: (params) => expect(params).toEqual({}),
		output: (items) => expect(items).toContainEqual(expect.objectContaining({ field: 'FIELD_NAME', type: 'string' })),
	},
	'taskUserField.getTypes': {
		request: (params) => expect(params).toEqual({}),
		// task-item-user-field-get-types.md: {ID, title} per type
		output: (items) => expect(items).toEqual(expect.arrayContaining([{ ID: 'string', title: 'String' }, { ID: 'double', title: 'Number' }, { ID: 'boolean', title: 'Yes/No' }])),
	},
	'taskPlan.getMany': {
		parameters: (portal) => {
			seededRows(portal, 'task.planner', [{ ID: 31 }, { ID: 32 }]);
			return {};
		},
		request: (params) => expect(params).toEqual({}),
		output: (items) => expect(items).toEqual([{ taskId: 31 }, { taskId: 32 }]),
	},
};

const GROUP = 143;
// a group has one backlog (tasks-api-scrum-backlog-add.md): each backlog gets its own group
let backlogGroup = 900;
let scrumId = '';
async function newScrum(portal: Portal, resource: 'scrumBacklog' | 'scrumEpic' | 'scrumSprint', name = 'Sprint 1'): Promise<string> {
	const inputs = resource === 'scrumBacklog' ? { groupId: ++backlogGroup, createdBy: 1 } : { groupId: GROUP, name };
	const [out] = await portal.json({ resource, operation: 'create', ...inputs });
	return (scrumId = String(out.id));
}
let stageId = '';
async function newStage(portal: Portal, name = 'Review'): Promise<string> {
	const sprintId = await newScrum(portal, 'scrumSprint');
	const [out] = await portal.json({ resource: 'scrumStage', operation: 'create', sprintId, name });
	return (stageId = String(out.id));
}
const sprintRecord = (extra: IDataObject = {}) => expect.objectContaining({ id: Number(scrumId), groupId: GROUP, entityType: 'sprint', status: expect.any(String), ...extra });
const fieldsNamed = (...names: string[]) => (items: IDataObject[]) => expect(items.map((item) => item.field)).toEqual(expect.arrayContaining(names));

export const scrumCases: Cases = {
	'scrumBacklog.create': {
		parameters: { groupId: GROUP, createdBy: 1, additionalFields: { modifiedBy: 1 } },
		request: (params) => expect(params).toEqual({ fields: { groupId: GROUP, createdBy: 1, modifiedBy: 1 } }),
		output: (items) => expect(one(items)).toEqual({ id: expect.any(Number), groupId: GROUP, createdBy: 1, modifiedBy: 1 }),
	},
	// get's `id` is the group's ID; the backlog's own ID differs and comes back as `id`
	'scrumBacklog.get': {
		parameters: async (portal) => {
			await newScrum(portal, 'scrumBacklog');
			expect(Number(scrumId)).not.toBe(backlogGroup);
			return { groupId: backlogGroup };
		},
		request: (params) => expect(params).toEqual({ id: backlogGroup }),
		output: (items) => expect(one(items)).toEqual({ id: Number(scrumId), groupId: backlogGroup, createdBy: 1, modifiedBy: 0 }),
	},
	'scrumBacklog.update': {
		parameters: async (portal) => ({ id: await newScrum(portal, 'scrumBacklog'), updateFields: { modifiedBy: 7 } }),
		request: (params) => expect(params).toEqual({ id: scrumId, fields: { modifiedBy: 7 } }),
		output: (items) => expect(one(items)).toEqual({ id: Number(scrumId), groupId: backlogGroup, createdBy: 1, modifiedBy: 7 }),
	},
	'scrumBacklog.delete': {
		parameters: async (portal) => ({ id: await newScrum(portal, 'scrumBacklog') }),
		request: (params) => expect(params).toEqual({ id: scrumId }),
		output: (items) => expect(one(items)).toEqual({ id: scrumId, deleted: true }),
	},
	'scrumBacklog.getFields': { request: (params) => expect(params).toEqual({}), output: fieldsNamed('groupId', 'createdBy', 'modifiedBy') },

	'scrumEpic.create': {
		parameters: { name: 'Checkout', groupId: GROUP, additionalFields: { color: '#69dafc', files: 'n5065' } },
		request: (params) => expect(params).toEqual({ fields: { name: 'Checkout', groupId: GROUP, color: '#69dafc', files: ['n5065'] } }),
		output: (items) => expect(one(items)).toEqual(expect.objectContaining({ id: expect.any(Number), name: 'Checkout', groupId: GROUP, color: '#69dafc' })),
	},
	'scrumEpic.get': {
		parameters: async (portal) => ({ id: await newScrum(portal, 'scrumEpic', 'Search') }),
		request: (params) => expect(params).toEqual({ id: scrumId }),
		output: (items) => expect(one(items)).toEqual(expect.objectContaining({ id: Number(scrumId), name: 'Search', groupId: GROUP })),
	},
	'scrumEpic.getMany': {
		parameters: async (portal) => {
			await newScrum(portal, 'scrumEpic', 'Listed epic');
			return { returnAll: true, listOptions: { filter: '{"name": "Listed epic"}' } };
		},
		request: (params) => expect(params).toEqual({ filter: { name: 'Listed epic' }, start: 0 }),
		output: (items) => expect(one(items)).toEqual(expect.objectContaining({ id: expect.any(Number), name: 'Listed epic', groupId: GROUP })),
	},
	'scrumEpic.update': {
		parameters: async (portal) => ({ id: await newScrum(portal, 'scrumEpic', 'Draft'), name: 'Payments', groupId: GROUP, updateFields: { description: 'All payment work' } }),
		request: (params) => expect(params).toEqual({ id: scrumId, fields: { name: 'Payments', groupId: GROUP, description: 'All payment work' } }),
		output: (items) => expect(one(items)).toEqual(expect.objectContaining({ id: Number(scrumId), name: 'Payments', description: 'All payment work' })),
	},
	'scrumEpic.delete': {
		parameters: async (portal) => ({ id: await newScrum(portal, 'scrumEpic') }),
		request: (params) => expect(params).toEqual({ id: scrumId }),
		output: (items) => expect(one(items)).toEqual({ id: scrumId, deleted: true }),
	},
	'scrumEpic.getFields': { request: (params) => expect(params).toEqual({}), output: fieldsNamed('name', 'groupId', 'color', 'files') },

	'scrumSprint.create': {
		parameters: { groupId: GROUP, name: 'Sprint 7', additionalFields: { sort: 1, dateStart: '2025-03-03T09:00:00+00:00', dateEnd: '2025-03-17T09:00:00+00:00' } },
		request: (params) => expect(params).toEqual({ fields: { groupId: GROUP, name: 'Sprint 7', sort: 1, dateStart: '2025-03-03T09:00:00+00:00', dateEnd: '2025-03-17T09:00:00+00:00' } }),
		output: (items) => expect(one(items)).toEqual(expect.objectContaining({ id: expect.any(Number), name: 'Sprint 7', entityType: 'sprint', status: 'planned', dateEnd: '2025-03-17T09:00:00+00:00' })),
	},
	'scrumSprint.get': {
		parameters: async (portal) => ({ sprintId: await newScrum(portal, 'scrumSprint', 'Sprint 8') }),
		request: (params) => expect(params).toEqual({ sprintId: scrumId }),
		output: (items) => expect(one(items)).toEqual(sprintRecord({ name: 'Sprint 8' })),
	},
	'scrumSprint.getMany': {
		parameters: async (portal) => {
			await newScrum(portal, 'scrumSprint', 'Listed sprint');
			return { returnAll: true, listOptions: { filter: '{"name": "Listed sprint"}' } };
		},
		request: (params) => expect(params).toEqual({ filter: { name: 'Listed sprint' }, start: 0 }),
		output: (items) => expect(one(items)).toEqual(sprintRecord({ name: 'Listed sprint' })),
	},
	'scrumSprint.update': {
		parameters: async (portal) => ({ id: await newScrum(portal, 'scrumSprint'), updateFields: { name: 'Sprint 1b', status: 'planned' } }),
		request: (params) => expect(params).toEqual({ id: scrumId, fields: { name: 'Sprint 1b', status: 'planned' } }),
		output: (items) => expect(one(items)).toEqual(sprintRecord({ name: 'Sprint 1b' })),
	},
	'scrumSprint.delete': {
		parameters: async (portal) => ({ id: await newScrum(portal, 'scrumSprint') }),
		request: (params) => expect(params).toEqual({ id: scrumId }),
		output: (items) => expect(one(items)).toEqual({ id: scrumId, deleted: true }),
	},
	'scrumSprint.getFields': { request: (params) => expect(params).toEqual({}), output: fieldsNamed('groupId', 'name', 'dateStart', 'dateEnd', 'status') },
	'scrumSprint.start': {
		parameters: async (portal) => ({ id: await newScrum(portal, 'scrumSprint') }),
		request: (params) => expect(params).toEqual({ id: scrumId }),
		output: (items) => expect(one(items)).toEqual(sprintRecord({ status: 'active' })),
	},
	'scrumSprint.complete': {
		parameters: async (portal) => ({ id: await newScrum(portal, 'scrumSprint') }),
		request: (params) => expect(params).toEqual({ id: scrumId }),
		output: (items) => expect(one(items)).toEqual(sprintRecord({ status: 'completed' })),
	},

	'scrumStage.create': {
		parameters: async (portal) => ({ sprintId: await newScrum(portal, 'scrumSprint'), name: 'Testing', additionalFields: { type: 'WORK', sort: 300 } }),
		request: (params) => expect(params).toEqual({ fields: { sprintId: scrumId, name: 'Testing', type: 'WORK', sort: 300 } }),
		output: (items) => expect(one(items)).toEqual({ id: expect.any(Number) }),
	},
	'scrumStage.getMany': {
		parameters: async (portal) => {
			await newStage(portal, 'Listed stage');
			return { sprintId: scrumId };
		},
		request: (params) => expect(params).toEqual({ sprintId: scrumId }),
		output: (items) => expect(one(items)).toEqual(expect.objectContaining({ id: stageId, name: 'Listed stage', sprintId: scrumId, type: expect.any(String) })),
	},
	'scrumStage.update': {
		parameters: async (portal) => ({ stageId: await newStage(portal), updateFields: { name: 'Code review', color: 'FF0000' } }),
		request: (params) => expect(params).toEqual({ stageId, fields: { name: 'Code review', color: 'FF0000' } }),
		output: (items) => expect(one(items)).toEqual({ id: stageId, updated: true }),
	},
	'scrumStage.delete': {
		parameters: async (portal) => ({ stageId: await newStage(portal) }),
		request: (params) => expect(params).toEqual({ stageId }),
		output: (items) => expect(one(items)).toEqual({ id: stageId, deleted: true }),
	},
	'scrumStage.addTask': {
		parameters: async (portal) => {
			const stage = await newStage(portal);
			return { sprintId: scrumId, taskId: await newTask(portal), stageId: stage };
		},
		request: (params) => expect(params).toEqual({ sprintId: scrumId, taskId: expect.stringMatching(/^\d+$/), stageId }),
		output: (items) => expect(one(items)).toEqual({ taskId: expect.stringMatching(/^\d+$/), stageId, success: true }),
	},
	'scrumStage.removeTask': {
		parameters: async (portal) => ({ sprintId: await newScrum(portal, 'scrumSprint'), taskId: await newTask(portal) }),
		request: (params) => expect(params).toEqual({ sprintId: scrumId, taskId: expect.stringMatching(/^\d+$/) }),
		output: (items) => expect(one(items)).toEqual({ taskId: expect.stringMatching(/^\d+$/), success: true }),
	},
	'scrumStage.getFields': { request: (params) => expect(params).toEqual({}), output: fieldsNamed('name', 'sort', 'type', 'sprintId', 'color') },

	'scrumTask.get': {
		parameters: async (portal) => {
			const id = await newTask(portal);
			await portal.json({ resource: 'scrumTask', operation: 'update', id, updateFields: { storyPoints: '5', epicId: 4 } });
			return { id };
		},
		request: (params) => expect(params).toEqual({ id: expect.stringMatching(/^\d+$/) }),
		output: (items) => expect(one(items)).toEqual(expect.objectContaining({ storyPoints: '5', epicId: 4, entityId: expect.any(Number) })),
	},
	'scrumTask.update': {
		parameters: async (portal) => ({ id: await newTask(portal), updateFields: { entityId: 2, storyPoints: '3' } }),
		request: (params) => expect(params).toEqual({ id: expect.stringMatching(/^\d+$/), fields: { entityId: 2, storyPoints: '3' } }),
		output: (items) => expect(one(items)).toEqual({ id: expect.stringMatching(/^\d+$/), updated: true }),
	},
	'scrumTask.getFields': { request: (params) => expect(params).toEqual({}), output: fieldsNamed('entityId', 'storyPoints', 'epicId', 'sort') },
};
