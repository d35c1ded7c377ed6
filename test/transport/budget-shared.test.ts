/**
 * The operating-time budget when other n8n processes (queue-mode workers) spend the same webhook's
 * budget: this process sees their spending only in the server's figures, and not at all in a batch
 * refused outright (its commands carry no `time`).
 */
import { limiterFor, resetLimiters, setClock } from '../../nodes/Bitrix24/transport/limiter';
import { useFakeClock } from '../helpers/clock';

afterEach(() => {
	setClock();
	resetLimiters();
});

test('a batch refused outright marks the method full: the process holds its other calls until the oldest basket expires', async () => {
	const clock = useFakeClock();
	const limiter = limiterFor('shared.bitrix24.com', 'standard', 3);
	const start = clock.now();
	// one create of ours answered: the server holds 460 s, most of it spent by the other processes
	limiter.observe('webhook', 'crm.deal.add', { start, processing: 0.1, operating: 460, operating_reset_at: Math.floor(start) + 540 }, start);
	await clock.sleep(2);
	// room for one more batch of 50 (5 s) as far as this process knows
	expect(limiter.operatingWait('webhook', { 'crm.deal.add': 50 }).seconds).toBe(0);

	// the others spent the rest meanwhile: all 50 refused, none ran
	const wait = limiter.refusedFor('webhook', 'crm.deal.add', 50, false);

	// until the oldest basket (the one operating_reset_at names) expires
	expect(wait).toBeCloseTo(Math.floor(start) + 541 - clock.now(), 5);
	// and the process's next batch waits as long instead of going out to be refused as well
	expect(limiter.operatingWait('webhook', { 'crm.deal.add': 50 })).toEqual({ seconds: expect.closeTo(wait, 5), method: 'crm.deal.add' });
	// after that basket expires the method has its budget back
	await clock.sleep(wait);
	expect(limiter.operatingWait('webhook', { 'crm.deal.add': 50 }).seconds).toBe(0);
});
