// Every documented method (catalog/documented.json, from the documented method index) answers,
// judges its required parameters, and the call log names parameters the docs do not list.
import * as fs from 'fs';
import * as path from 'path';
import { startEmulator, Emulator } from './index';
import { post } from './helpers';
import { BATCH_MAX, NOT_IN_BATCH } from './batch';
import { buildQuery } from './encoding';
import { allHandlers } from './handlers';
import { resultShapes } from './handlers/generic';
import { argError, CatalogEntry, HAND_REQUIRED, INDEX_MISSED, isPositional, loadCatalog } from './catalog';

interface Documented {
	method: string;
	scope: string | string[];
	required: string[];
	optional: string[];
	auth?: string;
}

const dir = path.join(__dirname, 'catalog');
const documented = JSON.parse(fs.readFileSync(path.join(dir, 'documented.json'), 'utf8')) as Documented[];
const catalog = loadCatalog();
const handled = allHandlers();
const shapes = resultShapes();
const indexFile = path.join(__dirname, '..', '..', '..', 'shared', 'reference', 'bitrix24-methods-all.json');

/** A value of a plausible type for a parameter name (objects for field sets, numbers for ids). */
function value(name: string): unknown {
	if (/^(fields|filter|params|data|options|settings|order|select|rows|cmd|config|message|props|fieldsvalues)$/i.test(name)) return { TITLE: 'x' };
	// a folder copied into itself would copy forever
	if (name === 'targetFolderId') return 2;
	if (/(^|_)id$|Id$|^id|ID$/.test(name)) return 1;
	return 'x';
}

/** The call's parameters with every required group filled by its first variant; `skip` leaves one group out. */
function paramsFor(e: CatalogEntry, skip?: string): Record<string, unknown> | unknown[] {
	if (isPositional(e.method)) {
		const args = e.required.map((n) => value(n));
		return skip === undefined ? args : args.slice(0, e.required.indexOf(skip));
	}
	const out: Record<string, unknown> = {};
	for (const group of e.required) if (group !== skip) for (const name of group.split('|')[0].split('+')) out[name] = value(name);
	return out;
}

function norm(list: string[]): string {
	return list
		.map((g) => g.split('|').sort().join('|'))
		.sort()
		.join(',');
}

describe('the documented catalog', () => {
	test('holds every documented method, with its flags', () => {
		expect(documented.length).toBeGreaterThanOrEqual(1635);
		expect(documented.filter((d) => !catalog.has(d.method.toLowerCase())).map((d) => d.method)).toEqual([]);
		// the overlays add no method the docs lack
		expect([...catalog.keys()].filter((m) => !documented.some((d) => d.method.toLowerCase() === m))).toEqual([]);
		expect(catalog.get('crm.deal.list')).toMatchObject({ kind: 'getAll', scope: 'crm', paged: true, handChecked: true });
		expect(catalog.get('app.info')).toMatchObject({ auth: 'app' });
		expect([...catalog.values()].filter((e) => e.deprecated).length).toBeGreaterThan(200);
		expect(catalog.get('crm.lead.productrows.set')?.required).toEqual(['id', 'rows']);
	});

	test('documented.json is the current index (when ../shared/reference is present)', () => {
		if (!fs.existsSync(indexFile)) return;
		const index = JSON.parse(fs.readFileSync(indexFile, 'utf8')) as Documented[];
		const key = (d: Documented): string => `${d.method} ${norm(d.required)} ${[...d.optional].sort().join(',')} ${d.auth ?? ''}`;
		expect(documented.map(key).sort()).toEqual(index.map(key).sort());
	});

	test('overlay parameters the index lacks are the ones INDEX_MISSED names, with a reason', () => {
		const byName = new Map(documented.map((d) => [d.method.toLowerCase(), d]));
		const extra: Record<string, string[]> = {};
		for (const file of ['methods.json', 'methods-extra.json', 'methods-handled.json']) {
			for (const o of JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8')) as Documented[]) {
				const d = byName.get(o.method.toLowerCase());
				const known = new Set([...(d?.required ?? []), ...(d?.optional ?? [])].flatMap((g) => g.split(/[|+]/)));
				const names = [...(o.required ?? []), ...(o.optional ?? [])].flatMap((g) => g.split('|')).filter((n) => !known.has(n));
				if (names.length) extra[o.method.toLowerCase()] = [...new Set([...(extra[o.method.toLowerCase()] ?? []), ...names])].sort();
			}
		}
		const missed = Object.fromEntries(Object.entries(INDEX_MISSED).map(([m, { params }]) => [m, [...params].sort()]));
		expect(extra).toEqual(missed);
		for (const { why } of Object.values(INDEX_MISSED)) expect(why).toMatch(/\.md/);
		// the overlay's names are part of the method's documented parameters
		expect(catalog.get('event.offline.get')?.optional).toEqual(expect.arrayContaining(['clear', 'process_id', 'error']));
	});

	test('overlays keep their own required list only where HAND_REQUIRED says why', () => {
		const byName = new Map(documented.map((d) => [d.method.toLowerCase(), d]));
		const differs = [...catalog]
			.filter(([m, e]) => e.handChecked && norm(e.required) !== norm(byName.get(m)?.required ?? []))
			.map(([m]) => m)
			.sort();
		expect(differs).toEqual(Object.keys(HAND_REQUIRED).sort());
		// the docs settle it: a supervisor vote needs a rating or a comment
		expect(catalog.get('imopenlines.session.head.vote')?.required).toEqual(expect.arrayContaining(['SESSION_ID', expect.stringMatching(/^(RATING\|COMMENT|COMMENT\|RATING)$/)]));
	});
});

describe('every documented method through the emulator', () => {
	let em: Emulator;
	let token: string;
	// REST 3.0-only methods are unknown at the classic address: restv3.test.ts walks them at /rest/api/
	const entries = [...catalog.values()].filter((e) => e.method.toLowerCase() !== 'batch' && !e.restV3);

	beforeAll(async () => {
		em = await startEmulator({ limits: false });
		const scopes = new Set(documented.flatMap((d) => (Array.isArray(d.scope) ? d.scope : [d.scope])));
		token = em.issueTokens({ scope: [...scopes].join(',') }).access_token;
	});
	afterAll(() => em.stop());

	type Reply = { method: string; status: number; error?: string; result?: unknown };

	/**
	 * Calls every method in `batch` requests of 50 (app-only methods with the OAuth token, the rest
	 * with the webhook), the batches in parallel; methods a batch refuses go out on their own.
	 * A command's status is the one the emulator logged for it.
	 */
	async function callAll(list: Array<{ e: CatalogEntry; params: Record<string, unknown> | unknown[] }>): Promise<Reply[]> {
		const out = new Map<number, Reply>();
		const groups: Array<{ app: boolean; items: Array<[number, (typeof list)[number]]> }> = [];
		const single: Array<[number, (typeof list)[number]]> = [];
		list.forEach((item, i) => {
			if (NOT_IN_BATCH.has(item.e.method.toLowerCase())) {
				single.push([i, item]);
				return;
			}
			const app = item.e.auth === 'app';
			let g = groups.find((x) => x.app === app && x.items.length < BATCH_MAX);
			if (!g) groups.push((g = { app, items: [] }));
			g.items.push([i, item]);
		});
		const url = (app: boolean, method: string): string => (app ? `${em.url}/rest/${method}?auth=${token}` : em.webhookUrl + method);
		await Promise.all([
			...groups.map(async (g) => {
				const cmd = Object.fromEntries(g.items.map(([i, { e, params }]) => [`c${i}`, `${e.method}?${buildQuery(params)}`]));
				const r = await post(url(g.app, 'batch'), { halt: 0, cmd });
				expect(r.status).toBe(200);
				const seq = em.log.find((l) => l.method === 'batch' && l.status === 200 && g.items.every(([i]) => em.log.some((s) => s.parent === l.seq && s.batchKey === `c${i}`)))?.seq;
				for (const [i, { e }] of g.items) {
					const logged = em.log.find((l) => l.parent === seq && l.batchKey === `c${i}`);
					const err = r.body.result.result_error[`c${i}`] as { error?: string } | undefined;
					out.set(i, { method: e.method, status: logged?.status ?? 0, error: err?.error, result: r.body.result.result[`c${i}`] as unknown });
				}
			}),
			...single.map(async ([i, { e, params }]) => {
				const r = await post(url(e.auth === 'app', e.method), params);
				out.set(i, { method: e.method, status: r.status, error: r.body?.error as string | undefined, result: r.body?.result as unknown });
			}),
		]);
		return list.map((_, i) => out.get(i) as Reply);
	}

	test('answers each one called with its required parameters', async () => {
		const t0 = Date.now();
		const replies = await callAll(entries.map((e) => ({ e, params: paramsFor(e) })));
		expect(replies).toHaveLength(entries.length);
		expect(replies.filter((r) => r.error === 'ERROR_METHOD_NOT_FOUND').map((r) => r.method)).toEqual([]);
		// nothing the emulator judged was left out
		expect(em.log.filter((l) => l.missing).map((l) => `${l.method} ${String(l.missing)}`)).toEqual([]);
		// methods without a dedicated handler are answered by kind (generic.ts): a result, or the
		// page's not-found error for an id no record has
		const generic = replies.filter((r) => !handled[r.method.toLowerCase()]);
		expect(generic.length).toBeGreaterThan(1000);
		const notFound = (r: (typeof replies)[number]): boolean => r.status === 400 && (r.error === 'NOT_FOUND' || r.error === shapes.get(r.method.toLowerCase())?.notFound?.code);
		expect(generic.filter((r) => !(r.status === 200 && r.result !== undefined) && !notFound(r)).map((r) => `${r.method} ${r.status} ${r.error}`)).toEqual([]);
		expect(generic.filter((r) => r.status === 200).length).toBeGreaterThan(1000);
		// without a documented shape, the answer follows the kind
		const byKind = (kind: string, result: unknown): boolean => {
			if (kind === 'create') return typeof result === 'number' && result > 0;
			if (kind === 'get') return typeof result === 'object' && result !== null && 'ID' in result;
			if (kind === 'getAll') return Array.isArray(result);
			return result === true;
		};
		// result-shapes.json covers the pages with a readable example (1,478 of 1,635); the rest answer by kind
		const shapeless = generic.filter((r) => r.status === 200 && !shapes.has(r.method.toLowerCase()));
		expect(shapeless.length).toBeGreaterThan(100);
		expect(shapeless.filter((r) => !byKind(catalog.get(r.method.toLowerCase())!.kind, r.result)).map((r) => `${r.method} ${JSON.stringify(r.result)}`)).toEqual([]);
		// ~3 s on an idle 2-core machine; the bound catches a handler that runs away (a folder copied into itself)
		expect(Date.now() - t0).toBeLessThan(30000);
	});

	test('refuses each one called without a required parameter, with the family error', async () => {
		const withRequired = entries.filter((e) => e.required.length > 0);
		// 1,094 classic ones; the REST 3.0 ones are refused at /rest/api/ (restv3.test.ts)
		expect(withRequired.length).toBeGreaterThan(1050);
		em.clearLog();
		const replies = await callAll(withRequired.map((e) => ({ e, params: paramsFor(e, e.required[0]) })));
		const expected = (e: CatalogEntry): string => (isPositional(e.method) ? 'ERROR_CORE' : argError(e.method.toLowerCase(), e.required[0], '').code);
		const wrong = replies
			.map((r, i) => ({ r, e: withRequired[i] }))
			.filter(({ r, e }) => r.status !== 400 || r.error !== expected(e))
			.map(({ r }) => `${r.method} ${r.status} ${r.error}`);
		expect(wrong).toEqual([]);
		// the log names the unmet group
		const logged = em.log.find((l) => l.method === 'imopenlines.session.head.vote');
		expect(logged?.missing).toEqual(['SESSION_ID']);
	});

	test('an app-only method refuses a webhook', async () => {
		const r = await post(em.webhookUrl + 'app.info', {});
		expect({ status: r.status, error: r.body.error }).toEqual({ status: 403, error: 'WRONG_AUTH_TYPE' });
	});

	test('one-of and variant groups: the first member, a later member or a whole variant will do', async () => {
		const vote = async (params: Record<string, unknown>): Promise<string | undefined> => (await post(em.webhookUrl + 'imopenlines.session.head.vote', { SESSION_ID: 5, ...params })).body.error as string | undefined;
		expect(await vote({})).toBeDefined();
		const voteLog = em.log[em.log.length - 1];
		expect(voteLog.missing?.[0]).toMatch(/RATING/);
		const variant = catalog.get('vote.attachedvote.get');
		expect(variant?.required.some((g) => g.includes('+'))).toBe(true);
		const half = await post(em.webhookUrl + 'vote.attachedvote.get', { moduleId: 'blog', entityType: 'BLOG_POST' });
		expect(half.status).toBe(400);
		const whole = await post(em.webhookUrl + 'vote.attachedvote.get', { moduleId: 'blog', entityType: 'BLOG_POST', entityId: 4 });
		expect(whole.status).toBe(200);
		expect(em.log[em.log.length - 1].missing).toBeUndefined();
	});

	test('the call log names top-level parameters the docs do not list', async () => {
		em.clearLog();
		await post(em.webhookUrl + 'crm.deal.list', { filter: { ID: 1 }, SELECT: ['ID'], start: 0, bogus: 1 });
		await post(em.webhookUrl + 'crm.deal.get', { id: 1, start: 0, auth_connector: 'sync' });
		// batch sub-commands are judged the same way
		await post(em.webhookUrl + 'batch', { halt: 0, cmd: { a: 'crm.deal.fields?foo=1', b: 'crm.deal.list?start=50' } });
		const undocumented = em.log.map((l) => [l.method, l.undocumented ?? []]);
		expect(undocumented).toEqual([
			['crm.deal.list', ['bogus']],
			['crm.deal.get', ['start']],
			['crm.deal.fields', ['foo']],
			['crm.deal.list', []],
			['batch', []],
		]);
	});
});
