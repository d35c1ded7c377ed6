import { sleep } from 'n8n-workflow';

import type { Clock } from '../../nodes/Bitrix24/transport/limiter';
import { setClock } from '../../nodes/Bitrix24/transport/limiter';

/**
 * The limiter's clock for time-scaled runs: waits take 1/scale of their length in real time but count
 * in full, while work (HTTP, parsing) counts as it really takes. Paired with an emulator on the same
 * scale, both sides drain the bucket at the documented rate in virtual seconds.
 */
export function useWarpClock(scale: number): Clock & { elapsed(): number; waited(): number; restore(): void } {
	const started = Date.now() / 1000;
	let offset = 0;
	let waited = 0;
	const clock = {
		now: () => Date.now() / 1000 + offset,
		sleep: async (seconds: number) => {
			if (seconds <= 0) return;
			waited += seconds;
			const real = seconds / scale;
			offset += seconds - real;
			await sleep(real * 1000);
		},
		elapsed: () => Date.now() / 1000 + offset - started,
		waited: () => waited,
		restore: () => setClock(),
	};
	setClock(clock);
	return clock;
}
