import { startEmulator, Emulator } from './index';
import { hook } from './helpers';

describe('paging, filters, order, select', () => {
	let em: Emulator;
	beforeAll(async () => {
		em = await startEmulator({ limits: false, seed: { deals: 120 } });
	});
	afterAll(() => em.stop());

	test('50 per page with next and total', async () => {
		const p0 = await hook(em, 'crm.deal.list', { select: ['ID'] });
		expect(p0.body.result).toHaveLength(50);
		expect(p0.body.next).toBe(50);
		expect(p0.body.total).toBe(120);
		const p2 = await hook(em, 'crm.deal.list', { start: 100 });
		expect(p2.body.result).toHaveLength(20);
		expect(p2.body.next).toBeUndefined();
		expect(p2.body.total).toBe(120);
	});

	test('start=-1: no count, no next, total 0', async () => {
		const r = await hook(em, 'crm.item.list', { entityTypeId: 2, start: -1, order: { id: 'ASC' }, select: ['id'] });
		expect(r.body.result.items).toHaveLength(50);
		expect(r.body.next).toBeUndefined();
		expect(r.body.total).toBe(0);
	});

	test('keyset paging with >ID / >id reads every record exactly once', async () => {
		for (const [method, extra, key] of [
			['crm.deal.list', {}, 'ID'],
			['crm.item.list', { entityTypeId: 2 }, 'id'],
		] as const) {
			const seen: number[] = [];
			let last = 0;
			for (;;) {
				const r = await hook(em, method, { ...extra, start: -1, order: { [key]: 'ASC' }, filter: { [`>${key}`]: last }, select: [key] });
				const rows = method === 'crm.item.list' ? r.body.result.items : r.body.result;
				rows.forEach((x: Record<string, unknown>) => seen.push(Number(x[key])));
				if (rows.length < 50) break;
				last = Number(rows[rows.length - 1][key]);
			}
			expect(seen).toHaveLength(120);
			expect(new Set(seen).size).toBe(120);
		}
	});

	test('filter operators', async () => {
		const ids = async (filter: Record<string, unknown>): Promise<number[]> => (await hook(em, 'crm.deal.list', { filter, select: ['ID'], start: -1 })).body.result.map((r: { ID: string }) => Number(r.ID));
		expect(await ids({ ID: 5 })).toEqual([5]);
		expect(await ids({ '=ID': 5 })).toEqual([5]);
		expect((await ids({ '!=ID': 5, '<=ID': 6 }))).toEqual([1, 2, 3, 4, 6]);
		expect(await ids({ '>ID': 118 })).toEqual([119, 120]);
		expect(await ids({ '>=ID': 119, '<ID': 120 })).toEqual([119]);
		expect(await ids({ '@ID': [3, 7, 9] })).toEqual([3, 7, 9]);
		expect((await ids({ '!@ID': [1, 2], '<ID': 5 }))).toEqual([3, 4]);
		expect(await ids({ '%TITLE': 'Deal #11 ' })).toEqual([11]);
	});

	test('order DESC and select with * / UF_*', async () => {
		await hook(em, 'crm.deal.update', { id: 120, fields: { UF_CRM_COLOR: 'red' } });
		const r = await hook(em, 'crm.deal.list', { order: { ID: 'DESC' }, select: ['*', 'UF_*'] });
		expect(r.body.result[0].ID).toBe('120');
		expect(r.body.result[0].UF_CRM_COLOR).toBe('red');
		expect(r.body.result[0].TITLE).toBeDefined();
		const narrow = await hook(em, 'crm.deal.list', { select: ['TITLE'], start: -1 });
		expect(Object.keys(narrow.body.result[0]).sort()).toEqual(['ID', 'TITLE']);
		const items = await hook(em, 'crm.item.list', { entityTypeId: 2, select: ['id', 'title'], order: { opportunity: 'DESC' } });
		const opp = (await hook(em, 'crm.item.list', { entityTypeId: 2, select: ['opportunity'], order: { opportunity: 'DESC' } })).body.result.items.map((i: { opportunity: number }) => i.opportunity);
		expect(opp).toEqual([...opp].sort((a, b) => b - a));
		expect(Object.keys(items.body.result.items[0]).sort()).toEqual(['id', 'title']);
	});

	test('unknown filter or order field on crm.item -> 400 INVALID_ARG_VALUE', async () => {
		const a = await hook(em, 'crm.item.list', { entityTypeId: 2, filter: { noSuchField: 1 } });
		expect(a.status).toBe(400);
		expect(a.body.error).toBe('INVALID_ARG_VALUE');
		const b = await hook(em, 'crm.item.list', { entityTypeId: 2, order: { bogus: 'ASC' } });
		expect(b.body.error).toBe('INVALID_ARG_VALUE');
	});

	test('inserts and deletes during a read: offset paging loses rows, keyset does not', async () => {
		const local = await startEmulator({ limits: false, seed: { deals: 200 } });
		try {
			const m = local.faults.mutateDuringRead({ entity: 'deals', deleteEvery: 1 });
			const offsetSeen = new Set<number>();
			for (let start = 0; ; ) {
				const r = await hook(local, 'crm.deal.list', { start, select: ['ID'] });
				r.body.result.forEach((x: { ID: string }) => offsetSeen.add(Number(x.ID)));
				if (r.body.next === undefined) break;
				start = r.body.next;
			}
			m.stop();
			const survivors = local.store.all('deal').map((r) => Number(r.ID));
			const missed = survivors.filter((id) => !offsetSeen.has(id));
			expect(missed.length).toBeGreaterThan(0);
			expect(m.deleted.length).toBeGreaterThan(0);

			const m2 = local.faults.mutateDuringRead({ entity: 'deals', deleteEvery: 1, insertEvery: 1 });
			const keysetSeen = new Set<number>();
			let last = 0;
			for (;;) {
				const r = await hook(local, 'crm.deal.list', { start: -1, order: { ID: 'ASC' }, filter: { '>ID': last }, select: ['ID'] });
				r.body.result.forEach((x: { ID: string }) => keysetSeen.add(Number(x.ID)));
				if (r.body.result.length < 50) break;
				last = Number(r.body.result.at(-1).ID);
			}
			m2.stop();
			const deletedBefore = new Set(m2.deleted);
			const expected = survivors.filter((id) => !deletedBefore.has(id));
			expect(expected.every((id) => keysetSeen.has(id))).toBe(true);
			expect(m2.inserted.length).toBeGreaterThan(0);
		} finally {
			await local.stop();
		}
	});
});
