/**
 * The instant trigger's event list against the documented one (scripts/events.mjs, from the b24restdocs
 * event pages): how many it offers, that it offers nothing undocumented, "Other Event Names", and
 * live bindings and deliveries of events beyond CRM through the emulator.
 */
import { readFileSync } from 'fs';
import { join } from 'path';

import type { INodeParameters } from 'n8n-workflow';

import { Bitrix24Trigger } from '../../nodes/Bitrix24Trigger/Bitrix24Trigger.node';
import { EVENT_OPTIONS, OFFERED, TYPED_EVENT_VALUES, otherEventNames } from '../../nodes/Bitrix24Trigger/events';
import { eventItem, parseEventBody } from '../../nodes/Bitrix24Trigger/payload';
import type { Portal } from '../helpers/portal';
import { startPortal } from '../helpers/portal';
import type { TriggerWorkflow } from './harness';
import { Receiver, TriggerWorkflow as Trigger, n8nFormBody } from './harness';

interface Documented {
	name: string;
	group: string;
	label: string;
	doc: string;
	payload: string[];
	appOnly: boolean;
	deprecated: boolean;
}

const root = join(__dirname, '..', '..');
const read = (file: string) => JSON.parse(readFileSync(join(root, file), 'utf8')) as { source: string; events: Documented[] };
// the emulator's copy is the reference: the node's own list must be the same generated file
const documented = read('test/emulator/catalog/events.json');
const nodeCopy = read('nodes/Bitrix24Trigger/eventCatalog.json');
const byName = new Map(documented.events.map((e) => [e.name, e]));
const current = documented.events.filter((e) => !e.deprecated);
const offeredValues = EVENT_OPTIONS.map((o) => String(o.value));

describe('the documented event list', () => {
	it('is generated from the docs: 150+ current events with doc pages, and the node carries the same list', () => {
		expect(documented.source).toMatch(/^bitrix24\/b24restdocs@[0-9a-f]{8}/);
		expect(current.length).toBeGreaterThanOrEqual(150);
		for (const e of documented.events) {
			expect(e.doc).toMatch(/^api-reference\/.+\.md$/);
			expect(e.name).toMatch(/^(ON[A-Z0-9_]+|[A-Z]+(\.[A-Z]+)*\.ON\.[A-Z]+)$/);
		}
		expect(nodeCopy).toEqual(documented);
		// the ones a reader knows from the pages, with what their payload carries
		expect(byName.get('ONCRMDEALADD')).toMatchObject({ group: 'Deal', payload: ['data.FIELDS.ID'], appOnly: false });
		expect(byName.get('ONTASKUPDATE')?.payload).toEqual(expect.arrayContaining(['data.FIELDS_AFTER.ID', 'data.FIELDS_BEFORE.ID']));
		expect(byName.get('ONCRMDEALMOVETOCATEGORY')?.appOnly).toBe(true);
		expect(byName.get('ONOPENLINEMESSAGEADD')?.appOnly).toBe(true);
		expect(byName.get('ONCRMINVOICEADD')?.deprecated).toBe(true);
	});

	it('the trigger offers at least 140 current documented events and nothing undocumented', () => {
		const offeredCurrent = offeredValues.filter((v) => byName.get(v) && !byName.get(v)!.deprecated);
		expect(offeredCurrent.length).toBeGreaterThanOrEqual(140);
		for (const value of offeredValues) {
			if (TYPED_EVENT_VALUES.includes(value)) {
				// the per-type smart process events: the documented ONCRMDYNAMICITEM* with the type's ID
				expect(byName.has(value.replace('_{entityTypeId}', ''))).toBe(true);
			} else {
				expect(byName.has(value)).toBe(true);
			}
		}
		expect(new Set(offeredValues).size).toBe(offeredValues.length);
	});

	it('options are grouped "Area: What Happened", unique and sorted, and app-only events say so', () => {
		const names = EVENT_OPTIONS.map((o) => o.name);
		expect(new Set(names).size).toBe(names.length);
		expect([...names].sort((a, b) => a.localeCompare(b))).toEqual(names);
		for (const o of EVENT_OPTIONS) expect(o.name).toMatch(/^[A-Z][\w ().-]*: \S/);
		expect(EVENT_OPTIONS.find((o) => o.value === 'CATALOG.PRODUCT.ON.ADD')).toMatchObject({ name: 'Catalog Product: Created' });
		expect(EVENT_OPTIONS.find((o) => o.value === 'ONCRMDEALMOVETOCATEGORY')?.description).toMatch(/application only/);
		// events only the registering app receives stay out of the list
		expect(offeredValues).not.toContain('ONOPENLINEMESSAGEADD');
		expect(offeredValues).not.toContain('ONIMBOTMESSAGEADD');
	});

	it('every value a saved workflow may hold is still offered, in both modes', () => {
		const saved = [
			...['LEAD', 'DEAL', 'CONTACT', 'COMPANY', 'QUOTE', 'DYNAMICITEM', 'ACTIVITY', 'TIMELINECOMMENT'].flatMap((e) => ['ADD', 'UPDATE', 'DELETE'].map((a) => `ONCRM${e}${a}`)),
			...['TASK', 'TASKCOMMENT', 'CALENDARENTRY', 'CALENDARSECTION', 'SONETGROUP'].flatMap((e) => ['ADD', 'UPDATE', 'DELETE'].map((a) => `ON${e}${a}`)),
			'ONCRMDEALMOVETOCATEGORY', 'ONUSERADD', 'ONVOXIMPLANTCALLINIT', 'ONVOXIMPLANTCALLSTART', 'ONVOXIMPLANTCALLEND', 'ONEXTERNALCALLSTART', 'ONEXTERNALCALLBACKSTART',
			...['ADD', 'UPDATE', 'DELETE'].map((a) => `ONCRMDYNAMICITEM${a}_{entityTypeId}`),
		];
		const props = new Bitrix24Trigger().description.properties.filter((p) => p.name === 'events');
		expect(props).toHaveLength(2);
		for (const prop of props) {
			const values = (prop.options ?? []).map((o) => (o as { value: string }).value);
			for (const v of saved) expect(values).toContain(v);
		}
		expect(OFFERED.length).toBe(offeredValues.length - TYPED_EVENT_VALUES.length);
	});

	it('Other Event Names: any case, commas or spaces; a malformed name is refused with its name', () => {
		expect(otherEventNames('onCrmDealAdd, catalog.product.on.update  ONNEWTHING_2')).toEqual(['ONCRMDEALADD', 'CATALOG.PRODUCT.ON.UPDATE', 'ONNEWTHING_2']);
		expect(otherEventNames('')).toEqual([]);
		expect(() => otherEventNames('ONCRMDEALADD, crm.deal.add')).toThrow(/"crm\.deal\.add" in "Other Event Names"/);
		// when an event arrives the node skips what activation would have refused
		expect(otherEventNames('ONCRMDEALADD, onGood bad!', true)).toEqual(['ONCRMDEALADD', 'ONGOOD']);
	});

	it('every documented payload shape becomes an item with its event and, where the page has one, its ID', () => {
		let withId = 0;
		for (const e of documented.events) {
			const form = new URLSearchParams({ event: e.name, event_handler_id: '3', ts: '1766047124', 'auth[application_token]': 'secret-token' });
			// each ID-like leaf gets its own number, so the item's id shows which path it was read from
			const idValue = new Map<string, number>();
			e.payload.forEach((path, k) => {
				const [, ...keys] = path.replace(/\[\]/g, '.0').replace('{id}', '5').split('.');
				if (!keys.length) return;
				const leaf = keys[keys.length - 1];
				if (/^(ID|id|POST_ID|CALL_ID)$/.test(leaf)) idValue.set(path, 1000 + k);
				form.set(`data${keys.map((key) => `[${key}]`).join('')}`, idValue.has(path) ? String(idValue.get(path)) : `v-${leaf}`);
			});
			const item = eventItem(parseEventBody(n8nFormBody(form.toString())));
			expect(item.event).toBe(e.name);
			expect(JSON.stringify(item)).not.toContain('secret-token');
			const idPaths = e.payload.filter((p) => /^data(\.FIELDS|\.FIELDS_AFTER|\.FIELDS_BEFORE)?\.(ID|id|POST_ID|CALL_ID)$/.test(p));
			if (idPaths.length) {
				// the record's ID: the record after the change, else before it, else FIELDS (ID, id, POST_ID), else data (ID, id, CALL_ID)
				const order = ['data.FIELDS_AFTER.ID', 'data.FIELDS_BEFORE.ID', 'data.FIELDS.ID', 'data.FIELDS.id', 'data.FIELDS.POST_ID', 'data.ID', 'data.id', 'data.CALL_ID'];
				const documented = order.find((path) => idPaths.includes(path))!;
				expect({ event: e.name, id: item.id }).toEqual({ event: e.name, id: idValue.get(documented) });
				withId++;
			}
		}
		expect(withId).toBeGreaterThan(120);
	});
});

describe('events beyond CRM, live through the emulator', () => {
	let portal: Portal;
	let receiver: Receiver;

	beforeAll(async () => {
		portal = await startPortal({ limits: false, seed: { users: 2 } });
		receiver = new Receiver();
		await receiver.start();
	});

	afterAll(async () => {
		await portal.stop();
		await receiver.stop();
	});

	function trigger(parameters: INodeParameters): TriggerWorkflow {
		const wf = new Trigger({ credentials: portal.credentials, auth: 'oAuth2', type: 'bitrix24Trigger', parameters, webhookBaseUrl: receiver.base });
		receiver.register(wf);
		return wf;
	}

	it('binds listed and typed-in events, and each delivery becomes an item with its ID', async () => {
		const wf = trigger({ mode: 'subscribe', events: ['CATALOG.PRODUCT.ON.ADD', 'ONBOOKINGADD'], otherEvents: 'onLiveFeedPostAdd, OnCrmTypeAdd' });
		portal.emu.clearLog();
		await wf.activate();
		const bound = portal.emu.calls('event.bind').map((c) => (c.params as { event: string }).event);
		expect(bound.sort()).toEqual(['CATALOG.PRODUCT.ON.ADD', 'ONBOOKINGADD', 'ONCRMTYPEADD', 'ONLIVEFEEDPOSTADD']);

		receiver.outcomes.length = 0;
		portal.emu.fireEvent('CATALOG.PRODUCT.ON.ADD', { ID: 11 });
		portal.emu.fireEvent('ONBOOKINGADD', { ID: 12 });
		portal.emu.fireEvent('ONLIVEFEEDPOSTADD', { POST_ID: 13 });
		portal.emu.fireEvent('ONCRMTYPEADD', { ID: 14 });
		// bound by another workflow only: not delivered here
		portal.emu.fireEvent('ONCRMCURRENCYADD', { ID: 'EUR' });
		await portal.emu.deliveriesSettled();
		await receiver.settled();
		const items = receiver.outcomes.filter((o) => o.workflow === wf).flatMap((o) => o.items);
		expect(items.map((i) => [i.event, i.id]).sort()).toEqual([
			['CATALOG.PRODUCT.ON.ADD', 11],
			['ONBOOKINGADD', 12],
			['ONCRMTYPEADD', 14],
			['ONLIVEFEEDPOSTADD', 13],
		]);
		expect(items.find((i) => i.event === 'CATALOG.PRODUCT.ON.ADD')?.data).toMatchObject({ FIELDS: { ID: '11', TYPE: expect.any(String) } });
		await wf.deactivate();
	});

	it('outgoing webhook: typed-in names filter deliveries like listed ones', async () => {
		const wf = new Trigger({
			credentials: portal.credentials,
			auth: 'webhook',
			type: 'bitrix24Trigger',
			parameters: { mode: 'outgoingWebhook', applicationToken: 'tok-1', events: [], otherEvents: 'onBookingAdd' },
			webhookBaseUrl: receiver.base,
		});
		const send = (event: string) =>
			wf.receive({ body: n8nFormBody(new URLSearchParams({ event, 'data[ID]': '8', 'auth[application_token]': 'tok-1' }).toString()) });
		const booked = await send('ONBOOKINGADD');
		expect(booked.items).toEqual([expect.objectContaining({ event: 'ONBOOKINGADD', id: 8 })]);
		const other = await send('ONCRMDEALADD');
		expect(other.status).toBe(200);
		expect(other.body).toContain('ignored');
		expect(other.items).toHaveLength(0);
	});

	it('a malformed typed-in name fails activation before anything is bound; an undocumented one is refused by Bitrix24', async () => {
		const typo = trigger({ mode: 'subscribe', events: ['ONCRMDEALADD'], otherEvents: 'crm.deal.add' });
		portal.emu.clearLog();
		await expect(typo.activate()).rejects.toThrow(/"crm\.deal\.add" in "Other Event Names"/);
		expect(portal.emu.calls('event.bind')).toHaveLength(0);
		const outgoing = trigger({ mode: 'outgoingWebhook', applicationToken: 't', otherEvents: 'not an event' });
		await expect(outgoing.activate()).rejects.toThrow(/"not" in "Other Event Names"/);

		const unknown = trigger({ mode: 'subscribe', events: ['ONCRMDEALADD'], otherEvents: 'ONNOSUCHEVENT' });
		portal.emu.clearLog();
		await expect(unknown.activate()).rejects.toThrow(/not found/i);
		const binds = portal.emu.calls('event.bind');
		expect(binds.map((c) => [(c.params as { event: string }).event, c.status])).toEqual([
			['ONCRMDEALADD', 200],
			['ONNOSUCHEVENT', 400],
		]);
		// the binding made before the refusal was removed again
		expect(portal.emu.calls('event.unbind').map((c) => (c.params as { event: string }).event)).toEqual(['ONCRMDEALADD']);
	});
});
