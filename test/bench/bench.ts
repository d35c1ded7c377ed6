/**
 * npm run bench — the node against the emulator with Bitrix24's documented limits on, time-scaled.
 *
 * Virtual wall time = the run's own time (HTTP and processing as they really take, limiter waits at
 * full virtual length) + the server time the emulator's cost model bills for every executed call
 * (Bitrix24 runs batch commands one after another, so that time is on the critical path).
 * The physical bound is the largest of: the rate bound for the minimum number of calls, the
 * operating-time bound, and the server time of the minimum work (every page or write once).
 */
import type { IDataObject } from 'n8n-workflow';

import { startPortal } from '../helpers/portal';
import type { Portal } from '../helpers/portal';
import { useWarpClock } from '../helpers/warp';

const SCALE = Number(process.env.BENCH_TIME_SCALE ?? 100);
const QUICK = process.argv.includes('--quick');
/** `--only=labels` runs just the scenarios whose name contains the text. */
const ONLY = process.argv.find((arg) => arg.startsWith('--only='))?.slice('--only='.length).toLowerCase();
const PLANS = { standard: { burst: 50, drain: 2 }, enterprise: { burst: 250, drain: 5 } } as const;
const COST = { page: 0.02, add: 0.05, update: 0.04 };
const OPERATING_BUDGET = 480;

type Plan = keyof typeof PLANS;

interface Row {
	scenario: string;
	strategy: string;
	records: number;
	calls: number;
	minCalls: number;
	virtual: number;
	bound: number;
	e503: number;
	e429: number;
	lost: number;
	duplicated: number;
	peakMb: number;
}

function physicalBound(plan: Plan, minCalls: number, serverSecondsPerMethod: number): number {
	const { burst, drain } = PLANS[plan];
	const rate = Math.max(0, (minCalls - burst) / drain);
	const operating = Math.max(0, (serverSecondsPerMethod - OPERATING_BUDGET) / 0.8);
	return Math.max(rate, operating, serverSecondsPerMethod);
}

function memoryProbe() {
	let peak = process.memoryUsage().rss;
	const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 25);
	return () => {
		clearInterval(timer);
		return Math.round(Math.max(peak, process.memoryUsage().rss) / 1048576);
	};
}

async function measure(plan: Plan, seed: Record<string, number>, work: (portal: Portal) => Promise<{ lost: number; duplicated: number; records: number }>) {
	const portal = await startPortal({ seed, plan, timeScale: SCALE, operatingLimitSeconds: OPERATING_BUDGET }, plan);
	portal.credentials.set('webhook', 'bitrix24WebhookApi', { webhookUrl: portal.emu.webhookUrl, plan, maxWaitSeconds: 900 });
	portal.emu.clearLog();
	const clock = useWarpClock(SCALE);
	const peak = memoryProbe();
	try {
		const outcome = await work(portal);
		const counters = portal.emu.counters();
		return { ...outcome, calls: counters.http, e503: counters.queryLimitExceeded, e429: counters.operationTimeLimit, virtual: clock.elapsed() + counters.serverSeconds, peakMb: peak() };
	} finally {
		clock.restore();
		await portal.stop();
	}
}

function integrity(rows: IDataObject[], expected: Set<number>, deleted = new Set<number>()) {
	const seen = rows.map((row) => Number(row.ID));
	const seenSet = new Set(seen);
	return {
		records: seen.length,
		duplicated: seen.length - seenSet.size,
		lost: [...expected].filter((id) => !deleted.has(id) && !seenSet.has(id)).length,
	};
}

async function naiveRead(portal: Portal): Promise<IDataObject[]> {
	// one counted page per call, as other Bitrix24 nodes read
	const rows: IDataObject[] = [];
	for (let start: number | undefined = 0; start !== undefined; ) {
		const [page]: IDataObject[] = await portal.json({
			resource: 'system',
			operation: 'callMethod',
			methodName: 'crm.deal.list',
			parameters: JSON.stringify({ order: { ID: 'ASC' }, start }),
			options: { fullResponse: true },
		});
		for (const row of page.result as IDataObject[]) rows.push(row);
		start = page.next as number | undefined;
	}
	return rows;
}

async function read(name: string, plan: Plan, count: number, mutate = false, labels = false): Promise<Row[]> {
	const rows: Row[] = [];
	// other nodes have no labels to compare with
	for (const strategy of labels ? (['node'] as const) : (['node', 'naive'] as const)) {
		// with labels, 120 users own the deals: their names take more than one user.get
		const result = await measure(plan, labels ? { users: 120, deals: count } : { deals: count }, async (portal) => {
			const expected = new Set(portal.emu.store.all('deal').map((deal) => Number(deal.ID)));
			const mutation = mutate ? portal.emu.faults.mutateDuringRead({ entity: 'deal', insertEvery: 2, deleteEvery: 3 }) : undefined;
			const output = strategy === 'node' ? await portal.json({ resource: 'deal', operation: 'getMany', returnAll: true, resolveLabels: labels }) : await naiveRead(portal);
			if (labels && output.some((row) => typeof row.STAGE_ID_label !== 'string' || typeof row.ASSIGNED_BY_ID_label !== 'string')) throw new Error(`${name}: a deal came back without its labels`);
			mutation?.stop();
			return integrity(output, expected, new Set(mutation?.deleted ?? []));
		});
		// the labels' reference data (fields, statuses, pipelines, users) is one more batch call
		const minCalls = Math.ceil(count / 2500) + (labels ? 1 : 0);
		rows.push({ scenario: name, strategy, minCalls, bound: physicalBound(plan, minCalls, (count / 50) * COST.page), ...result });
	}
	return rows;
}

async function write(name: string, count: number, operation: 'create' | 'update'): Promise<Row[]> {
	const rows: Row[] = [];
	for (const strategy of ['node', 'naive'] as const) {
		const result = await measure('standard', { deals: operation === 'update' ? count : 0 }, async (portal) => {
			const before = portal.emu.store.count('deal');
			const items = Array.from({ length: count }, (_, i) => ({ id: i + 1, title: `Bench ${operation} ${i}` }));
			if (strategy === 'node') {
				const parameters =
					operation === 'create'
						? { resource: 'deal', operation: 'create', TITLE: '={{ $json.title }}' }
						: { resource: 'deal', operation: 'update', deal: '={{ $json.id }}', updateFields: { TITLE: '={{ $json.title }}' } };
				await portal.run(parameters, { items });
			} else {
				// one call per item, as other Bitrix24 nodes write
				for (const item of items) {
					const parameters = operation === 'create' ? { fields: { TITLE: item.title } } : { id: item.id, fields: { TITLE: item.title } };
					await portal.run({ resource: 'system', operation: 'callMethod', methodName: `crm.deal.${operation === 'create' ? 'add' : 'update'}`, parameters: JSON.stringify(parameters) });
				}
			}
			const written = portal.emu.store.all('deal').filter((deal) => String(deal.TITLE).startsWith(`Bench ${operation} `));
			const titles = new Set(written.map((deal) => deal.TITLE));
			return {
				records: written.length,
				duplicated: written.length - titles.size + (operation === 'create' ? portal.emu.store.count('deal') - before - titles.size : 0),
				lost: count - titles.size,
			};
		});
		const minCalls = Math.ceil(count / 50);
		rows.push({ scenario: name, strategy, minCalls, bound: physicalBound('standard', minCalls, count * COST[operation === 'create' ? 'add' : 'update']), ...result });
	}
	return rows;
}

function table(rows: Row[]): string {
	const header = ['scenario', 'strategy', 'records', 'HTTP calls', 'min calls', 'virtual s', 'bound s', 'ratio', '503s', '429s', 'lost', 'dup', 'peak MB'];
	const lines = rows.map((r) => [
		r.scenario,
		r.strategy,
		String(r.records),
		String(r.calls),
		String(r.minCalls),
		r.virtual.toFixed(1),
		r.bound.toFixed(1),
		`${(r.virtual / r.bound).toFixed(2)}x`,
		String(r.e503),
		String(r.e429),
		String(r.lost),
		String(r.duplicated),
		String(r.peakMb),
	]);
	const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i].length)));
	const format = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i])).join(' | ')} |`;
	return [format(header), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...lines.map(format)].join('\n');
}

async function main() {
	const big = QUICK ? 20000 : 100000;
	const scenarios: Array<[string, (name: string) => Promise<Row[]>]> = [
		['read 10,000 deals', (name) => read(name, 'standard', 10000)],
		[`read ${big.toLocaleString('en')} deals`, (name) => read(name, 'standard', big)],
		['read 10,000 while another writer inserts/deletes', (name) => read(name, 'standard', 10000, true)],
		['read 10,000 deals with Resolve Labels', (name) => read(name, 'standard', 10000, false, true)],
		['create 1,000 deals from items', (name) => write(name, 1000, 'create')],
		['update 1,000 deals from items', (name) => write(name, 1000, 'update')],
		['read 10,000 deals (Enterprise)', (name) => read(name, 'enterprise', 10000)],
	];
	const rows: Row[] = [];
	for (const [name, run] of scenarios) if (!ONLY || name.toLowerCase().includes(ONLY)) rows.push(...(await run(name)));
	process.stdout.write(`Bitrix24 node benchmark — emulator time scale ${SCALE}x, limits on (standard: burst 50, 2/s; enterprise: 250, 5/s; operating budget ${OPERATING_BUDGET} s/10 min)\n\n`);
	process.stdout.write(`${table(rows)}\n`);
}

main().then(
	() => process.exit(0),
	(error) => {
		process.stderr.write(`${(error as Error).stack ?? String(error)}\n`);
		process.exit(1);
	},
);
