import { startEmulator, Emulator } from './index';
import { hook } from './helpers';

async function burst(em: Emulator, n: number): Promise<number[]> {
	const out: number[] = [];
	for (let i = 0; i < n; i++) out.push((await hook(em, 'profile')).status);
	return out;
}

describe('leaky bucket', () => {
	test('standard: a burst of 50, then 503 QUERY_LIMIT_EXCEEDED; rejected requests add nothing; drains 2/s', async () => {
		const em = await startEmulator({ timeScale: 0.001 }); // real time barely moves: the test controls the clock
		try {
			const statuses = await burst(em, 55);
			expect(statuses.slice(0, 50).every((s) => s === 200)).toBe(true);
			expect(statuses.slice(50).every((s) => s === 503)).toBe(true);
			const r = await hook(em, 'profile');
			expect(r.body).toEqual({ error: 'QUERY_LIMIT_EXCEEDED', error_description: 'Too many requests' });
			expect(em.bucketLevel()).toBe(50);
			expect(em.counters().queryLimitExceeded).toBe(6);
			em.advanceTime(1);
			// one second drains 2
			expect(await burst(em, 3)).toEqual([200, 200, 503]);
			em.advanceTime(10);
			expect(em.bucketLevel()).toBe(30);
		} finally {
			await em.stop();
		}
	});

	test('time scale: 100x drains 200 per real second', async () => {
		const em = await startEmulator({ timeScale: 100 });
		try {
			await burst(em, 50);
			await new Promise((r) => setTimeout(r, 300));
			expect(em.bucketLevel()).toBe(0);
		} finally {
			await em.stop();
		}
	});

	test('enterprise: 250 burst; none and limits:false: no bucket', async () => {
		const em = await startEmulator({ plan: 'enterprise', timeScale: 0.001 });
		try {
			const s = await burst(em, 251);
			expect(s.filter((x) => x === 200)).toHaveLength(250);
			em.setPlan('none');
			expect((await hook(em, 'profile')).status).toBe(200);
		} finally {
			await em.stop();
		}
		const off = await startEmulator({ limits: false });
		try {
			expect((await burst(off, 60)).every((s) => s === 200)).toBe(true);
		} finally {
			await off.stop();
		}
	});

	test('a competing client consumes the same bucket', async () => {
		const em = await startEmulator({ timeScale: 0.001 });
		try {
			const other = em.faults.otherClient(5);
			em.advanceTime(10); // 50 requests from the other client, minus 20 drained
			expect(em.bucketLevel()).toBeGreaterThanOrEqual(25);
			other.stop();
			const s = await burst(em, 30);
			expect(s.filter((x) => x === 503).length).toBeGreaterThan(0);
		} finally {
			await em.stop();
		}
	});
});

describe('operating time', () => {
	test('the call that crosses the limit completes; the next gets 429; other methods are unaffected; the window resets', async () => {
		const em = await startEmulator({ plan: 'none', operatingLimitSeconds: 0.2, cost: { add: 0.05 }, timeScale: 0.001 });
		try {
			const statuses: number[] = [];
			for (let i = 0; i < 6; i++) statuses.push((await hook(em, 'crm.deal.add', { fields: { TITLE: `d${i}` } })).status);
			// 0.05 x 5 = 0.25 > 0.2 after the 5th call; the 5th still succeeded
			expect(statuses).toEqual([200, 200, 200, 200, 200, 429]);
			const blocked = await hook(em, 'crm.deal.add', { fields: { TITLE: 'x' } });
			expect(blocked.body).toEqual({ error: 'OPERATION_TIME_LIMIT', error_description: 'Method is blocked due to operation time limit.' });
			expect(em.store.count('deal')).toBe(5);
			expect((await hook(em, 'crm.deal.list', {})).status).toBe(200);
			const op = em.operating('crm.deal.add');
			expect(op.operating).toBeCloseTo(0.25, 5);
			em.advanceTime(601);
			const ok = await hook(em, 'crm.deal.add', { fields: { TITLE: 'again' } });
			expect(ok.status).toBe(200);
			expect(ok.body.time.operating).toBeCloseTo(0.05, 5);
			expect(ok.body.time.operating_reset_at).toBeGreaterThan(em.virtualNow());
			expect(em.counters().operationTimeLimit).toBe(2);
		} finally {
			await em.stop();
		}
	});

	test('a counted page costs more on a big table than a start=-1 page', async () => {
		const em = await startEmulator({ plan: 'none', seed: { deals: 5000 } });
		try {
			const counted = await hook(em, 'crm.deal.list', { select: ['ID'] });
			const fast = await hook(em, 'crm.deal.list', { start: -1, select: ['ID'] });
			expect(counted.body.time.processing).toBeCloseTo(0.02 + 5000 * 2e-6, 6);
			expect(fast.body.time.processing).toBeCloseTo(0.02, 6);
		} finally {
			await em.stop();
		}
	});

	test('batch billing: per-method (docs) bills sub-commands; "batch" mode bills the batch', async () => {
		const per = await startEmulator({ plan: 'none', operatingLimitSeconds: 0.1, cost: { add: 0.05 }, timeScale: 0.001 });
		try {
			const cmd = Object.fromEntries(Array.from({ length: 4 }, (_, i) => [`a${i}`, `crm.deal.add?fields[TITLE]=b${i}`]));
			const r = await hook(per, 'batch', { cmd });
			// 0.05 x 3 = 0.15 > 0.1 after a2: a3 is blocked inside the batch
			expect(Object.keys(r.body.result.result)).toEqual(['a0', 'a1', 'a2']);
			expect(r.body.result.result_error.a3.error).toBe('OPERATION_TIME_LIMIT');
			expect(per.operating('batch').operating).toBe(0);
		} finally {
			await per.stop();
		}
		const whole = await startEmulator({ plan: 'none', operatingBilling: 'batch', operatingLimitSeconds: 0.1, cost: { add: 0.05 }, timeScale: 0.001 });
		try {
			const cmd = Object.fromEntries(Array.from({ length: 4 }, (_, i) => [`a${i}`, `crm.deal.add?fields[TITLE]=b${i}`]));
			const r = await hook(whole, 'batch', { cmd });
			expect(Object.keys(r.body.result.result)).toHaveLength(4);
			expect(whole.operating('batch').operating).toBeCloseTo(0.2, 5);
			expect((await hook(whole, 'batch', { cmd })).status).toBe(429);
			expect((await hook(whole, 'crm.deal.add', { fields: { TITLE: 'single' } })).status).toBe(200);
		} finally {
			await whole.stop();
		}
	});
});
