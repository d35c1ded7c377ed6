/** Bitrix24's form-encoded event payloads into clean items, and the check of every request's origin. */
import { eventItem, parseEventBody } from '../../nodes/Bitrix24Trigger/payload';
import { describeEvent, resolveEventNames } from '../../nodes/Bitrix24Trigger/events';
import { handlerBase, handlerUrl, secretsMatch } from '../../nodes/Bitrix24Trigger/verify';
import { MemoryCredentials } from '../helpers/harness';
import { FakeResponse, n8nFormBody, TriggerWorkflow } from './harness';

const TOKEN = 'app-token-5f3c9a1e';

/** What Bitrix24 posts, as the raw form string. */
function form(fields: Record<string, string | number>): string {
	return new URLSearchParams(Object.entries(fields).map(([k, v]): [string, string] => [k, String(v)])).toString();
}

function dealAdd(token = TOKEN, extra: Record<string, string | number> = {}): string {
	return form({
		event: 'ONCRMDEALADD',
		event_handler_id: 185,
		'data[FIELDS][ID]': 7405,
		ts: 1766047124,
		'auth[domain]': 'example.bitrix24.com',
		'auth[client_endpoint]': 'https://example.bitrix24.com/rest/',
		'auth[server_endpoint]': 'https://oauth.bitrix.info/rest/',
		'auth[member_id]': 'member-1',
		'auth[access_token]': 'access-secret-123',
		'auth[refresh_token]': 'refresh-secret-456',
		'auth[application_token]': token,
		...extra,
	});
}

describe('payload parsing', () => {
	it('folds n8n\'s flat form keys into nested data and a clean item', () => {
		const payload = parseEventBody(n8nFormBody(dealAdd()));
		expect(payload.data).toEqual({ FIELDS: { ID: '7405' } });
		expect((payload.auth as Record<string, string>).application_token).toBe(TOKEN);
		const item = eventItem(payload);
		expect(item).toEqual({
			event: 'ONCRMDEALADD',
			id: 7405,
			entityTypeId: 2,
			ts: new Date(1766047124 * 1000).toISOString(),
			portal: 'example.bitrix24.com',
			handlerId: 185,
			data: { FIELDS: { ID: '7405' } },
		});
	});

	it('drops every auth value: no token of any kind reaches the item', () => {
		const item = eventItem(parseEventBody(n8nFormBody(dealAdd())));
		const text = JSON.stringify(item);
		for (const secret of [TOKEN, 'access-secret-123', 'refresh-secret-456', 'member-1']) expect(text).not.toContain(secret);
		expect(item.auth).toBeUndefined();
	});

	it('reads the same from an already nested body, a raw string and a Buffer', () => {
		const nested = {
			event: 'ONCRMDEALADD',
			event_handler_id: '185',
			data: { FIELDS: { ID: '7405' } },
			ts: '1766047124',
			auth: { domain: 'example.bitrix24.com', application_token: TOKEN },
		};
		const expected = eventItem(parseEventBody(n8nFormBody(dealAdd())));
		expect(eventItem(parseEventBody(nested))).toEqual(expected);
		expect(eventItem(parseEventBody(dealAdd()))).toEqual(expected);
		expect(eventItem(parseEventBody(Buffer.from(dealAdd())))).toEqual(expected);
	});

	it('smart process items carry ENTITY_TYPE_ID; per-type event names are understood', () => {
		const raw = form({ event: 'ONCRMDYNAMICITEMUPDATE_147', 'data[FIELDS][ID]': 12, 'data[FIELDS][ENTITY_TYPE_ID]': 147, ts: 1766047124 });
		const item = eventItem(parseEventBody(n8nFormBody(raw)));
		expect(item).toMatchObject({ event: 'ONCRMDYNAMICITEMUPDATE_147', id: 12, entityTypeId: 147 });
		expect(describeEvent('ONCRMDYNAMICITEMUPDATE_147')).toMatchObject({ family: 'crmDynamic', entityTypeId: 147, action: 'update' });
	});

	it('tasks: the ID comes from FIELDS_AFTER, or FIELDS_BEFORE on delete; comments carry TASK_ID', () => {
		const add = form({ event: 'ONTASKADD', 'data[FIELDS_BEFORE]': 'undefined', 'data[FIELDS_AFTER][ID]': 31, 'data[IS_ACCESSIBLE_BEFORE]': 'N' });
		expect(eventItem(parseEventBody(n8nFormBody(add)))).toMatchObject({ event: 'ONTASKADD', id: 31, taskId: 31 });
		const del = form({ event: 'ONTASKDELETE', 'data[FIELDS_BEFORE][ID]': 32, 'data[FIELDS_AFTER]': 'undefined' });
		expect(eventItem(parseEventBody(n8nFormBody(del)))).toMatchObject({ event: 'ONTASKDELETE', id: 32, taskId: 32 });
		const comment = form({ event: 'ONTASKCOMMENTADD', 'data[FIELDS_AFTER][ID]': 501, 'data[FIELDS_AFTER][TASK_ID]': 31 });
		expect(eventItem(parseEventBody(n8nFormBody(comment)))).toMatchObject({ event: 'ONTASKCOMMENTADD', id: 501, taskId: 31 });
	});

	it('lists become arrays, and prototype keys are ignored', () => {
		const raw = form({ event: 'ONCRMACTIVITYADD', 'data[FIELDS][ID]': 9, 'data[LIST][0]': 'a', 'data[LIST][1]': 'b', '__proto__[polluted]': 'yes', 'data[constructor][x]': 1 });
		const payload = parseEventBody(n8nFormBody(raw));
		expect((payload.data as Record<string, unknown>).LIST).toEqual(['a', 'b']);
		expect(({} as Record<string, unknown>).polluted).toBeUndefined();
		expect(eventItem(payload)).toMatchObject({ event: 'ONCRMACTIVITYADD', id: 9 });
	});

	it('event names: per-type placeholders need an Entity Type ID', () => {
		expect(resolveEventNames(['ONCRMDEALADD', 'ONCRMDYNAMICITEMADD_{entityTypeId}'], 147)).toEqual(['ONCRMDEALADD', 'ONCRMDYNAMICITEMADD_147']);
		expect(() => resolveEventNames(['ONCRMDYNAMICITEMADD_{entityTypeId}'], 0)).toThrow(/Entity Type ID/);
	});
});

describe('secrets', () => {
	it('compares in constant time, whatever the lengths', () => {
		expect(secretsMatch('abc', 'abc')).toBe(true);
		expect(secretsMatch('abc', 'abd')).toBe(false);
		expect(secretsMatch('abc', 'abcdef')).toBe(false);
		expect(secretsMatch('', '')).toBe(false);
		expect(secretsMatch(undefined, 'abc')).toBe(false);
		expect(secretsMatch(['abc'], 'abc')).toBe(false);
		expect(secretsMatch('abc', undefined)).toBe(false);
	});

	it('handler URLs carry the secret; the base ignores it', () => {
		const url = handlerUrl('https://n8n.example.com/webhook/abc/webhook', 's3cr3t');
		expect(url).toBe('https://n8n.example.com/webhook/abc/webhook?b24secret=s3cr3t');
		expect(handlerBase(url)).toBe(handlerBase('https://n8n.example.com/webhook/abc/webhook'));
	});
});

describe('verification of incoming requests (webhook() in n8n-core WebhookContext)', () => {
	const credentials = new MemoryCredentials();
	credentials.set('webhook', 'bitrix24WebhookApi', { webhookUrl: 'http://127.0.0.1:1/rest/1/abcdefgh/' });
	credentials.set('oAuth2', 'bitrix24OAuth2Api', { portalUrl: 'http://127.0.0.1:1', clientId: 'c', clientSecret: 's', oauthTokenData: { access_token: 'a' } });

	const outgoing = (token: string, events: string[] = []) =>
		new TriggerWorkflow({ credentials, auth: 'webhook', type: 'bitrix24Trigger', parameters: { mode: 'outgoingWebhook', applicationToken: token, events } });
	const subscribed = (secret: string) => {
		const wf = new TriggerWorkflow({ credentials, auth: 'oAuth2', type: 'bitrix24Trigger', parameters: { mode: 'subscribe', events: ['ONCRMDEALADD'] } });
		Object.assign(wf.staticData(), { secret });
		return wf;
	};

	it('outgoing webhook: the right application token starts the workflow with a 200', async () => {
		const out = await outgoing(TOKEN).receive({ body: n8nFormBody(dealAdd()) });
		expect(out.status).toBe(200);
		expect(out.result.noWebhookResponse).toBe(true);
		expect(out.items).toHaveLength(1);
		expect(out.items[0]).toMatchObject({ event: 'ONCRMDEALADD', id: 7405 });
	});

	it('outgoing webhook: a forged token gets 403 and starts nothing', async () => {
		const res = new FakeResponse();
		const out = await outgoing(TOKEN).receive({ body: n8nFormBody(dealAdd('forged-token')) }, res);
		expect(out.status).toBe(403);
		expect(out.result).toEqual({ noWebhookResponse: true });
		expect(out.items).toHaveLength(0);
		expect(res.body).not.toContain(TOKEN);
	});

	it('outgoing webhook: a missing token gets 401 and starts nothing', async () => {
		const raw = dealAdd().replace(/&auth%5Bapplication_token%5D=[^&]*/, '');
		expect(raw).not.toContain('application_token');
		const out = await outgoing(TOKEN).receive({ body: n8nFormBody(raw) });
		expect(out.status).toBe(401);
		expect(out.items).toHaveLength(0);
	});

	it('outgoing webhook: a node without a configured token refuses everything', async () => {
		const out = await outgoing('').receive({ body: n8nFormBody(dealAdd()) });
		expect(out.status).toBe(403);
		expect(out.items).toHaveLength(0);
	});

	it('outgoing webhook: a valid body replayed to another workflow (other token) is refused', async () => {
		expect((await outgoing('another-workflows-token').receive({ body: n8nFormBody(dealAdd()) })).status).toBe(403);
	});

	it('outgoing webhook: events not chosen are acknowledged and ignored', async () => {
		const out = await outgoing(TOKEN, ['ONCRMLEADADD']).receive({ body: n8nFormBody(dealAdd()) });
		expect(out.status).toBe(200);
		expect(out.items).toHaveLength(0);
	});

	it('outgoing webhook: with no events chosen, every event the webhook sends passes', async () => {
		const raw = dealAdd().replace('ONCRMDEALADD', 'ONCRMREQUISITEADD');
		const out = await outgoing(TOKEN).receive({ body: n8nFormBody(raw) });
		expect(out.status).toBe(200);
		expect(out.items).toEqual([expect.objectContaining({ event: 'ONCRMREQUISITEADD', id: 7405 })]);
	});

	it('subscribe: the handler secret in the URL decides; missing 401, wrong 403, right 200', async () => {
		const wf = subscribed('secret-A');
		expect((await wf.receive({ body: n8nFormBody(dealAdd()) })).status).toBe(401);
		expect((await wf.receive({ body: n8nFormBody(dealAdd()), query: { b24secret: 'secret-B' } })).status).toBe(403);
		const ok = await wf.receive({ body: n8nFormBody(dealAdd()), query: { b24secret: 'secret-A' } });
		expect(ok.status).toBe(200);
		expect(ok.items).toHaveLength(1);
	});

	it('subscribe: a valid request replayed to another workflow\'s URL fails (different secret)', async () => {
		const a = subscribed('secret-of-A');
		const b = subscribed('secret-of-B');
		const valid = { body: n8nFormBody(dealAdd()), query: { b24secret: 'secret-of-A' } };
		expect((await a.receive(valid)).items).toHaveLength(1);
		const replay = await b.receive(valid);
		expect(replay.status).toBe(403);
		expect(replay.items).toHaveLength(0);
	});

	it('subscribe: before activation (no secret stored) nothing is accepted', async () => {
		const wf = subscribed('');
		expect((await wf.receive({ body: n8nFormBody(dealAdd()), query: { b24secret: 'anything' } })).status).toBe(403);
	});
});
