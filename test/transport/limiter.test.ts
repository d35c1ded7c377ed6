/**
 * The leaky-bucket limiter and its share for n8n processes that call one portal (queue-mode workers).
 * Deterministic: a fake clock for one process, an event-driven clock for several running at once.
 */
import type { ICredentialDataDecryptedObject } from 'n8n-workflow';

import type { Clock } from '../../nodes/Bitrix24/transport/limiter';
import { limiterFor, resetLimiters, setClock } from '../../nodes/Bitrix24/transport/limiter';
import { connectionFrom } from '../../nodes/Bitrix24/transport/connection';
import { useFakeClock } from '../helpers/clock';

/** Lets many callers sleep at once: time jumps to the earliest wake-up once everyone waits. */
function useEventClock(): Clock & { drive(done: () => boolean): Promise<void> } {
	let now = 1_000_000;
	const timers: Array<{ at: number; wake: () => void }> = [];
	const settle = async () => {
		for (let i = 0; i < 20; i++) await new Promise((resolve) => setImmediate(resolve));
	};
	const clock = {
		now: () => now,
		sleep: async (seconds: number) => await new Promise<void>((wake) => timers.push({ at: now + seconds, wake })),
		drive: async (done: () => boolean) => {
			for (;;) {
				await settle();
				if (done() || !timers.length) return;
				timers.sort((a, b) => a.at - b.at);
				const next = timers.shift()!;
				now = Math.max(now, next.at);
				next.wake();
			}
		},
	};
	setClock(clock);
	return clock;
}

/** Bitrix24's bucket as documented: 50 from empty, drained by 2 once per whole second; refusals add nothing. */
function portalBucket(clock: Clock) {
	let level = 0;
	let tick = Math.floor(clock.now());
	return {
		take(): boolean {
			const ticks = Math.floor(clock.now() - tick);
			if (ticks > 0) {
				level = Math.max(0, level - ticks * 2);
				tick += ticks;
			}
			if (level >= 50) return false;
			level += 1;
			return true;
		},
	};
}

/**
 * `processes` n8n processes (own limiters: separate portal keys stand for separate processes), each
 * running `parallel` executions that send `calls` requests one after another; a refused request
 * saturates the limiter and is sent again after a second, as the transport does.
 */
async function simulate(processes: number, share: number, parallel: number, calls: number) {
	const clock = useEventClock();
	const portal = portalBucket(clock);
	const start = clock.now();
	let refused = 0;
	let accepted = 0;
	const runs: Array<Promise<void>> = [];
	for (let p = 0; p < processes; p++) {
		const limiter = limiterFor(`process-${p}.bitrix24.com`, 'standard', share);
		for (let e = 0; e < parallel; e++) {
			runs.push(
				(async () => {
					for (let c = 0; c < calls; c++) {
						for (;;) {
							await limiter.acquire();
							if (portal.take()) break;
							refused++;
							limiter.saturate();
							await clock.sleep(1);
						}
						accepted++;
					}
				})(),
			);
		}
	}
	let finished = false;
	const all = Promise.all(runs).then(() => (finished = true));
	await clock.drive(() => finished);
	await all;
	return { refused, accepted, seconds: clock.now() - start };
}

afterEach(() => {
	setClock();
	resetLimiters();
});

describe('one n8n process', () => {
	test('spends the burst less one second of drain at once, then paces at the drain rate', async () => {
		const clock = useFakeClock();
		const limiter = limiterFor('one.bitrix24.com', 'standard');
		for (let i = 0; i < 48; i++) await limiter.acquire();
		expect(clock.waits).toEqual([]);
		await limiter.acquire();
		await limiter.acquire();
		expect(clock.waits).toEqual([0.5, 0.5]);
	});

	test('a 503 fills the bucket: the next call waits for a full burst to drain below capacity', async () => {
		const clock = useFakeClock();
		const limiter = limiterFor('one.bitrix24.com', 'standard');
		limiter.saturate();
		await limiter.acquire();
		// level 50 + 1 against capacity 48, drained at 2/s
		expect(clock.waits).toEqual([1.5]);
	});
});

describe('n8n processes sharing a portal', () => {
	test('each keeps to its share: a third of the burst at once, then a third of the drain rate', async () => {
		const clock = useFakeClock();
		const limiter = limiterFor('shared.bitrix24.com', 'standard', 3);
		for (let i = 0; i < 16; i++) await limiter.acquire();
		expect(clock.waits).toEqual([]);
		await limiter.acquire();
		expect(clock.waits).toHaveLength(1);
		expect(clock.waits[0]).toBeCloseTo(1.5, 9); // one call at 2/3 per second
	});

	test('a 503 saturates only the share', async () => {
		const clock = useFakeClock();
		const limiter = limiterFor('shared.bitrix24.com', 'standard', 3);
		limiter.saturate();
		await limiter.acquire();
		// level 50/3 + 1 against capacity 16, drained at 2/3 per second
		expect(clock.waits[0]).toBeCloseTo(2.5, 9);
	});

	test('a caller that leaves the share out (batch budgets) keeps the one already set', async () => {
		const clock = useFakeClock();
		limiterFor('shared.bitrix24.com', 'standard', 3);
		const limiter = limiterFor('shared.bitrix24.com', 'standard');
		for (let i = 0; i < 17; i++) await limiter.acquire();
		expect(clock.waits).toHaveLength(1);
	});

	test('the enterprise plan is shared the same way', async () => {
		const clock = useFakeClock();
		const limiter = limiterFor('big.bitrix24.com', 'enterprise', 5);
		// 250/5 - 5/5 = 49 at once
		for (let i = 0; i < 49; i++) await limiter.acquire();
		expect(clock.waits).toEqual([]);
		await limiter.acquire();
		expect(clock.waits[0]).toBeCloseTo(1, 9);
	});

	test('three processes that each assume the whole bucket are refused; sharing it, none is', async () => {
		const alone = await simulate(3, 1, 10, 20);
		resetLimiters();
		const shared = await simulate(3, 3, 10, 20);
		expect(alone.accepted).toBe(600);
		expect(shared.accepted).toBe(600);
		// together they sent three bursts into one bucket, and three times the drain rate after it
		expect(alone.refused).toBeGreaterThan(100);
		expect(shared.refused).toBe(0);
		// the portal's bound for 600 calls: 50 at once, then 2 a second
		const bound = (600 - 50) / 2;
		expect(shared.seconds).toBeGreaterThanOrEqual(bound);
		expect(shared.seconds).toBeLessThanOrEqual(bound * 1.05);
	});
});

describe('the credential setting', () => {
	const webhookUrl = 'https://acme.bitrix24.com/rest/1/abcdef123456/';
	test.each([
		[undefined, 1],
		[3, 3],
		['4', 4],
		[0, 1],
		[2.7, 2],
		['many', 1],
	])('n8n Processes Sharing This Portal %p is read as %p', (value, expected) => {
		const credentials: ICredentialDataDecryptedObject = { webhookUrl };
		if (value !== undefined) credentials.sharingProcesses = value;
		expect(connectionFrom('webhook', credentials).processes).toBe(expected);
	});
});
