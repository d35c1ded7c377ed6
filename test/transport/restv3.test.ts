/**
 * REST 3.0 through the node's one request helper: /rest/api/ for every credential type, the JSON
 * body, the Idempotency-Key on writes (kept across the helper's own retries), {error: {code,
 * message, validation}} mapped into the usual errors, and `pagination` paging.
 */
import { signWithApiKey, signWithWebhookPath } from '../../credentials/signing';
import type { Auth, Portal } from '../helpers/portal';
import { useFakeClock } from '../helpers/clock';
import { measure, startPortal } from '../helpers/portal';

describe('signing /rest/api/ URLs', () => {
	const hook = { portal: 'https://acme.bitrix24.com', userId: '7', code: 'SECRETCODE' };
	test('the webhook goes after /rest/api/, once', () => {
		const once = signWithWebhookPath({ url: 'https://acme.bitrix24.com/rest/api/tasks.task.get' }, hook);
		expect(once.url).toBe('https://acme.bitrix24.com/rest/api/7/SECRETCODE/tasks.task.get');
		expect(signWithWebhookPath(once, hook).url).toBe(once.url);
		// the classic address is unchanged
		expect(signWithWebhookPath({ url: 'https://acme.bitrix24.com/rest/tasks.task.get' }, hook).url).toBe('https://acme.bitrix24.com/rest/7/SECRETCODE/tasks.task.get');
	});
	test('an API key in the webhook path does the same; in a header the address stays /rest/api/', () => {
		const base = { portalUrl: 'https://acme.bitrix24.com', userId: '7', apiKey: 'KEY123' };
		expect(signWithApiKey({ url: 'https://acme.bitrix24.com/rest/api/main.eventlog.list' }, { ...base, sendKeyAs: 'webhookPath' }).url).toBe('https://acme.bitrix24.com/rest/api/7/KEY123/main.eventlog.list');
		const header = signWithApiKey({ url: 'https://acme.bitrix24.com/rest/api/main.eventlog.list' }, { ...base, sendKeyAs: 'header', headerName: 'X-Key' });
		expect({ url: header.url, headers: header.headers }).toEqual({ url: 'https://acme.bitrix24.com/rest/api/main.eventlog.list', headers: { 'X-Key': 'KEY123' } });
	});
	test('an API key as a Query Parameter is refused on /rest/api/ (REST 3.0 reads no query string), kept on the classic address', () => {
		const base = { portalUrl: 'https://acme.bitrix24.com', userId: '7', apiKey: 'KEY123', sendKeyAs: 'queryParameter', parameterName: 'auth' };
		const classic = signWithApiKey({ url: 'https://acme.bitrix24.com/rest/tasks.task.get' }, base);
		expect(classic.qs).toEqual({ auth: 'KEY123' });
		for (const url of ['https://acme.bitrix24.com/rest/api/main.eventlog.list', 'api/tasks.task.list']) {
			let error: Error | undefined;
			try {
				signWithApiKey({ url }, base);
			} catch (e) {
				error = e as Error;
			}
			expect(error?.message).toMatch(/REST 3\.0.*query string.*"Webhook Path" or "HTTP Header"/);
			expect(error?.message).not.toContain('KEY123');
		}
	});
});

describe('REST 3.0 through the node', () => {
	let portal: Portal;
	beforeAll(async () => {
		portal = await startPortal({ limits: false });
	});
	afterAll(async () => await portal.stop());

	const AUTH: Record<Auth, { auth: string; authVia: string }> = {
		webhook: { auth: 'webhook', authVia: 'path' },
		apiKey: { auth: 'webhook', authVia: 'path' },
		oAuth2: { auth: 'oauth', authVia: expect.stringMatching(/^(bearer|param)$/) as unknown as string },
	};

	test.each(Object.keys(AUTH) as Auth[])('%s: an operation and Call Method reach /rest/api/', async (auth) => {
		const op = await measure(portal, () => portal.json({ resource: 'taskChatMessage', operation: 'send', task: { __rl: true, mode: 'id', value: '51' }, text: 'From n8n' }, { auth }));
		expect(op.output).toEqual([{ taskId: 51, sent: true }]);
		expect(op.http).toEqual([expect.objectContaining({ method: 'tasks.task.chat.message.send', api: 'v3', status: 200, params: { fields: { taskId: 51, text: 'From n8n' } }, ...AUTH[auth] })]);

		portal.emu.store.insert('generic:main.eventlog', { severity: 'SECURITY', auditTypeId: 'USER_AUTHORIZE', description: `via ${auth}` });
		// a REST 3.0-only method: Call Method's Auto picks /rest/api/ from the method index
		const call = await measure(portal, () =>
			portal.json({ resource: 'system', operation: 'callMethod', methodName: { __rl: true, mode: 'name', value: 'main.eventlog.list' }, parameters: JSON.stringify({ filter: [['severity', '=', 'SECURITY']] }) }, { auth }),
		);
		expect(call.http).toEqual([expect.objectContaining({ method: 'main.eventlog.list', api: 'v3', status: 200, ...AUTH[auth] })]);
		expect(call.output).toEqual([expect.objectContaining({ items: expect.arrayContaining([expect.objectContaining({ description: `via ${auth}` })]) })]);
	});

	test('Call Method: a method with both versions stays classic unless API is REST 3.0 or the name says api/', async () => {
		const [task] = await portal.json({ resource: 'task', operation: 'create', TITLE: 'Both versions', RESPONSIBLE_ID: 1 });
		const classic = await measure(portal, () => portal.json({ resource: 'system', operation: 'callMethod', methodName: { __rl: true, mode: 'name', value: 'tasks.task.get' }, parameters: JSON.stringify({ taskId: task.id }) }));
		expect(classic.http[0]).not.toHaveProperty('api');
		expect(classic.output).toEqual([{ task: expect.objectContaining({ title: 'Both versions' }) }]);
		for (const [value, options] of [['tasks.task.get', { api: 'v3' }], ['api/tasks.task.get', {}]] as const) {
			const v3 = await measure(portal, () => portal.json({ resource: 'system', operation: 'callMethod', methodName: { __rl: true, mode: 'name', value }, parameters: JSON.stringify({ id: Number(task.id) }), options }));
			expect(v3.http).toEqual([expect.objectContaining({ method: 'tasks.task.get', api: 'v3', params: { id: Number(task.id) } })]);
			expect(v3.output).toEqual([{ item: expect.objectContaining({ id: Number(task.id), title: 'Both versions' }) }]);
		}
	});

	test("REST 3.0's validation error names the method, the field and the item", async () => {
		const run = portal.json({ resource: 'system', operation: 'callMethod', methodName: { __rl: true, mode: 'name', value: 'main.eventlog.get' }, parameters: '{}' });
		await expect(run).rejects.toThrow(/main\.eventlog\.get/);
		await expect(portal.json({ resource: 'system', operation: 'callMethod', methodName: { __rl: true, mode: 'name', value: 'main.eventlog.get' }, parameters: '{}' }, { continueOnFail: true })).resolves.toEqual([
			expect.objectContaining({ error: expect.stringMatching(/id: Required field `id` is not specified/) }),
		]);
	});

	test('a create whose answer is lost is sent again with the same Idempotency-Key and replayed, not run twice', async () => {
		portal.emu.faults.inject({ method: 'tasks.task.result.add', kind: 'reset', commit: true, times: 1 });
		const before = portal.emu.store.all('generic:tasks.task.result').length;
		const out = await measure(portal, () => portal.json({ resource: 'taskResult', operation: 'create', task: { __rl: true, mode: 'id', value: '51' }, text: 'Exactly once' }));
		expect(out.http.map((e) => [e.method, e.status, e.replayed ?? false])).toEqual([
			['tasks.task.result.add', 0, false],
			['tasks.task.result.add', 200, true],
		]);
		expect(portal.emu.store.all('generic:tasks.task.result').length).toBe(before + 1);
		expect(out.output).toEqual([expect.objectContaining({ id: expect.any(Number), taskId: 51, text: 'Exactly once' })]);
	});

	test('a create whose answer is lost on every try is OUTCOME_UNKNOWN, not a network error to retry: a new run sends a new key', async () => {
		const clock = useFakeClock();
		try {
			portal.emu.faults.inject({ method: 'tasks.task.result.add', kind: 'reset', commit: true, times: 4 });
			const before = portal.emu.store.all('generic:tasks.task.result').length;
			const out = await measure(portal, () =>
				portal.json({ resource: 'taskResult', operation: 'create', task: { __rl: true, mode: 'id', value: '51' }, text: 'Lost four times' }, { continueOnFail: true }),
			);
			// the first try and three retries with the same key: one record, the answers lost
			expect(out.http.map((e) => [e.method, e.status])).toEqual(Array(4).fill(['tasks.task.result.add', 0]));
			expect(portal.emu.store.all('generic:tasks.task.result').length).toBe(before + 1);
			expect(out.output).toEqual([expect.objectContaining({ code: 'OUTCOME_UNKNOWN', error: expect.stringMatching(/^Bitrix24 tasks\.task\.result\.add: the connection broke after the request was sent/) })]);
			expect(clock.waits).toHaveLength(3);
		} finally {
			clock.restore();
		}
	});

	test('an API key set to Query Parameter is refused on a REST 3.0 operation before anything is sent, not retried as a network error', async () => {
		portal.credentials.set('apiKeyQuery', 'bitrix24ApiKeyApi', {
			portalUrl: portal.emu.url,
			userId: String(portal.emu.webhook.userId),
			apiKey: portal.emu.webhook.code,
			sendKeyAs: 'queryParameter',
			plan: 'none',
		});
		const out = await measure(portal, () =>
			portal.json({ resource: 'taskChatMessage', operation: 'send', task: { __rl: true, mode: 'id', value: '51' }, text: 'Never sent' }, { auth: 'apiKey', credentialId: 'apiKeyQuery', continueOnFail: true }),
		);
		expect(out.http).toEqual([]);
		expect(out.output).toEqual([
			expect.objectContaining({ code: 'KEY_PLACEMENT_UNSUPPORTED', error: expect.stringMatching(/^Bitrix24 tasks\.task\.chat\.message\.send: this operation uses Bitrix24 REST 3\.0/) }),
		]);
		expect(JSON.stringify(out.output)).not.toContain(portal.emu.webhook.code);
	});

	test('Knowledge Base Get Many follows nextCursor over several pages: every collection once', async () => {
		const before = portal.emu.store.all('generic:note.collection').length;
		for (let i = 0; i < 205; i++) portal.emu.store.insert('generic:note.collection', { name: `Base ${i}`, position: i + 1 });
		const out = await measure(portal, () => portal.json({ resource: 'knowledgeBase', operation: 'getMany', returnAll: true }));
		const ids = out.output.map((row) => row.id);
		expect(ids).toHaveLength(before + 205);
		expect(new Set(ids).size).toBe(ids.length);
		const pages = out.http.map((e) => (e.params as { pagination: { limit: number; afterCursor?: { id: number } } }).pagination);
		expect(pages).toHaveLength(2);
		expect(pages[0]).toEqual({ limit: 200 });
		expect(pages[1]).toEqual({ limit: 200, afterCursor: expect.objectContaining({ id: ids[199] }) });
	});

	test('Get Many pages with pagination {limit, offset} until a short page', async () => {
		for (let i = 0; i < 120; i++) portal.emu.store.insert('generic:main.eventlog', { severity: 'INFO', auditTypeId: 'PAGE', description: `row ${i}` });
		const out = await measure(portal, () => portal.json({ resource: 'eventLog', operation: 'getMany', returnAll: true, listOptions: { filter: '{"auditTypeId": "PAGE"}' } }));
		expect(out.output.map((row) => row.description)).toEqual(Array.from({ length: 120 }, (_, i) => `row ${i}`));
		expect(out.http.map((e) => (e.params as { pagination: unknown }).pagination)).toEqual([
			{ limit: 50, offset: 0 },
			{ limit: 50, offset: 50 },
			{ limit: 50, offset: 100 },
		]);
		const some = await measure(portal, () => portal.json({ resource: 'eventLog', operation: 'getMany', returnAll: false, limit: 7, listOptions: { filter: '{"auditTypeId": "PAGE"}' } }));
		expect(some.output).toHaveLength(7);
		expect(some.http.map((e) => (e.params as { pagination: unknown }).pagination)).toEqual([{ limit: 7, offset: 0 }]);
	});
});
