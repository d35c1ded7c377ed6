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
		parameters: { limit: 5, listOptions: { filter: '{"MODULE_ID": "crm"}', sort: '{"STARTED": "DESC"}', select: 'ID, DOCUMENT_ID, TEMPLATE_ID' } },
		request: (params) => expect(params).toEqual({ FILTER: { MODULE_ID: 'crm' }, ORDER: { STARTED: 'DESC' }, SELECT: ['ID', 'DOCUMENT_ID', 'TEMPLATE_ID'], start: 0 }),
		output: (items) => expect(Array.isArray(items)).toBe(true),
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
		parameters: { returnAll: true, listOptions: { filter: '{"MODULE_ID": "crm"}', select: 'ID, NAME' } },
		request: (params) => expect(params).toEqual({ FILTER: { MODULE_ID: 'crm' }, SELECT: ['ID', 'NAME'], start: 0 }),
		output: (items) => expect(Array.isArray(items)).toBe(true),
	},
	'workflowTemplate.delete': {
		auth: 'oAuth2',
		// templates are added by applications with an uploaded .bpt file: put one in the portal directly
		parameters: (portal) => ({ ID: String(portal.emu.store.insert('generic:bizproc.workflow.template', { NAME: 'App template', USER_ID: 1 }).ID) }),
		request: (params) => expect(params).toEqual({ ID: expect.stringMatching(/^\d+$/) }),
		output: (items) => expect(items).toEqual([{ id: expect.stringMatching(/^\d+$/), deleted: true }]),
	},
	'workflowTask.getMany': {
		parameters: { returnAll: true, listOptions: { filter: '{"USER_ID": 1, "STATUS": 0}' } },
		request: (params) => expect(params).toEqual({ FILTER: { USER_ID: 1, STATUS: 0 }, START: 0 }),
		output: (items) => expect(Array.isArray(items)).toBe(true),
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
