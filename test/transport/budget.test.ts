/**
 * The operating-time budget (480 s of server time per method per 10 minutes, per credential):
 * batches are paced by the methods inside them, refused commands are re-sent alone, and a long
 * import finishes. The emulator bills each batch command to its own method, as the docs say; its
 * clock is driven by the node's waits and the server time it bills (test/helpers/driven.ts).
 */
import { Logger } from '@n8n/backend-common';
import { Container } from '@n8n/di';
import type { IDataObject } from 'n8n-workflow';

import { FROZEN, useDrivenClock } from '../helpers/driven';
import { runNode } from '../helpers/harness';
import { startPortal } from '../helpers/portal';
import type { Portal } from '../helpers/portal';

const titles = (prefix: string, count: number) => Array.from({ length: count }, (_, i) => ({ title: `${prefix} ${i}` }));
const create = { resource: 'deal', operation: 'create', TITLE: '={{ $json.title }}' };

/** Deals whose title starts with the prefix, and how many titles appear more than once. */
function written(portal: Portal, prefix: string) {
	const deals = portal.emu.store.all('deal').filter((deal) => String(deal.TITLE).startsWith(`${prefix} `));
	return { count: deals.length, duplicated: deals.length - new Set(deals.map((deal) => deal.TITLE)).size };
}

describe('operating-time budget', () => {
	let portal: Portal;
	let clock: ReturnType<typeof useDrivenClock>;
	let info: jest.SpyInstance;

	afterEach(async () => {
		clock.restore();
		info.mockRestore();
		await portal.stop();
	});

	async function start(cost: number, plan: 'none' | 'standard' = 'none') {
		portal = await startPortal({ plan, timeScale: FROZEN, operatingLimitSeconds: 480, cost: { add: cost } }, plan);
		clock = useDrivenClock(portal.emu);
		info = jest.spyOn(Container.get(Logger), 'info');
	}

	test('a batch of creates whose method is at its budget waits for the oldest basket instead of failing', async () => {
		await start(1);
		// 450 of the 480 s, spent over 450 s of server time: the next 50 creates (50 s) do not fit
		const firstCall = clock.now();
		await portal.run(create, { items: titles('Fill', 450) });
		expect(portal.emu.operating('crm.deal.add').operating).toBeCloseTo(450, 5);
		const waitsBefore = clock.waits.length;
		const paced = clock.now();
		portal.emu.clearLog();

		const out = await portal.run(create, { items: titles('Paced', 100) });

		expect(out.map((item) => typeof item.json.id)).toEqual(Array(100).fill('number'));
		expect(written(portal, 'Paced')).toEqual({ count: 100, duplicated: 0 });
		// nothing was refused: the node waited before sending
		const counters = portal.emu.counters();
		expect(counters.operationTimeLimit).toBe(0);
		expect(portal.emu.calls('batch').map((call) => call.status)).toEqual([200, 200]);
		expect(portal.emu.subCalls('crm.deal.add').map((call) => call.status)).toEqual(Array(100).fill(200));
		// one wait, until the first basket (the fill's first 60 s) expires 10 minutes after its first call
		expect(clock.waits.slice(waitsBefore)).toEqual([expect.closeTo(firstCall + 600 - paced, 0)]);
		expect(info).toHaveBeenCalledWith(expect.stringMatching(/^Bitrix24: crm\.deal\.add is at its operating-time budget; waiting \d+ s \(0 of 100 items done\)$/));
		expect(info.mock.calls.join(' ')).not.toContain(portal.emu.webhook.code);
	});

	test('commands refused with OPERATION_TIME_LIMIT are re-sent alone under their keys; those that ran are not', async () => {
		await start(1);
		// another client of the same webhook spends 460 s the node never saw
		for (let sent = 0; sent < 460; sent += 46) {
			const cmd = Object.fromEntries(Array.from({ length: 46 }, (_, i) => [`o${i}`, `crm.deal.add?fields[TITLE]=Other%20${sent + i}`]));
			const response = await fetch(`${portal.emu.webhookUrl}batch.json`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ halt: 0, cmd }) });
			expect(response.status).toBe(200);
		}
		expect(portal.emu.operating('crm.deal.add').operating).toBeCloseTo(460, 5);
		const from = Math.max(...portal.emu.log.map((entry) => entry.seq));

		const out = await portal.run(create, { items: titles('Refused', 50) });

		expect(out.map((item) => item.json.error)).toEqual(Array(50).fill(undefined));
		expect(written(portal, 'Refused')).toEqual({ count: 50, duplicated: 0 });
		const batches = portal.emu.calls('batch').filter((call) => call.seq > from);
		expect(batches).toHaveLength(2);
		const first = portal.emu.subCalls('crm.deal.add').filter((call) => call.parent === batches[0].seq);
		const second = portal.emu.subCalls('crm.deal.add').filter((call) => call.parent === batches[1].seq);
		const ran = first.filter((call) => call.status === 200).map((call) => call.batchKey);
		const refused = first.filter((call) => call.error === 'OPERATION_TIME_LIMIT').map((call) => call.batchKey);
		// the server runs a command while the total is at most 480 s: 460 + 21 x 1 s
		expect(ran).toHaveLength(21);
		expect(refused).toHaveLength(29);
		// the second batch holds exactly the refused commands, under the same keys and with the same fields
		expect(second.map((call) => call.batchKey)).toEqual(refused);
		expect(second.every((call) => call.status === 200)).toBe(true);
		for (const call of second) {
			const original = first.find((entry) => entry.batchKey === call.batchKey);
			expect(call.params).toEqual(original?.params);
		}
		// each item got the ID of the deal made from its own title
		for (const [index, item] of out.entries()) expect(portal.emu.store.get('deal', Number(item.json.id))?.TITLE).toBe(`Refused ${index}`);
		expect(info).toHaveBeenCalledWith(expect.stringMatching(/^Bitrix24: crm\.deal\.add is at its operating-time budget; waiting \d+ s/));
	});

	test('each webhook has a budget of its own: a full one on the same portal does not hold back another', async () => {
		await start(1);
		await portal.run(create, { items: titles('First', 450) });
		const other = portal.emu.addWebhook();
		portal.credentials.set('other', 'bitrix24WebhookApi', { webhookUrl: other.url, plan: 'none' });
		const waitsBefore = clock.waits.length;

		const out = await runNode({
			credentials: portal.credentials,
			credentialId: 'other',
			credentialType: 'bitrix24WebhookApi',
			parameters: create,
			items: titles('Second', 100).map((json) => ({ json })),
		});

		expect(out.map((item) => typeof item.json.id)).toEqual(Array(100).fill('number'));
		expect(written(portal, 'Second')).toEqual({ count: 100, duplicated: 0 });
		expect(clock.waits.slice(waitsBefore)).toEqual([]);
		expect(portal.emu.operating('crm.deal.add').operating).toBeCloseTo(450, 5);
		expect(portal.emu.counters().operationTimeLimit).toBe(0);
	});

	test('a smaller configured budget (self-hosted default 420 s) is learnt from the first refusal', async () => {
		portal = await startPortal({ plan: 'none', timeScale: FROZEN, operatingLimitSeconds: 420, cost: { add: 1 } }, 'none');
		clock = useDrivenClock(portal.emu);
		info = jest.spyOn(Container.get(Logger), 'info');

		// 1,400 s of adds: more than three windows of 420 s
		const out = await portal.run(create, { items: titles('Smaller', 1400) });

		expect(out.map((item) => item.json.error)).toEqual(Array(1400).fill(undefined));
		expect(written(portal, 'Smaller')).toEqual({ count: 1400, duplicated: 0 });
		// refused once, in the first window only: 421 ran, the other 29 of that batch were re-sent
		expect(portal.emu.counters().operationTimeLimit).toBe(29);
	});

	test('billed the measured way (each batch to `batch`, b24jssdk #539), batches are paced by the budget of `batch`', async () => {
		portal = await startPortal({ plan: 'none', timeScale: FROZEN, operatingLimitSeconds: 480, operatingBilling: 'batch', cost: { add: 1 } }, 'none');
		clock = useDrivenClock(portal.emu);
		info = jest.spyOn(Container.get(Logger), 'info');

		// 12 batches of 50 s each: 600 s of `batch` time, more than one window holds
		const out = await portal.run(create, { items: titles('Measured', 600) });

		expect(out.map((item) => typeof item.json.id)).toEqual(Array(600).fill('number'));
		expect(written(portal, 'Measured')).toEqual({ count: 600, duplicated: 0 });
		expect(portal.emu.counters().operationTimeLimit).toBe(0);
		expect(portal.emu.calls('batch').map((call) => call.status)).toEqual(Array(12).fill(200));
		expect(portal.emu.operating('crm.deal.add').operating).toBe(0);
		expect(info).toHaveBeenCalledWith(expect.stringMatching(/^Bitrix24: batch is at its operating-time budget; waiting \d+ s \(\d+ of 600 items done\)$/));
		expect(Math.max(...clock.waits)).toBeLessThanOrEqual(600);
	});

	test('10,000 creates with the budget on: none lost, none duplicated, no OPERATION_TIME_LIMIT reaches the items', async () => {
		// 0.1 s of server time per add: 1,000 s in all, more than two windows' budget
		await start(0.1, 'standard');
		const out = await portal.run(create, { items: titles('Import', 10000), continueOnFail: true });

		const failed = out.filter((item) => (item.json as IDataObject).error !== undefined);
		expect(failed).toEqual([]);
		expect(new Set(out.map((item) => item.json.id)).size).toBe(10000);
		expect(written(portal, 'Import')).toEqual({ count: 10000, duplicated: 0 });
		const counters = portal.emu.counters();
		expect(counters.bySubMethod['crm.deal.add']).toBe(10000 + counters.operationTimeLimit);
		expect(counters.queryLimitExceeded).toBe(0);
		// every 10-minute window holds at most 480 s: 1,000 s of adds need two full windows plus 40 s
		expect(clock.elapsed()).toBeGreaterThanOrEqual(1240);
		expect(clock.elapsed()).toBeLessThan(1240 * 1.1);
		expect(Math.max(...clock.waits)).toBeLessThanOrEqual(600);
	});
});
