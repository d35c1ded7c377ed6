import { sleep } from 'n8n-workflow';

import type { Plan } from '../../../credentials/signing';

/** Time source of the limiter. Benchmarks swap in a scaled clock so a time-scaled emulator and the node agree. */
export interface Clock {
	now(): number; // seconds
	sleep(seconds: number): Promise<void>;
}

const realClock: Clock = {
	now: () => Date.now() / 1000,
	sleep: async (seconds) => await sleep(seconds * 1000),
};

let clock: Clock = realClock;

export function setClock(next?: Clock) {
	clock = next ?? realClock;
}

export function getClock(): Clock {
	return clock;
}

const PLANS: Record<Plan, { burst: number; drain: number } | undefined> = {
	standard: { burst: 50, drain: 2 },
	enterprise: { burst: 250, drain: 5 },
	none: undefined,
};

/** The share of the documented operating budget (480 s per 10 min) after which a method is paced. */
const OPERATING_BUDGET = 480;
const OPERATING_SLOWDOWN = 0.85;

interface MethodBudget {
	operating: number;
	resetAt?: number;
}

/**
 * A leaky bucket that mirrors Bitrix24's, one per portal for the whole n8n process: it spends the
 * burst, then paces at the drain rate. The server drains in whole-second steps, so the client keeps
 * one second of drain in reserve and never overtakes it.
 */
class PortalLimiter {
	private level = 0;

	private updated = clock.now();

	private queue: Promise<void> = Promise.resolve();

	readonly methods = new Map<string, MethodBudget>();

	constructor(private plan: Plan) {}

	setPlan(plan: Plan) {
		this.plan = plan;
	}

	private drain() {
		const limits = PLANS[this.plan];
		const now = clock.now();
		if (limits) this.level = Math.max(0, this.level - (now - this.updated) * limits.drain);
		this.updated = now;
	}

	/** Waits for a slot; callers are served in arrival order. */
	async acquire(): Promise<void> {
		const turn = this.queue.then(async () => {
			const limits = PLANS[this.plan];
			if (!limits) return;
			const capacity = limits.burst - limits.drain;
			this.drain();
			if (this.level + 1 > capacity) {
				await clock.sleep((this.level + 1 - capacity) / limits.drain);
				this.drain();
			}
			this.level += 1;
		});
		this.queue = turn.catch(() => undefined);
		await turn;
	}

	/** After a 503 the server's bucket is full: assume so and back off. */
	saturate() {
		const limits = PLANS[this.plan];
		this.drain();
		if (limits) this.level = Math.max(this.level, limits.burst);
	}

	observe(method: string, time: unknown) {
		if (!time || typeof time !== 'object') return;
		const { operating, operating_reset_at: resetAt } = time as { operating?: number; operating_reset_at?: number };
		if (typeof operating !== 'number') return;
		const current = this.methods.get(method);
		if (current && current.operating > operating && current.resetAt && clock.now() < current.resetAt) {
			// batch sub-results arrive out of order; keep the highest figure inside one window
			return;
		}
		this.methods.set(method, { operating, resetAt: typeof resetAt === 'number' ? resetAt : current?.resetAt });
	}

	/** Seconds to hold back calls of this method before its budget runs out (0 when there is room). */
	pacing(method: string): number {
		const budget = this.methods.get(method);
		if (!budget || budget.operating < OPERATING_BUDGET * OPERATING_SLOWDOWN) return 0;
		if (!budget.resetAt) return 0;
		return Math.max(0, budget.resetAt - clock.now());
	}

	resetAtFor(method: string): number | undefined {
		return this.methods.get(method)?.resetAt;
	}
}

const limiters = new Map<string, PortalLimiter>();

export function limiterFor(portalKey: string, plan: Plan): PortalLimiter {
	let limiter = limiters.get(portalKey);
	if (!limiter) {
		limiter = new PortalLimiter(plan);
		limiters.set(portalKey, limiter);
	}
	limiter.setPlan(plan);
	return limiter;
}

/** Forgets all portals (tests and benchmarks start from an empty bucket). */
export function resetLimiters() {
	limiters.clear();
}

export type { PortalLimiter };
