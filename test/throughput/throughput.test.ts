/**
 * Call counts and integrity at Bitrix24's physical limit, on sizes small enough for CI. Not timed:
 * the benchmark (npm run bench) measures time.
 */
import type { IDataObject } from 'n8n-workflow';

import type { LogEntry } from '../emulator/types';
import { startPortal } from '../helpers/portal';
import type { Portal } from '../helpers/portal';
import { useWarpClock } from '../helpers/warp';

const ids = (rows: IDataObject[]) => rows.map((row) => Number(row.ID ?? row.id));
const unique = (values: number[]) => new Set(values).size;
/** The keyset pages of a read (the probe for the highest ID sorts descending). */
const ascending = (entries: LogEntry[]) =>
	entries.filter((entry) => Object.values(((entry.params as IDataObject).order ?? {}) as IDataObject)[0] === 'ASC');

describe('Get Many reads', () => {
	let portal: Portal;
	beforeAll(async () => (portal = await startPortal({ seed: { deals: 3000 }, limits: false })));
	afterAll(async () => await portal.stop());
	beforeEach(() => portal.emu.clearLog());

	test('Return All of 3,000 deals takes 3 HTTP calls: one page, then chained keyset pages 50 to a batch', async () => {
		const rows = await portal.json({ resource: 'deal', operation: 'getMany', returnAll: true });
		expect(portal.emu.counters().http).toBe(3);
		expect(rows).toHaveLength(3000);
		expect(unique(ids(rows))).toBe(3000);
		expect(ids(rows)).toEqual([...ids(rows)].sort((a, b) => a - b));
		const pages = ascending(portal.emu.subCalls('crm.deal.list'));
		expect(pages.every((page) => String((page.params as IDataObject).start) === '-1')).toBe(true);
		// each page's keyset was resolved by the server from the previous page's 50th row
		expect(pages.slice(0, 4).map((page) => Number(((page.params as IDataObject).filter as IDataObject)['>ID']))).toEqual([0, 50, 100, 150]);
		expect(pages[0].params).toMatchObject({ order: { ID: 'ASC' }, filter: { '>ID': '0' } });
		// the probe for the highest ID rides in the first and the last batch only
		expect(portal.emu.subCalls('crm.deal.list').length - pages.length).toBe(2);
	});

	test('a Limit asks for only the pages it needs', async () => {
		const rows = await portal.json({ resource: 'deal', operation: 'getMany', returnAll: false, limit: 120 });
		expect(rows).toHaveLength(120);
		expect(portal.emu.counters().http).toBe(2);
		expect(ascending(portal.emu.subCalls('crm.deal.list'))).toHaveLength(3);
	});

	test('crm.item reads use the camelCase keyset on result.items', async () => {
		const rows = await portal.json({ resource: 'crmItem', operation: 'getMany', entityTypeId: 2, returnAll: true });
		expect(rows).toHaveLength(3000);
		expect(unique(ids(rows))).toBe(3000);
		expect(portal.emu.counters().http).toBe(3);
		const pages = ascending(portal.emu.subCalls('crm.item.list'));
		expect(pages.slice(0, 3).map((page) => Number(((page.params as IDataObject).filter as IDataObject)['>id']))).toEqual([0, 50, 100]);
	});

	test('sorting by another field falls back to counted offset pages, still 50 to a batch', async () => {
		const rows = await portal.json({ resource: 'deal', operation: 'getMany', returnAll: true, listOptions: { sort: '{"TITLE": "ASC"}' } });
		expect(rows).toHaveLength(3000);
		expect(unique(ids(rows))).toBe(3000);
		// crm.deal.fields (the Sort key is checked before sending), page 1, then 50 + 9 offset pages
		expect(portal.emu.counters().http).toBe(4);
		expect(portal.emu.calls('crm.deal.fields')).toHaveLength(1);
		const titles = rows.map((row) => String(row.TITLE));
		expect(titles).toEqual([...titles].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
	});

	test('a user filter is kept beside the keyset', async () => {
		const rows = await portal.json({ resource: 'deal', operation: 'getMany', returnAll: true, listOptions: { filter: '{"STAGE_ID": "NEW"}' } });
		const expected = portal.emu.store.all('deal').filter((deal) => deal.STAGE_ID === 'NEW').length;
		expect(rows).toHaveLength(expected);
		expect(ascending(portal.emu.subCalls('crm.deal.list')).map((page) => (page.params as IDataObject).filter)[0]).toEqual({ STAGE_ID: 'NEW', '>ID': '0' });
	});

	test('no record is lost or duplicated while another client inserts and deletes during the read', async () => {
		const before = new Set(portal.emu.store.all('deal').map((deal) => Number(deal.ID)));
		const mutation = portal.emu.faults.mutateDuringRead({ entity: 'deal', insertEvery: 3, deleteEvery: 5 });
		const rows = await portal.json({ resource: 'deal', operation: 'getMany', returnAll: true });
		mutation.stop();
		const seen = ids(rows);
		expect(unique(seen)).toBe(seen.length);
		const deleted = new Set(mutation.deleted);
		const lost = [...before].filter((id) => !deleted.has(id) && !seen.includes(id));
		expect(lost).toEqual([]);
		expect(mutation.inserted.length + mutation.deleted.length).toBeGreaterThan(0);
		// records inserted during the read get higher IDs, so the keyset reaches every one inserted before its last page
		const last = Math.max(...seen);
		for (const id of mutation.inserted) if (id < last && portal.emu.store.get('deal', id)) expect(seen).toContain(id);
	});
});

describe('writes across items', () => {
	let portal: Portal;
	beforeAll(async () => (portal = await startPortal({ seed: { deals: 10 }, limits: false })));
	afterAll(async () => await portal.stop());
	beforeEach(() => portal.emu.clearLog());

	test('120 creates go out as 3 batch calls, each item with its own result', async () => {
		const before = portal.emu.store.count('deal');
		const items = Array.from({ length: 120 }, (_, i) => ({ title: `Bulk ${i}` }));
		const out = await portal.run({ resource: 'deal', operation: 'create', TITLE: '={{ $json.title }}' }, { items });
		expect(portal.emu.counters().http).toBe(3);
		expect(out).toHaveLength(120);
		expect(out.map((o) => o.pairedItem)).toEqual(items.map((_, item) => ({ item })));
		expect(unique(out.map((o) => Number(o.json.id)))).toBe(120);
		expect(portal.emu.store.count('deal')).toBe(before + 120);
		expect(portal.emu.store.duplicates('deal', 'TITLE').filter((d) => String(d.value).startsWith('Bulk '))).toEqual([]);
	});

	test('a batch of writes is never re-sent after a reset: its items fail as "outcome unknown", nothing is duplicated', async () => {
		const before = portal.emu.store.count('deal');
		portal.emu.faults.inject({ method: 'batch', kind: 'reset', commit: true });
		const items = Array.from({ length: 60 }, (_, i) => ({ title: `Reset ${i}` }));
		// node version 1: version 2 looks the creates' keys up and reconciles them (test/node/idempotency.test.ts)
		const out = await portal.run({ resource: 'deal', operation: 'create', TITLE: '={{ $json.title }}' }, { items, continueOnFail: true, typeVersion: 1 });
		expect(portal.emu.counters().http).toBe(2);
		const unknown = out.filter((o) => o.json.code === 'OUTCOME_UNKNOWN');
		expect(unknown).toHaveLength(50);
		expect(unknown.map((o) => o.pairedItem)).toEqual(items.slice(0, 50).map((_, item) => ({ item })));
		// every item carries the batch's own message, not an empty copy of it
		expect(new Set(unknown.map((o) => o.json.error))).toEqual(new Set([expect.stringMatching(/\S/)]));
		expect(portal.emu.store.count('deal')).toBe(before + 60);
		expect(portal.emu.store.duplicates('deal', 'TITLE').filter((d) => String(d.value).startsWith('Reset '))).toEqual([]);
	});

	test('a batch refused by the rate limit is retried whole', async () => {
		portal.emu.faults.inject({ method: 'batch', kind: 'status', status: 503, error: 'QUERY_LIMIT_EXCEEDED', description: 'Too many requests' });
		const clock = useWarpClock(1000);
		try {
			const out = await portal.run({ resource: 'deal', operation: 'update', deal: '={{ $json.id }}', updateFields: { COMMENTS: 'x' } }, { items: [{ id: 1 }, { id: 2 }] });
			expect(out.map((o) => o.json.updated)).toEqual([true, true]);
			expect(portal.emu.calls('batch').map((c) => c.status)).toEqual([503, 200]);
		} finally {
			clock.restore();
		}
	});
});

describe('one limiter per portal', () => {
	test('a lone client spends the burst, then paces at the drain rate and never sees QUERY_LIMIT_EXCEEDED', async () => {
		const scale = 50;
		const portal = await startPortal({ seed: { deals: 2 }, plan: 'standard', timeScale: scale }, 'standard');
		const clock = useWarpClock(scale);
		try {
			const items = Array.from({ length: 70 }, (_, i) => ({ i }));
			// one call per item: server.time cannot be batched by meaning, Call Method sends each alone
			await portal.run({ resource: 'system', operation: 'callMethod', methodName: 'server.time', parameters: '{}' }, { items });
			const counters = portal.emu.counters();
			expect(counters.http).toBe(70);
			expect(counters.queryLimitExceeded).toBe(0);
			// 48 go out at once, the other 22 wait about 11 virtual seconds at 2 per second
			expect(clock.waited()).toBeGreaterThan(8);
			expect(clock.waited()).toBeLessThan(16);
		} finally {
			clock.restore();
			await portal.stop();
		}
	});

	test('with another client eating the same bucket, 503s are retried with backoff and nothing is lost', async () => {
		// a small scale keeps our own processing time from draining the emulator's bucket for us
		const scale = 5;
		const portal = await startPortal({ seed: { deals: 2 }, plan: 'standard', timeScale: scale }, 'standard');
		const clock = useWarpClock(scale);
		// the other client takes half of the drain rate, so ours runs into a bucket it did not fill
		const other = portal.emu.faults.otherClient(1);
		try {
			const before = portal.emu.store.count('deal');
			const items = Array.from({ length: 35 }, (_, i) => ({ title: `Shared ${i}` }));
			const out = await portal.run(
				{ resource: 'system', operation: 'callMethod', methodName: 'crm.deal.add', parameters: '={{ JSON.stringify({ fields: { TITLE: $json.title } }) }}' },
				{ items: [...items, ...items.map((i) => ({ title: `${i.title} b` }))] },
			);
			expect(out).toHaveLength(70);
			expect(portal.emu.store.count('deal')).toBe(before + 70);
			expect(portal.emu.store.duplicates('deal', 'TITLE').filter((d) => String(d.value).startsWith('Shared'))).toEqual([]);
			expect(portal.emu.counters().queryLimitExceeded).toBeGreaterThan(0);
		} finally {
			other.stop();
			clock.restore();
			await portal.stop();
		}
	});
});
