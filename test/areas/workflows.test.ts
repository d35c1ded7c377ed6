/** Workflows: start on a deal (DOCUMENT_ID built from the type), then stop it; tasks completed and delegated per item. */
import type { Portal } from '../helpers/portal';
import { startPortal } from '../helpers/portal';

let portal: Portal;

beforeAll(async () => {
	portal = await startPortal({ limits: false });
});
afterAll(async () => await portal.stop());

test('start on documents of several kinds in one batch; terminate', async () => {
	const out = await portal.json(
		{ resource: 'workflow', operation: 'start', TEMPLATE_ID: 7, documentType: '={{ $json.type }}', documentId: '={{ $json.id }}' },
		{ items: [{ type: 'deal', id: '15' }, { type: 'lead', id: 'LEAD_3' }, { type: 'dynamic', id: '147_1' }, { type: 'listElement', id: '99' }] },
	);
	expect(out.map((item) => item.documentId)).toEqual([
		['crm', 'CCrmDocumentDeal', 'DEAL_15'],
		['crm', 'CCrmDocumentLead', 'LEAD_3'],
		['crm', 'Bitrix\\Crm\\Integration\\BizProc\\Document\\Dynamic', 'DYNAMIC_147_1'],
		['lists', 'Bitrix\\Lists\\BizprocDocumentLists', '99'],
	]);
	// the new workflow's ID is a string such as 66e81a641752f8.56521481 (the emulator answers an empty one)
	for (const item of out) expect(item).toMatchObject({ id: expect.any(String), templateId: 7 });
	const starts = portal.emu.log.filter((e) => e.method === 'bizproc.workflow.start');
	expect(starts).toHaveLength(4);
	// four items, one batch call
	expect(starts.every((e) => e.parent !== undefined)).toBe(true);

	const ID = '66e81a641752f8.56521481';
	const [stopped] = await portal.json({ resource: 'workflow', operation: 'terminate', ID, options: { STATUS: 'Stopped from n8n' } });
	expect(stopped).toEqual({ id: ID, terminated: true });
	expect(portal.emu.log.filter((e) => e.method === 'bizproc.workflow.terminate').pop()!.params).toEqual({ ID, STATUS: 'Stopped from n8n' });
});

test('workflow task decisions go out as documented', async () => {
	await portal.json({ resource: 'workflowTask', operation: 'complete', TASK_ID: 31, STATUS: 'no', options: { COMMENT: 'Too expensive' } });
	expect(portal.emu.log.filter((e) => e.method === 'bizproc.task.complete').pop()!.params).toEqual({ TASK_ID: 31, STATUS: 'no', COMMENT: 'Too expensive' });
	await portal.json({ resource: 'workflowTask', operation: 'delegate', TASK_IDS: '31, 32', FROM_USER_ID: 1, TO_USER_ID: 2 });
	expect(portal.emu.log.filter((e) => e.method === 'bizproc.task.delegate').pop()!.params).toEqual({ TASK_IDS: ['31', '32'], FROM_USER_ID: 1, TO_USER_ID: 2 });
});
