import { startEmulator, Emulator } from './index';
import { parseQuery } from './encoding';
import { form, get, hook, post } from './helpers';

describe('PHP-style decoding', () => {
	test('brackets, lists, repeated keys', () => {
		expect(parseQuery('fields[PHONE][0][VALUE]=%2B1&fields[PHONE][0][VALUE_TYPE]=WORK&select[]=ID&select[]=TITLE')).toEqual({
			fields: { PHONE: [{ VALUE: '+1', VALUE_TYPE: 'WORK' }] },
			select: ['ID', 'TITLE'],
		});
		expect(parseQuery('0=5&1[POST_MESSAGE]=x')).toEqual(['5', { POST_MESSAGE: 'x' }]);
		expect(parseQuery('a=1&a=2')).toEqual({ a: '2' });
		expect(parseQuery('filter[>ID]=10&order[ID]=ASC')).toEqual({ filter: { '>ID': '10' }, order: { ID: 'ASC' } });
	});
});

describe('encodings over HTTP', () => {
	let em: Emulator;
	beforeAll(async () => {
		em = await startEmulator({ limits: false });
	});
	afterAll(() => em.stop());

	test('form-encoded add with multifields and select[] in a query string', async () => {
		const body = 'fields[NAME]=Ann&fields[PHONE][0][VALUE]=%2B15550001&fields[PHONE][0][VALUE_TYPE]=WORK&fields[EMAIL][0][VALUE]=a%26b@example.com';
		const r = await form(em.webhookUrl + 'crm.contact.add', body);
		expect(r.status).toBe(200);
		const id = r.body.result;
		const c = await get(`${em.webhookUrl}crm.contact.get?id=${id}`);
		expect(c.body.result.PHONE[0]).toEqual(expect.objectContaining({ VALUE: '+15550001', VALUE_TYPE: 'WORK', TYPE_ID: 'PHONE' }));
		expect(c.body.result.EMAIL[0].VALUE).toBe('a&b@example.com');
		expect(em.calls('crm.contact.add').at(-1)?.encoding).toBe('form');
		expect(em.calls('crm.contact.get').at(-1)?.encoding).toBe('query');
		const l = await get(`${em.webhookUrl}crm.contact.list?select[]=ID&select[]=NAME&filter[ID]=${id}`);
		expect(l.body.result).toEqual([{ ID: String(id), NAME: 'Ann' }]);
	});

	test('method names are case-insensitive and take an optional .json suffix', async () => {
		expect((await hook(em, 'CRM.Deal.List.json')).status).toBe(200);
		expect(em.calls('crm.deal.list').length).toBeGreaterThan(0);
	});

	test('top-level CRM parameter names are case-insensitive', async () => {
		const r = await hook(em, 'crm.deal.add', { FIELDS: { TITLE: 'Upper' } });
		expect(r.status).toBe(200);
		const g = await hook(em, 'crm.deal.get', { ID: r.body.result });
		expect(g.body.result.TITLE).toBe('Upper');
	});

	test('imopenlines.* read UPPER_CASE keys exactly: chat_id is not CHAT_ID', async () => {
		const r = await hook(em, 'imopenlines.operator.another.finish', { chat_id: 1 });
		expect(r.status).toBe(400);
		expect(r.body.error).toBe('CHAT_ID_EMPTY');
	});

	describe('positional task.*item.* methods', () => {
		let taskId: number;
		beforeAll(async () => {
			const t = await hook(em, 'tasks.task.add', { fields: { TITLE: 'T', RESPONSIBLE_ID: 1 } });
			taskId = Number(t.body.result.task.id);
		});

		test('a JSON array is accepted', async () => {
			const r = await hook(em, 'task.commentitem.add', [taskId, { POST_MESSAGE: 'hello' }]);
			expect(r.status).toBe(200);
			expect(typeof r.body.result).toBe('number');
		});

		test('numeric keys in a form body are accepted', async () => {
			const r = await form(em.webhookUrl + 'task.commentitem.add', `0=${taskId}&1[POST_MESSAGE]=second`);
			expect(r.status).toBe(200);
			const list = await hook(em, 'task.commentitem.getlist', [taskId]);
			expect(list.body.result.map((c: { POST_MESSAGE: string }) => c.POST_MESSAGE)).toEqual(['hello', 'second']);
		});

		test('named keys are rejected (the docs call them unpredictable)', async () => {
			const r = await hook(em, 'task.commentitem.add', { TASKID: taskId, FIELDS: { POST_MESSAGE: 'x' } });
			expect(r.status).toBe(400);
			expect(r.body.error).toBe('ERROR_CORE');
			expect(r.body.error_description).toMatch(/positional/);
		});

		test('a missing positional argument is rejected', async () => {
			const r = await hook(em, 'task.commentitem.add', [taskId]);
			expect(r.status).toBe(400);
			expect(r.body.error).toBe('ERROR_CORE');
			expect(r.body.error_description).toMatch(/FIELDS/);
		});

		test('checklist and elapsed items', async () => {
			const c = await hook(em, 'task.checklistitem.add', [taskId, { TITLE: 'step' }]);
			expect((await hook(em, 'task.checklistitem.complete', [taskId, c.body.result])).body.result).toBe(true);
			const cl = await hook(em, 'task.checklistitem.getlist', [taskId]);
			expect(cl.body.result[0].IS_COMPLETE).toBe('Y');
			const e = await hook(em, 'task.elapseditem.add', [taskId, { SECONDS: 600, COMMENT_TEXT: 'work' }]);
			expect(e.status).toBe(200);
			const el = await hook(em, 'task.elapseditem.getlist', [taskId]);
			expect(el.body.result[0].SECONDS).toBe('600');
		});
	});

	test('invalid JSON is a 400', async () => {
		const r = await fetch(em.webhookUrl + 'profile', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{bad' });
		expect(r.status).toBe(400);
	});

	test('POST with query-string params and an empty body', async () => {
		const r = await post(`${em.webhookUrl}crm.deal.list?start=-1`, {});
		expect(r.status).toBe(200);
		expect(r.body.total).toBe(0);
	});
});
