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

/**
 * Bitrix24's operating-time budget: the server seconds each method may spend per credential in a
 * rolling 10 minutes, kept in one-minute baskets that expire 10 minutes after their first call
 * (480 s in the docs' example; self-hosted portals default to 420 s).
 */
const OPERATING_BUDGET = 480;
const OPERATING_WINDOW = 600;
const OPERATING_BASKET = 60;

interface Basket {
	startedAt: number; // server clock
	total: number;
}

interface MethodBudget {
	/** This process's copy of the server's baskets for the method, on the server's clock. */
	baskets: Basket[];
	/** Server seconds one call costs (average of the answers' time.processing). */
	perCall: number;
	resetAt?: number;
	limit: number;
	/** Predicted cost of calls sent and not answered yet. */
	inFlight: number;
}

const num = (value: unknown): number | undefined => (typeof value === 'number' && Number.isFinite(value) ? value : undefined);

/**
 * A leaky bucket that mirrors Bitrix24's, one per portal for the whole n8n process: it spends the
 * burst, then paces at the drain rate. The server drains in whole-second steps, so the client keeps
 * one second of drain in reserve and never overtakes it. When several n8n processes call the same
 * portal (queue-mode workers), each keeps to an equal share of burst and drain: their limiters
 * cannot see each other, and together the shares stay inside the portal's bucket.
 */
class PortalLimiter {
	private level = 0;

	private updated = clock.now();

	private queue: Promise<void> = Promise.resolve();

	readonly methods = new Map<string, MethodBudget>();

	constructor(
		private plan: Plan,
		private processes = 1,
	) {}

	setPlan(plan: Plan, processes?: number) {
		this.plan = plan;
		if (processes !== undefined) this.processes = processes;
	}

	/** This process's share of the portal's bucket (undefined: no limits). */
	private limits(): { burst: number; drain: number } | undefined {
		const limits = PLANS[this.plan];
		if (!limits) return undefined;
		return { burst: limits.burst / this.processes, drain: limits.drain / this.processes };
	}

	private drain() {
		const limits = this.limits();
		const now = clock.now();
		if (limits) this.level = Math.max(0, this.level - (now - this.updated) * limits.drain);
		this.updated = now;
	}

	/** Waits for a slot; callers are served in arrival order. */
	async acquire(): Promise<void> {
		const turn = this.queue.then(async () => {
			const limits = this.limits();
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
		const limits = this.limits();
		this.drain();
		if (limits) this.level = Math.max(this.level, limits.burst);
	}

	/** The server's clock minus ours, from the last call's time.start: operating_reset_at is server time. */
	private skew = 0;

	private serverNow(): number {
		return clock.now() + this.skew;
	}

	/** Budgets are per webhook or app (`owner`) and method; undefined until an answer told us about it. */
	private known(owner: string, method: string): MethodBudget | undefined {
		return this.methods.get(`${owner}\u0000${method}`);
	}

	private budget(owner: string, method: string): MethodBudget {
		let budget = this.known(owner, method);
		if (!budget) {
			budget = { baskets: [], perCall: 0, limit: OPERATING_BUDGET, inFlight: 0 };
			this.methods.set(`${owner}\u0000${method}`, budget);
		}
		return budget;
	}

	private live(budget: MethodBudget, at = this.serverNow()): number {
		budget.baskets = budget.baskets.filter((basket) => basket.startedAt + OPERATING_WINDOW > at);
		return budget.baskets.reduce((sum, basket) => sum + basket.total, 0);
	}

	/**
	 * Records one answer's `time` (a call's, or a batch command's from result_time, in execution
	 * order). The server's `operating` figure first corrects the copy (other clients and earlier runs
	 * spend the same budget), then the call's cost goes into the basket the server put it in.
	 * `sentAt` (our clock when a top-level call went out) sets the clock difference.
	 */
	observe(owner: string, method: string, time: unknown, sentAt?: number) {
		if (!time || typeof time !== 'object') return;
		const t = time as Record<string, unknown>;
		const start = num(t.start);
		if (sentAt !== undefined && start !== undefined) this.skew = start - sentAt;
		const operating = num(t.operating);
		if (operating === undefined) return; // no operating limit on this portal
		const budget = this.budget(owner, method);
		const before = this.live(budget);
		const processing = num(t.processing);
		const cost = processing !== undefined && processing > 0 ? processing : Math.max(0, operating - before);
		// operating_reset_at is a whole second, rounded down: the basket may live up to a second longer
		const reset = num(t.operating_reset_at);
		const resetAt = reset === undefined ? undefined : reset + 1;
		if (resetAt !== undefined) budget.resetAt = resetAt;
		// first what others spent (other workflows, earlier runs), then this call, as the server filled its baskets
		let excess = operating - cost - before;
		if (excess > 0) {
			// when it was spent is unknown: assume the oldest basket, the one operating_reset_at names
			const oldest = budget.baskets[0];
			if (resetAt !== undefined && (!oldest || resetAt - OPERATING_WINDOW < oldest.startedAt)) {
				budget.baskets.unshift({ startedAt: resetAt - OPERATING_WINDOW, total: excess });
			} else if (oldest) oldest.total += excess;
		}
		while (excess < 0 && budget.baskets.length) {
			// the server holds less: the oldest baskets went first
			const oldest = budget.baskets[0];
			const take = Math.min(oldest.total, -excess);
			oldest.total -= take;
			excess += take;
			if (oldest.total <= 0) budget.baskets.shift();
		}
		if (cost > 0) {
			budget.perCall = budget.perCall ? budget.perCall * 0.8 + cost * 0.2 : cost;
			const at = start ?? this.serverNow();
			const last = budget.baskets[budget.baskets.length - 1];
			if (last && at < last.startedAt + OPERATING_BASKET) last.total += cost;
			else budget.baskets.push({ startedAt: at, total: cost });
		}
	}

	/**
	 * Seconds until every method of a call has budget left for its commands (the outer `batch`
	 * included), and the method that waits longest. A method that costs x s per call with y s of
	 * budget left gets y/x more calls; beyond that, the wait lasts until enough of the oldest
	 * baskets expire. One call of headroom absorbs a call that costs more than the average.
	 */
	operatingWait(owner: string, needs: Record<string, number>): { seconds: number; method?: string } {
		let longest: { seconds: number; method?: string } = { seconds: 0 };
		const now = this.serverNow();
		for (const [method, count] of Object.entries(needs)) {
			const budget = this.known(owner, method);
			if (!budget || !budget.perCall) continue;
			const need = count * budget.perCall;
			const ceiling = budget.limit - budget.perCall;
			let usage = this.live(budget, now) + budget.inFlight;
			let at = now;
			for (const basket of budget.baskets) {
				if (usage + need <= ceiling) break;
				at = basket.startedAt + OPERATING_WINDOW;
				usage -= basket.total;
			}
			// every basket the server holds expires within one window from now
			const seconds = Math.min(at - now, OPERATING_WINDOW);
			if (seconds > longest.seconds) longest = { seconds, method };
		}
		return longest;
	}

	/** Counts a call's predicted cost until its answer is in, so concurrent callers leave room for it. */
	charge(owner: string, needs: Record<string, number>): () => void {
		const charged: Array<[MethodBudget, number]> = [];
		for (const [method, count] of Object.entries(needs)) {
			const budget = this.known(owner, method);
			if (!budget || !budget.perCall) continue;
			budget.inFlight += count * budget.perCall;
			charged.push([budget, count * budget.perCall]);
		}
		return () => {
			for (const [budget, cost] of charged) budget.inFlight = Math.max(0, budget.inFlight - cost);
		};
	}

	/**
	 * Bitrix24 refused `count` calls of a method (OPERATION_TIME_LIMIT): seconds until it takes them.
	 * `fresh`: the same answer carried the server's figure (commands of the method ran just before);
	 * a refusal below the assumed 480 s then means a smaller configured budget (self-hosted: 420 s).
	 */
	refusedFor(owner: string, method: string, count = 1, fresh = false): number {
		const budget = this.budget(owner, method);
		const usage = this.live(budget);
		if (fresh && usage >= budget.limit / 2 && usage < budget.limit) budget.limit = usage;
		else if (!fresh && usage < budget.limit && budget.baskets.length) {
			// the server holds more than this copy (other processes spent it): until the oldest basket
			// expires, no other call of this process should go out and be refused as well
			budget.baskets[0].total += budget.limit - usage;
		}
		const wait = this.operatingWait(owner, { [method]: count }).seconds;
		if (wait > 0) return wait;
		// no picture of the baskets: the next reset the server named, else the next one-minute basket
		const now = this.serverNow();
		return budget.resetAt && budget.resetAt > now ? Math.min(budget.resetAt - now, OPERATING_WINDOW) : OPERATING_BASKET;
	}
}

const limiters = new Map<string, PortalLimiter>();

/**
 * The process-wide limiter of one portal. `processes` is how many n8n processes share the portal's
 * bucket (the credential's setting); callers that only read budgets leave it out.
 */
export function limiterFor(portalKey: string, plan: Plan, processes?: number): PortalLimiter {
	const share = processes === undefined ? undefined : Math.max(1, Math.floor(processes) || 1);
	let limiter = limiters.get(portalKey);
	if (!limiter) {
		limiter = new PortalLimiter(plan, share);
		limiters.set(portalKey, limiter);
	}
	limiter.setPlan(plan, share);
	return limiter;
}

/** Forgets all portals (tests and benchmarks start from an empty bucket). */
export function resetLimiters() {
	limiters.clear();
}

export type { PortalLimiter };
