/**
 * npm run bench — the node against the emulator with Bitrix24's documented limits on, time-scaled.
 *
 * Virtual wall time = the run's own time (HTTP and processing as they really take, limiter waits at
 * full virtual length) + the server time the emulator's cost model bills for every executed call
 * (Bitrix24 runs batch commands one after another, so that time is on the critical path).
 * The physical bound is the largest of: the rate bound for the minimum number of calls, the
 * operating-time bound, and the server time of the minimum work (every page or write once).
 *
 * Each row runs in a process of its own (a fork of this file with --row=<n>), so its peak memory is
 * its own: the peak resident size of that process and the peak V8 heap while the row ran.
 */
import { fork } from 'child_process';
import type { IDataObject } from 'n8n-workflow';

import type { Clock } from '../../nodes/Bitrix24/transport/limiter';
import { setClock } from '../../nodes/Bitrix24/transport/limiter';
import { FROZEN, useDrivenClock } from '../helpers/driven';
import { startPortal } from '../helpers/portal';
import type { Portal } from '../helpers/portal';
import { useWarpClock } from '../helpers/warp';

const SCALE = Number(process.env.BENCH_TIME_SCALE ?? 100);
const QUICK = process.argv.includes('--quick');
/** `--only=labels` runs just the scenarios whose name contains the text. */
const ONLY = process.argv.find((arg) => arg.startsWith('--only='))?.slice('--only='.length).toLowerCase();
const PLANS = { standard: { burst: 50, drain: 2 }, enterprise: { burst: 250, drain: 5 } } as const;
const COST = { page: 0.02, add: 0.05, update: 0.04 };
/** The budget rows: 0.1 s of server time per write, the anchor of limits-and-performance.md. */
const HEAVY = { add: 0.1, update: 0.1 };
const OPERATING_BUDGET = 480;
const OPERATING_WINDOW = 600;

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
	/** items whose output is an error */
	failed: number;
	lost: number;
	duplicated: number;
	/** the longest single limiter wait, virtual seconds */
	longestWait: number;
	rssMb: number;
	heapMb: number;
}

type Measured = Omit<Row, 'scenario' | 'strategy' | 'minCalls' | 'bound'>;

/**
 * The operating bound under the docs' baskets: any 10 minutes hold at most the budget L of one
 * method's server time S, and the server runs one command at a time, so S takes
 * W x (ceil(S/L) - 1) plus the server time of what is left for the last window.
 */
function operatingBound(serverSeconds: number): number {
	if (serverSeconds <= OPERATING_BUDGET) return 0;
	const windows = Math.ceil(serverSeconds / OPERATING_BUDGET) - 1;
	return windows * OPERATING_WINDOW + (serverSeconds - windows * OPERATING_BUDGET);
}

function physicalBound(plan: Plan, minCalls: number, serverSecondsPerMethod: number): number {
	const { burst, drain } = PLANS[plan];
	const rate = Math.max(0, (minCalls - burst) / drain);
	return Math.max(rate, operatingBound(serverSecondsPerMethod), serverSecondsPerMethod);
}

/** The V8 heap's peak while a row runs (the process's peak RSS comes from the OS at the end). */
function heapProbe() {
	let peak = process.memoryUsage().heapUsed;
	const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().heapUsed)), 25);
	return () => {
		clearInterval(timer);
		return Math.round(Math.max(peak, process.memoryUsage().heapUsed) / 1048576);
	};
}

/** Records the longest single wait of the limiter's clock. */
function watchWaits(clock: Clock) {
	let longest = 0;
	setClock({
		now: () => clock.now(),
		sleep: async (seconds) => {
			longest = Math.max(longest, seconds);
			await clock.sleep(seconds);
		},
	});
	return () => longest;
}

type Work = (portal: Portal) => Promise<{ lost: number; duplicated: number; records: number; failed?: number }>;

/**
 * One row. `driven`: the emulator's clock moves only by the node's waits and the server time it
 * bills (test/helpers/driven.ts), so operating baskets and limiter agree however long the real work
 * takes; virtual s is then that clock plus the real processing time.
 */
async function measure(plan: Plan, seed: Record<string, number>, work: Work, driven?: { cost: Partial<typeof HEAVY> }): Promise<Measured> {
	const portal = await startPortal(
		{ seed, plan, timeScale: driven ? FROZEN : SCALE, operatingLimitSeconds: OPERATING_BUDGET, ...(driven ? { cost: driven.cost } : {}) },
		plan,
	);
	// driven rows keep the credential's default Max Wait on Limits: it must let a big import finish
	if (!driven) portal.credentials.set('webhook', 'bitrix24WebhookApi', { webhookUrl: portal.emu.webhookUrl, plan, maxWaitSeconds: 900 });
	portal.emu.clearLog();
	const clock = driven ? useDrivenClock(portal.emu) : useWarpClock(SCALE);
	const longest = watchWaits(clock);
	const heap = heapProbe();
	const started = Date.now();
	try {
		const outcome = await work(portal);
		const counters = portal.emu.counters();
		const virtual = driven ? clock.elapsed() + (Date.now() - started) / 1000 : clock.elapsed() + counters.serverSeconds;
		return {
			failed: 0,
			...outcome,
			calls: counters.http,
			e503: counters.queryLimitExceeded,
			e429: counters.operationTimeLimit,
			virtual,
			longestWait: longest(),
			heapMb: heap(),
			rssMb: Math.round(process.resourceUsage().maxRSS / 1024),
		};
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

type Strategy = 'node' | 'naive';

async function read(name: string, strategy: Strategy, plan: Plan, count: number, mutate = false, labels = false): Promise<Row> {
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
	return { scenario: name, strategy, minCalls, bound: physicalBound(plan, minCalls, (count / 50) * COST.page), ...result };
}

/** Writes `count` deals from items; `heavy` runs with the budget rows' cost on the driven clock. */
async function write(name: string, strategy: Strategy, count: number, operation: 'create' | 'update', heavy = false): Promise<Row> {
	const cost = heavy ? HEAVY : COST;
	const work: Work = async (portal) => {
		const before = portal.emu.store.count('deal');
		const items = Array.from({ length: count }, (_, i) => ({ id: i + 1, title: `Bench ${operation} ${i}` }));
		let failed = 0;
		if (strategy === 'node') {
			const parameters =
				operation === 'create'
					? { resource: 'deal', operation: 'create', TITLE: '={{ $json.title }}' }
					: { resource: 'deal', operation: 'update', deal: '={{ $json.id }}', updateFields: { TITLE: '={{ $json.title }}' } };
			const out = await portal.run(parameters, { items, continueOnFail: true });
			failed = out.filter((item) => item.json.error !== undefined).length;
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
			failed,
			duplicated: written.length - titles.size + (operation === 'create' ? portal.emu.store.count('deal') - before - titles.size : 0),
			lost: count - titles.size,
		};
	};
	const result = await measure('standard', { deals: operation === 'update' ? count : 0 }, work, heavy ? { cost: { [operation === 'create' ? 'add' : 'update']: cost[operation === 'create' ? 'add' : 'update'] } } : undefined);
	const minCalls = Math.ceil(count / 50);
	return { scenario: name, strategy, minCalls, bound: physicalBound('standard', minCalls, count * cost[operation === 'create' ? 'add' : 'update']), ...result };
}

function table(rows: Row[]): string {
	const header = ['scenario', 'strategy', 'records', 'HTTP calls', 'min calls', 'virtual s', 'bound s', 'ratio', '503s', '429s', 'failed', 'lost', 'dup', 'longest wait s', 'peak RSS MB', 'peak heap MB'];
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
		String(r.failed),
		String(r.lost),
		String(r.duplicated),
		r.longestWait.toFixed(1),
		String(r.rssMb),
		String(r.heapMb),
	]);
	const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i].length)));
	const format = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i])).join(' | ')} |`;
	return [format(header), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...lines.map(format)].join('\n');
}

const big = QUICK ? 20000 : 100000;
/** Every row of the table: a scenario and a strategy, each run in a process of its own. */
const ROWS: Array<[string, Strategy, (name: string, strategy: Strategy) => Promise<Row>]> = [];
const both = (name: string, run: (name: string, strategy: Strategy) => Promise<Row>, strategies: Strategy[] = ['node', 'naive']) => {
	for (const strategy of strategies) ROWS.push([name, strategy, run]);
};
both('read 10,000 deals', (name, strategy) => read(name, strategy, 'standard', 10000));
both(`read ${big.toLocaleString('en')} deals`, (name, strategy) => read(name, strategy, 'standard', big));
both('read 10,000 while another writer inserts/deletes', (name, strategy) => read(name, strategy, 'standard', 10000, true));
// other nodes have no labels to compare with
both('read 10,000 deals with Resolve Labels', (name, strategy) => read(name, strategy, 'standard', 10000, false, true), ['node']);
both('create 1,000 deals from items', (name, strategy) => write(name, strategy, 1000, 'create'));
both('update 1,000 deals from items', (name, strategy) => write(name, strategy, 1000, 'update'));
both('read 10,000 deals (Enterprise)', (name, strategy) => read(name, strategy, 'enterprise', 10000));
// one call per item would be 10,000 calls: the naive strategy is left out of the budget rows
both('create 10,000 deals (operating budget on)', (name, strategy) => write(name, strategy, 10000, 'create', true), ['node']);
both('update 10,000 deals (operating budget on)', (name, strategy) => write(name, strategy, 10000, 'update', true), ['node']);

/** Runs one row in a fresh process and returns what it measured. */
async function runInChild(index: number): Promise<Row> {
	return await new Promise((resolve, reject) => {
		const child = fork(__filename, [`--row=${index}`, ...process.argv.slice(2)], {
			execArgv: ['-r', 'ts-node/register/transpile-only'],
			env: { ...process.env, TS_NODE_PREFER_TS_EXTS: 'true' },
		});
		let row: Row | undefined;
		child.on('message', (message) => (row = message as Row));
		child.on('error', reject);
		child.on('exit', (code) => (row ? resolve(row) : reject(new Error(`row ${index} (${ROWS[index][0]}, ${ROWS[index][1]}) exited with ${code}`))));
	});
}

async function main() {
	const own = process.argv.find((arg) => arg.startsWith('--row='));
	if (own) {
		const [name, strategy, run] = ROWS[Number(own.slice('--row='.length))];
		const row = await run(name, strategy);
		// exiting before the message is out would lose it
		await new Promise<void>((resolve, reject) => process.send?.(row, undefined, {}, (error) => (error ? reject(error) : resolve())));
		return;
	}
	const rows: Row[] = [];
	const failures: string[] = [];
	for (const [index, [name]] of ROWS.entries()) {
		if (ONLY && !name.toLowerCase().includes(ONLY)) continue;
		// a row that fails is reported after the table; the others still count
		await runInChild(index).then(
			(row) => rows.push(row),
			(error: Error) => failures.push(error.message),
		);
	}
	process.stdout.write(`Bitrix24 node benchmark — emulator time scale ${SCALE}x, limits on (standard: burst 50, 2/s; enterprise: 250, 5/s; operating budget ${OPERATING_BUDGET} s/10 min)\n\n`);
	process.stdout.write(`${table(rows)}\n`);
	if (failures.length) throw new Error(`${failures.length} row(s) failed:\n${failures.join('\n')}`);
}

main().then(
	() => process.exit(0),
	(error) => {
		process.stderr.write(`${(error as Error).stack ?? String(error)}\n`);
		process.exit(1);
	},
);
