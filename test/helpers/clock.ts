import type { Clock } from '../../nodes/Bitrix24/transport/limiter';
import { setClock } from '../../nodes/Bitrix24/transport/limiter';

/** A limiter clock that never really sleeps: waits only move virtual time forward and are recorded. */
export function useFakeClock(): Clock & { waits: number[]; restore(): void } {
	let now = Date.now() / 1000;
	const clock = {
		waits: [] as number[],
		now: () => now,
		sleep: async (seconds: number) => {
			clock.waits.push(seconds);
			now += seconds;
		},
		restore: () => setClock(),
	};
	setClock(clock);
	return clock;
}
