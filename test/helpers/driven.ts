import type { Clock } from '../../nodes/Bitrix24/transport/limiter';
import { setClock } from '../../nodes/Bitrix24/transport/limiter';
import type { Emulator } from './portal';

/** An emulator time scale that keeps its clock still: only the driven clock moves it. */
export const FROZEN = 1e-9;

/**
 * One clock for the node's limiter and an emulator started with `timeScale: FROZEN`: virtual time
 * moves only by the node's waits and by the server time the emulator bills for the calls it ran
 * (Bitrix24 runs them one after another, so that time passes on the portal too). The operating
 * baskets, the leaky bucket and the limiter then agree to the second, however long the real
 * processing takes; a warp clock lets the emulator run ahead while the node works.
 */
export function useDrivenClock(emu: Emulator): Clock & { waits: number[]; elapsed(): number; restore(): void } {
	const started = emu.virtualNow();
	let credited = emu.counters().serverSeconds;
	const sync = () => {
		const spent = emu.counters().serverSeconds;
		// clearLog() starts the emulator's count again
		if (spent > credited) emu.advanceTime(spent - credited);
		credited = spent;
	};
	const clock = {
		waits: [] as number[],
		now: () => {
			sync();
			return emu.virtualNow();
		},
		sleep: async (seconds: number) => {
			if (seconds <= 0) return;
			clock.waits.push(seconds);
			sync();
			emu.advanceTime(seconds);
			await new Promise((resolve) => setImmediate(resolve));
		},
		elapsed: () => {
			sync();
			return emu.virtualNow() - started;
		},
		restore: () => setClock(),
	};
	setClock(clock);
	return clock;
}
