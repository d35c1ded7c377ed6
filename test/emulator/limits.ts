// Cloud limits: a leaky bucket per portal (503 QUERY_LIMIT_EXCEEDED) and the
// per-credential, per-method operating time over a rolling 10 minutes
// (429 OPERATION_TIME_LIMIT). Both run on the virtual clock.
import type { VirtualClock } from './clock';
import type { Plan } from './types';

const PLANS: Record<Exclude<Plan, 'none'>, { size: number; drain: number }> = {
	standard: { size: 50, drain: 2 },
	enterprise: { size: 250, drain: 5 },
};

interface Competitor {
	rate: number;
	nextAt: number;
	stopped: boolean;
}

export class LeakyBucket {
	level = 0;
	private lastTick: number;
	private competitors: Competitor[] = [];

	constructor(private clock: VirtualClock, public plan: Plan, public enabled = true) {
		this.lastTick = Math.floor(clock.now());
	}

	get size(): number {
		return this.plan === 'none' ? Infinity : PLANS[this.plan].size;
	}

	get drain(): number {
		return this.plan === 'none' ? 0 : PLANS[this.plan].drain;
	}

	/**
	 * Replay time up to now: the counter falls by `drain` once per whole second
	 * (stepped, as the docs describe) and competing clients add their requests.
	 */
	private advance(): void {
		const now = this.clock.now();
		if (!this.competitors.some((c) => !c.stopped)) {
			// no competitor: jump over the whole idle period at once
			const ticks = Math.floor(now - this.lastTick);
			if (ticks > 0) {
				this.level = Math.max(0, this.level - ticks * this.drain);
				this.lastTick += ticks;
			}
			return;
		}
		for (;;) {
			const tick = this.lastTick + 1;
			let comp: Competitor | undefined;
			for (const c of this.competitors) if (!c.stopped && (!comp || c.nextAt < comp.nextAt)) comp = c;
			const compAt = comp ? comp.nextAt : Infinity;
			if (tick > now && compAt > now) break;
			if (tick <= compAt) {
				this.level = Math.max(0, this.level - this.drain);
				this.lastTick = tick;
			} else if (comp) {
				if (this.level < this.size) this.level += 1; // a rejected competitor request adds nothing
				comp.nextAt += 1 / comp.rate;
			}
		}
	}

	/** True when the request may run (and was counted); false = 503. Rejected requests add nothing. */
	take(): boolean {
		if (!this.enabled || this.plan === 'none') return true;
		this.advance();
		if (this.level >= this.size) return false;
		this.level += 1;
		return true;
	}

	peek(): number {
		this.advance();
		return this.level;
	}

	reset(): void {
		this.level = 0;
		this.lastTick = Math.floor(this.clock.now());
	}

	/** Another client on the same portal and IP, at `rate` requests per virtual second. */
	competitor(rate: number): { stop(): void } {
		this.advance();
		const c: Competitor = { rate: Math.max(rate, 1e-6), nextAt: this.clock.now(), stopped: false };
		this.competitors.push(c);
		return {
			stop: () => {
				this.advance();
				c.stopped = true;
			},
		};
	}
}

interface Basket {
	startedAt: number;
	total: number;
}

export const WINDOW = 600;
export const BASKET = 60;

export class OperatingTime {
	private baskets = new Map<string, Basket[]>();

	constructor(private clock: VirtualClock, public limit: number, public enabled = true) {}

	private live(key: string): Basket[] {
		const now = this.clock.now();
		const list = (this.baskets.get(key) || []).filter((b) => b.startedAt + WINDOW > now);
		this.baskets.set(key, list);
		return list;
	}

	/** Seconds used in the window and when the oldest basket drops out. */
	status(credential: string, method: string): { operating: number; resetAt?: number } {
		const list = this.live(`${credential}\u0000${method}`);
		const operating = list.reduce((s, b) => s + b.total, 0);
		return { operating, resetAt: list.length ? list[0].startedAt + WINDOW : undefined };
	}

	/** Checked before the call: only a method already over the limit is blocked. */
	blocked(credential: string, method: string): boolean {
		if (!this.enabled) return false;
		return this.status(credential, method).operating > this.limit;
	}

	add(credential: string, method: string, seconds: number): void {
		if (!this.enabled || seconds <= 0) return;
		const key = `${credential}\u0000${method}`;
		const list = this.live(key);
		const now = this.clock.now();
		let last = list[list.length - 1];
		if (!last || now >= last.startedAt + BASKET) {
			last = { startedAt: now, total: 0 };
			list.push(last);
		}
		last.total += seconds;
	}

	reset(): void {
		this.baskets.clear();
	}
}
