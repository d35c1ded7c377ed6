/**
 * The instant trigger against the emulator: event.bind / event.get / event.unbind in n8n's webhook
 * lifecycle (n8n-core HookContext), real deliveries from the emulator's queue to a local receiver
 * that runs webhook() in n8n-core's WebhookContext, and Fetch the Record.
 */
import type { INodeParameters } from 'n8n-workflow';

import { hook } from '../emulator/helpers';
import type { Portal } from '../helpers/portal';
import { startPortal } from '../helpers/portal';
import type { TriggerWorkflow } from './harness';
import { n8nFormBody, Receiver, TriggerWorkflow as Trigger } from './harness';

let portal: Portal;
let receiver: Receiver;

beforeAll(async () => {
	portal = await startPortal({ limits: false, seed: { users: 3 } });
	receiver = new Receiver();
	await receiver.start();
});

afterAll(async () => {
	await portal.stop();
	await receiver.stop();
});

function trigger(parameters: INodeParameters, auth: 'oAuth2' | 'webhook' | 'apiKey' = 'oAuth2'): TriggerWorkflow {
	const wf = new Trigger({ credentials: portal.credentials, auth, type: 'bitrix24Trigger', parameters, webhookBaseUrl: receiver.base });
	receiver.register(wf);
	return wf;
}

interface Bound {
	event: string;
	handler: string;
}

/** What Bitrix24 holds for the app, read straight from the emulator (not through the node). */
async function bindings(): Promise<Bound[]> {
	const token = (portal.credentials.store.get('oAuth2')!.data.oauthTokenData as { access_token: string }).access_token;
	const r = await fetch(`${portal.emu.url}/rest/event.get`, {
		method: 'POST',
		headers: { 'Content-Type': 'application/json' },
		body: JSON.stringify({ auth: token }),
	});
	const body = (await r.json()) as { result: Bound[] };
	return body.result;
}

const forUrl = (list: Bound[], url: string) => list.filter((b) => b.handler.split('?')[0] === url);

async function delivered() {
	await portal.emu.deliveriesSettled();
	// webhook() answers 200 first and may go on (Fetch the Record): wait for it to finish
	await receiver.settled();
}

describe('Subscribe Automatically: lifecycle', () => {
	it('activation binds each event to n8n\'s production URL with a secret; checkExists sees it; deactivation unbinds', async () => {
		const wf = trigger({ mode: 'subscribe', events: ['ONCRMDEALADD', 'ONCRMDEALUPDATE'] });
		const url = wf.productionUrl();
		expect(url).toBe(`${receiver.base}/${wf.webhookId}/webhook`);
		portal.emu.clearLog();

		const { existed } = await wf.activate();
		expect(existed).toBe(false);
		const binds = portal.emu.calls('event.bind');
		expect(binds.map((c) => (c.params as { event: string }).event).sort()).toEqual(['ONCRMDEALADD', 'ONCRMDEALUPDATE']);
		const secret = wf.staticData().secret as string;
		expect(secret).toMatch(/^[A-Za-z0-9_-]{40,}$/);
		for (const call of binds) expect((call.params as { handler: string }).handler).toBe(`${url}?b24secret=${secret}`);

		const own = forUrl(await bindings(), url);
		expect(own.map((b) => b.event).sort()).toEqual(['ONCRMDEALADD', 'ONCRMDEALUPDATE']);
		expect(await wf.checkExists()).toBe(true);

		portal.emu.clearLog();
		expect(await wf.deactivate()).toBe(true);
		expect(portal.emu.calls('event.unbind')).toHaveLength(2);
		expect(forUrl(await bindings(), url)).toHaveLength(0);
		expect(wf.staticData().secret).toBeUndefined();
	});

	it('re-activation leaves exactly one binding per event, with changed events and with lost static data', async () => {
		const wf = trigger({ mode: 'subscribe', events: ['ONCRMLEADADD', 'ONCRMLEADUPDATE'] });
		const url = wf.productionUrl();
		await wf.activate();
		// a second activation with nothing changed: checkExists answers true, nothing is bound again
		portal.emu.clearLog();
		expect((await wf.activate()).existed).toBe(true);
		expect(portal.emu.calls('event.bind')).toHaveLength(0);

		// events changed while inactive: the stale binding is removed, the new one added
		wf.setParameters({ events: ['ONCRMLEADADD', 'ONCRMLEADDELETE'] });
		expect(await wf.checkExists()).toBe(false);
		await wf.activate();
		let own = forUrl(await bindings(), url);
		expect(own.map((b) => b.event).sort()).toEqual(['ONCRMLEADADD', 'ONCRMLEADDELETE']);

		// static data lost (e.g. workflow re-imported): old bindings with the old secret are replaced
		const oldSecret = wf.staticData().secret;
		for (const key of Object.keys(wf.staticData())) delete wf.staticData()[key];
		expect((await wf.activate()).existed).toBe(false);
		own = forUrl(await bindings(), url);
		expect(own.map((b) => b.event).sort()).toEqual(['ONCRMLEADADD', 'ONCRMLEADDELETE']);
		expect(new Set(own.map((b) => b.handler)).size).toBe(1);
		expect(own[0].handler).not.toContain(String(oldSecret));

		// a stray duplicate for this URL (another secret) makes checkExists false and is cleaned up
		await fetch(`${portal.emu.url}/rest/event.bind`, {
			method: 'POST',
			headers: { 'Content-Type': 'application/json' },
			body: JSON.stringify({
				event: 'ONCRMLEADADD',
				handler: `${url}?b24secret=stale`,
				auth: (portal.credentials.store.get('oAuth2')!.data.oauthTokenData as { access_token: string }).access_token,
			}),
		});
		expect(await wf.checkExists()).toBe(false);
		await wf.activate();
		expect(forUrl(await bindings(), url)).toHaveLength(2);
		await wf.deactivate();
		expect(forUrl(await bindings(), url)).toHaveLength(0);
	});

	it('bindings of other workflows are left alone', async () => {
		const a = trigger({ mode: 'subscribe', events: ['ONCRMCONTACTADD'] });
		const b = trigger({ mode: 'subscribe', events: ['ONCRMCONTACTADD'] });
		await a.activate();
		await b.activate();
		await a.deactivate();
		expect(forUrl(await bindings(), a.productionUrl())).toHaveLength(0);
		expect(forUrl(await bindings(), b.productionUrl())).toHaveLength(1);
		await b.deactivate();
	});

	it('per-type smart process events use the Entity Type ID', async () => {
		const wf = trigger({ mode: 'subscribe', events: ['ONCRMDYNAMICITEMADD_{entityTypeId}'], entityTypeId: 147 });
		await wf.activate();
		expect(forUrl(await bindings(), wf.productionUrl()).map((b) => b.event)).toEqual(['ONCRMDYNAMICITEMADD_147']);
		await wf.deactivate();
		const missing = trigger({ mode: 'subscribe', events: ['ONCRMDYNAMICITEMADD_{entityTypeId}'] });
		await expect(missing.activate()).rejects.toThrow(/Entity Type ID/);
	});

	it('with a webhook or API key credential, activation fails with a clear message and nothing is bound', async () => {
		for (const auth of ['webhook', 'apiKey'] as const) {
			const wf = trigger({ mode: 'subscribe', events: ['ONCRMDEALADD'] }, auth);
			portal.emu.clearLog();
			await expect(wf.activate()).rejects.toThrow(/needs a Bitrix24 OAuth2 credential/);
			expect(portal.emu.calls('event.bind')).toHaveLength(0);
			// deactivating such a node is harmless
			expect(await wf.deactivate()).toBe(true);
		}
	});

	it('a failure part-way through binding unbinds what was bound', async () => {
		// an event name Bitrix24 does not know (typed in "Other Event Names") is refused by event.bind
		const wf = trigger({ mode: 'subscribe', events: ['ONCRMDEALADD'], otherEvents: 'ONNOSUCHEVENT' });
		portal.emu.clearLog();
		await expect(wf.activate()).rejects.toThrow(/not found/i);
		expect(portal.emu.calls('event.unbind').map((c) => (c.params as { event: string }).event)).toEqual(['ONCRMDEALADD']);
		expect(forUrl(await bindings(), wf.productionUrl())).toHaveLength(0);
		expect(wf.staticData().secret).toBeUndefined();
	});

	it('Outgoing Webhook mode binds nothing and unbinds nothing', async () => {
		const wf = trigger({ mode: 'outgoingWebhook', applicationToken: 'x', events: [] }, 'webhook');
		portal.emu.clearLog();
		expect((await wf.activate()).existed).toBe(true);
		expect(await wf.deactivate()).toBe(true);
		expect(portal.emu.calls('event.bind')).toHaveLength(0);
		expect(portal.emu.calls('event.unbind')).toHaveLength(0);
	});
});

describe('deliveries from the emulator', () => {
	it('subscribed: a new deal arrives as one clean item, answered 200, and stops after deactivation', async () => {
		const wf = trigger({ mode: 'subscribe', events: ['ONCRMDEALADD'] });
		await wf.activate();
		receiver.outcomes.length = 0;
		const created = await hook(portal.emu, 'crm.item.add', { entityTypeId: 2, fields: { title: 'Trigger deal' } });
		const id = Number(created.body.result.item.id);
		await delivered();
		const mine = receiver.outcomes.filter((o) => o.workflow === wf);
		expect(mine).toHaveLength(1);
		expect(mine[0].items).toEqual([
			expect.objectContaining({ event: 'ONCRMDEALADD', id, entityTypeId: 2, handlerId: expect.any(Number), portal: expect.any(String), ts: expect.stringMatching(/^\d{4}-\d\d-\d\dT/) }),
		]);
		expect(JSON.stringify(mine[0].items)).not.toMatch(/access_token|application_token|refresh_token/);
		const delivery = portal.emu.deliveries.filter((d) => d.handler.startsWith(wf.productionUrl())).pop()!;
		expect(delivery.status).toBe(200);

		await wf.deactivate();
		receiver.outcomes.length = 0;
		await hook(portal.emu, 'crm.item.add', { entityTypeId: 2, fields: { title: 'After deactivation' } });
		await delivered();
		expect(receiver.outcomes.filter((o) => o.workflow === wf)).toHaveLength(0);
	});

	it('a delivery replayed to another workflow\'s URL is refused with 403', async () => {
		const a = trigger({ mode: 'subscribe', events: ['ONCRMCOMPANYADD'] });
		const b = trigger({ mode: 'subscribe', events: ['ONCRMCOMPANYADD'] });
		await a.activate();
		await b.activate();
		receiver.outcomes.length = 0;
		await hook(portal.emu, 'crm.item.add', { entityTypeId: 4, fields: { title: 'Replay Inc' } });
		await delivered();
		const original = receiver.outcomes.find((o) => o.workflow === a)!;
		expect(original.status).toBe(200);
		// an attacker who captured A's request sends it to B's URL, with A's secret or none
		const aSecret = String(a.staticData().secret);
		for (const query of [{ b24secret: aSecret }, {}]) {
			const r = await fetch(`${b.productionUrl()}?${new URLSearchParams(query as Record<string, string>)}`, {
				method: 'POST',
				headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
				body: original.raw,
			});
			expect([401, 403]).toContain(r.status);
		}
		expect(receiver.outcomes.filter((o) => o.workflow === b && o.items.length && o.raw === original.raw)).toHaveLength(0);
		await a.deactivate();
		await b.deactivate();
	});

	it('outgoing webhook (webhook credential): verified by the application token', async () => {
		const wf = trigger({ mode: 'outgoingWebhook', applicationToken: 'outgoing-token-1', events: ['ONCRMLEADADD'] }, 'webhook');
		portal.emu.outgoingWebhook(wf.productionUrl(), ['ONCRMLEADADD'], 'outgoing-token-1');
		const forged = trigger({ mode: 'outgoingWebhook', applicationToken: 'outgoing-token-1', events: ['ONCRMLEADADD'] }, 'webhook');
		portal.emu.outgoingWebhook(forged.productionUrl(), ['ONCRMLEADADD'], 'some-other-token');
		receiver.outcomes.length = 0;
		const created = await hook(portal.emu, 'crm.lead.add', { fields: { TITLE: 'Outgoing lead' } });
		await delivered();
		const ok = receiver.outcomes.find((o) => o.workflow === wf)!;
		expect(ok.items).toEqual([expect.objectContaining({ event: 'ONCRMLEADADD', id: Number(created.body.result), entityTypeId: 1 })]);
		const refused = receiver.outcomes.find((o) => o.workflow === forged)!;
		expect(refused.status).toBe(403);
		expect(refused.items).toHaveLength(0);
	});

	it('task events (FIELDS_AFTER) become id/taskId items', async () => {
		const wf = trigger({ mode: 'subscribe', events: ['ONTASKADD', 'ONTASKCOMMENTADD'] });
		await wf.activate();
		receiver.outcomes.length = 0;
		const task = await hook(portal.emu, 'tasks.task.add', { fields: { TITLE: 'Trigger task', RESPONSIBLE_ID: 1 } });
		const taskId = Number(task.body.result.task.id);
		const comment = await hook(portal.emu, 'task.commentitem.add', [taskId, { POST_MESSAGE: 'hello' }]);
		await delivered();
		const items = receiver.outcomes.filter((o) => o.workflow === wf).flatMap((o) => o.items);
		expect(items).toEqual(
			expect.arrayContaining([
				expect.objectContaining({ event: 'ONTASKADD', id: taskId, taskId }),
				expect.objectContaining({ event: 'ONTASKCOMMENTADD', id: Number(comment.body.result), taskId }),
			]),
		);
		await wf.deactivate();
	});
});

describe('Fetch the Record', () => {
	it('adds the deal read with crm.item.get', async () => {
		const wf = trigger({ mode: 'subscribe', events: ['ONCRMDEALUPDATE'], options: { fetchRecord: true } });
		await wf.activate();
		const created = await hook(portal.emu, 'crm.item.add', { entityTypeId: 2, fields: { title: 'Before' } });
		const id = Number(created.body.result.item.id);
		receiver.outcomes.length = 0;
		portal.emu.clearLog();
		await hook(portal.emu, 'crm.item.update', { entityTypeId: 2, id, fields: { title: 'After' } });
		await delivered();
		const item = receiver.outcomes.find((o) => o.workflow === wf)!.items[0];
		expect(item).toMatchObject({ event: 'ONCRMDEALUPDATE', id, record: { id, title: 'After' } });
		expect(portal.emu.calls('crm.item.get')).toHaveLength(1);
		await wf.deactivate();
	});

	it('a record deleted before it is read gives the event with a note, not a failure', async () => {
		const wf = trigger({ mode: 'subscribe', events: ['ONCRMDEALUPDATE'], options: { fetchRecord: true } });
		await wf.activate();
		const created = await hook(portal.emu, 'crm.item.add', { entityTypeId: 2, fields: { title: 'Doomed' } });
		const id = Number(created.body.result.item.id);
		await hook(portal.emu, 'crm.item.delete', { entityTypeId: 2, id });
		const body = new URLSearchParams({
			event: 'ONCRMDEALUPDATE',
			event_handler_id: '1',
			'data[FIELDS][ID]': String(id),
			ts: String(Math.floor(Date.now() / 1000)),
			'auth[domain]': 'example',
		}).toString();
		const out = await wf.receive({ body: n8nFormBody(body), query: { b24secret: String(wf.staticData().secret) } });
		expect(out.status).toBe(200);
		expect(out.items).toEqual([expect.objectContaining({ event: 'ONCRMDEALUPDATE', id, record: null, note: expect.stringMatching(/deleted/) })]);
		await wf.deactivate();
	});

	it('DELETE events skip fetching', async () => {
		const wf = trigger({ mode: 'subscribe', events: ['ONCRMDEALDELETE'], options: { fetchRecord: true } });
		await wf.activate();
		const created = await hook(portal.emu, 'crm.item.add', { entityTypeId: 2, fields: { title: 'To delete' } });
		const id = Number(created.body.result.item.id);
		receiver.outcomes.length = 0;
		portal.emu.clearLog();
		await hook(portal.emu, 'crm.item.delete', { entityTypeId: 2, id });
		await delivered();
		expect(receiver.outcomes.find((o) => o.workflow === wf)!.items[0]).toMatchObject({ event: 'ONCRMDEALDELETE', id, record: null });
		expect(portal.emu.calls('crm.item.get')).toHaveLength(0);
		await wf.deactivate();
	});

	it('tasks, task comments, smart process items and users are read with their own methods', async () => {
		const type = await hook(portal.emu, 'crm.type.add', { fields: { title: 'Trigger SPA' } });
		const entityTypeId = Number(type.body.result.type.entityTypeId);
		const wf = trigger({
			mode: 'subscribe',
			events: ['ONTASKUPDATE', 'ONTASKCOMMENTADD', 'ONCRMDYNAMICITEMADD_{entityTypeId}'],
			entityTypeId,
			options: { fetchRecord: true },
		});
		await wf.activate();
		const task = await hook(portal.emu, 'tasks.task.add', { fields: { TITLE: 'Fetch me', RESPONSIBLE_ID: 1 } });
		const taskId = Number(task.body.result.task.id);
		receiver.outcomes.length = 0;
		await hook(portal.emu, 'tasks.task.update', { taskId, fields: { TITLE: 'Fetched' } });
		await hook(portal.emu, 'task.commentitem.add', [taskId, { POST_MESSAGE: 'a comment' }]);
		const spa = await hook(portal.emu, 'crm.item.add', { entityTypeId, fields: { title: 'SPA item' } });
		await delivered();
		const items = receiver.outcomes.filter((o) => o.workflow === wf).flatMap((o) => o.items);
		expect(items.find((i) => i.event === 'ONTASKUPDATE')).toMatchObject({ id: taskId, record: { id: String(taskId), title: 'Fetched' } });
		expect(items.find((i) => i.event === 'ONTASKCOMMENTADD')).toMatchObject({ taskId, record: { POST_MESSAGE: 'a comment' } });
		expect(items.find((i) => i.event === `ONCRMDYNAMICITEMADD_${entityTypeId}`)).toMatchObject({
			id: Number(spa.body.result.item.id),
			entityTypeId,
			record: { title: 'SPA item' },
		});
		await wf.deactivate();

		const users = trigger({ mode: 'outgoingWebhook', applicationToken: 'u-token', events: ['ONUSERADD'], options: { fetchRecord: true } }, 'webhook');
		const body = new URLSearchParams({ event: 'ONUSERADD', 'data[ID]': '1', 'auth[application_token]': 'u-token' }).toString();
		const out = await users.receive({ body: n8nFormBody(body) });
		expect(out.items[0]).toMatchObject({ event: 'ONUSERADD', id: 1, record: { ID: expect.anything() } });
	});
});
