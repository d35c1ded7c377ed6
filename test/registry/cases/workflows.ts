import { seededRows } from './seed';
import type { Cases } from './types';

export const workflowsCases: Cases = {
	'workflow.start': {
		parameters: { TEMPLATE_ID: 12, documentType: 'deal', documentId: '5', options: { PARAMETERS: '{"resp_employee": "user_1"}' } },
		request: (params) => expect(params).toEqual({ TEMPLATE_ID: 12, DOCUMENT_ID: ['crm', 'CCrmDocumentDeal', 'DEAL_5'], PARAMETERS: { resp_employee: 'user_1' } }),
		output: (items) => {
			expect(items).toEqual([{ id: expect.anything(), templateId: 12, documentId: ['crm', 'CCrmDocumentDeal', 'DEAL_5'] }]);
			// documented: the started workflow's ID, a string like "66e81a641752f8.56521481"
			expect(items[0].id).toEqual(expect.stringMatching(/^[0-9a-f]+\.\d+$/));
		},
	},
	'workflow.getMany': {
		parameters: (portal) => {
			// bizproc-workflow-instances.md rows: ID, MODULE_ID, ENTITY, DOCUMENT_ID, TEMPLATE_ID, STARTED, STARTED_BY
			seededRows(portal, 'bizproc.workflow', [
				{ ID: 1, WF_ID: '66e81a641752f8.56521481', MODULE_ID: 'crm', ENTITY: 'CCrmDocumentDeal', DOCUMENT_ID: 'DEAL_5', TEMPLATE_ID: '12', STARTED: '2024-09-16T17:37:56+03:00', STARTED_BY: '1' },
				{ ID: 2, WF_ID: '66e81a641752f9.11111111', MODULE_ID: 'disk', ENTITY: 'Bitrix\\Disk\\BizProcDocument', DOCUMENT_ID: '7', TEMPLATE_ID: '3', STARTED: '2024-09-16T17:38:00+03:00', STARTED_BY: '1' },
			]);
			return { limit: 5, listOptions: { filter: '{"MODULE_ID": "crm"}', sort: '{"STARTED": "DESC"}', select: 'ID, DOCUMENT_ID, TEMPLATE_ID' } };
		},
		request: (params) => expect(params).toEqual({ FILTER: { MODULE_ID: 'crm' }, ORDER: { STARTED: 'DESC' }, SELECT: ['ID', 'DOCUMENT_ID', 'TEMPLATE_ID'], start: 0 }),
		// the crm row only; ID is the workflow's string id in the docs, the emulator's store keys rows by number
		output: (items) => expect(items).toEqual([expect.objectContaining({ ID: expect.anything(), MODULE_ID: 'crm', ENTITY: 'CCrmDocumentDeal', DOCUMENT_ID: 'DEAL_5', TEMPLATE_ID: '12', STARTED_BY: '1' })]),
	},
	'workflow.terminate': {
		parameters: { ID: '66e81a641752f8.56521481', options: { STATUS: 'Cancelled by n8n' } },
		request: (params) => expect(params).toEqual({ ID: '66e81a641752f8.56521481', STATUS: 'Cancelled by n8n' }),
		output: (items) => expect(items).toEqual([{ id: '66e81a641752f8.56521481', terminated: true }]),
	},
	'workflow.kill': {
		parameters: { ID: '66e81a641752f8.56521481' },
		request: (params) => expect(params).toEqual({ ID: '66e81a641752f8.56521481' }),
		output: (items) => expect(items).toEqual([{ id: '66e81a641752f8.56521481', deleted: true }]),
	},
	'workflowTemplate.getMany': {
		parameters: (portal) => {
			seededRows(portal, 'bizproc.workflow.template', [
				{ ID: 12, MODULE_ID: 'crm', NAME: 'Deal approval', USER_ID: '1', SYSTEM_CODE: '' },
				{ ID: 13, MODULE_ID: 'disk', NAME: 'File approval', USER_ID: '1', SYSTEM_CODE: '' },
			]);
			return { returnAll: true, listOptions: { filter: '{"MODULE_ID": "crm"}', select: 'ID, NAME' } };
		},
		request: (params) => expect(params).toEqual({ FILTER: { MODULE_ID: 'crm' }, SELECT: ['ID', 'NAME'], start: 0 }),
		// bizproc-workflow-template-list.md rows: ID, NAME, USER_ID, SYSTEM_CODE; only the crm template matches
		output: (items) => expect(items).toEqual([expect.objectContaining({ ID: '12', NAME: 'Deal approval' })]),
	},
	'workflowTemplate.delete': {
		auth: 'oAuth2',
		// templates are added by applications with an uploaded .bpt file: put one in the portal directly
		parameters: (portal) => ({ ID: String(portal.emu.store.insert('generic:bizproc.workflow.template', { NAME: 'App template', USER_ID: 1 }).ID) }),
		request: (params) => expect(params).toEqual({ ID: expect.stringMatching(/^\d+$/) }),
		output: (items) => expect(items).toEqual([{ id: expect.stringMatching(/^\d+$/), deleted: true }]),
	},
	'workflowTask.getMany': {
		parameters: (portal) => {
			seededRows(portal, 'bizproc.task', [
				{ ID: 1477, WORKFLOW_ID: '66e81a641752f8.56521481', NAME: 'Approve the deal', DOCUMENT_NAME: 'Deal 5', USER_ID: '1', STATUS: '0', USER_STATUS: '0', MODULE_ID: 'crm', ENTITY: 'CCrmDocumentDeal', DOCUMENT_ID: '5' },
				{ ID: 1478, WORKFLOW_ID: '66e81a641752f8.56521481', NAME: 'Approve the deal', DOCUMENT_NAME: 'Deal 5', USER_ID: '2', STATUS: '0', USER_STATUS: '0', MODULE_ID: 'crm', ENTITY: 'CCrmDocumentDeal', DOCUMENT_ID: '5' },
				{ ID: 1479, WORKFLOW_ID: '66e81a641752f8.56521481', NAME: 'Sign the contract', DOCUMENT_NAME: 'Deal 5', USER_ID: '1', STATUS: '1', USER_STATUS: '1', MODULE_ID: 'crm', ENTITY: 'CCrmDocumentDeal', DOCUMENT_ID: '5' },
			]);
			return { returnAll: true, listOptions: { filter: '{"USER_ID": 1, "STATUS": 0}' } };
		},
		request: (params) => expect(params).toEqual({ FILTER: { USER_ID: 1, STATUS: 0 }, START: 0 }),
		// bizproc-task-list.md: user 1's unfinished task only
		output: (items) =>
			expect(items).toEqual([
				expect.objectContaining({ ID: '1477', WORKFLOW_ID: '66e81a641752f8.56521481', NAME: 'Approve the deal', DOCUMENT_NAME: 'Deal 5', USER_ID: '1', STATUS: '0', MODULE_ID: 'crm', ENTITY: 'CCrmDocumentDeal', DOCUMENT_ID: '5' }),
			]),
	},
	'workflowTask.complete': {
		parameters: { TASK_ID: 1477, STATUS: 'ok', options: { COMMENT: 'Done', FIELDS: '{"contractor": "ACME"}' } },
		request: (params) => expect(params).toEqual({ TASK_ID: 1477, STATUS: 'ok', COMMENT: 'Done', FIELDS: { contractor: 'ACME' } }),
		output: (items) => expect(items).toEqual([{ taskId: 1477, completed: true }]),
	},
	'workflowTask.delegate': {
		parameters: { TASK_IDS: '1477, 1478', FROM_USER_ID: 1, TO_USER_ID: 2 },
		request: (params) => expect(params).toEqual({ TASK_IDS: ['1477', '1478'], FROM_USER_ID: 1, TO_USER_ID: 2 }),
		output: (items) => expect(items).toEqual([{ taskIds: ['1477', '1478'], delegated: true }]),
	},
};
