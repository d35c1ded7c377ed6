/** The editor's dropdowns, through n8n-core's LoadOptionsContext and the same request helper. */
import { loadOptions } from '../helpers/harness';
import { startPortal } from '../helpers/portal';
import type { Portal } from '../helpers/portal';

let portal: Portal;
beforeAll(async () => (portal = await startPortal({ seed: { users: 3 } })));
afterAll(async () => await portal.stop());

const load = async (method: string) => (await loadOptions(portal.credentials, 'bitrix24WebhookApi', 'webhook', method)) as Array<{ name: string; value: string | number }>;

test('deal pipelines start with the default one', async () => {
	await portal.json({ resource: 'system', operation: 'callMethod', methodName: 'crm.category.add', parameters: '{"entityTypeId": 2, "fields": {"name": "Wholesale"}}' });
	const options = await load('getDealPipelines');
	expect(options[0]).toEqual({ name: 'General', value: 0 });
	expect(options.map((o) => o.name)).toContain('Wholesale');
	expect(portal.emu.calls('crm.category.list').pop()!.params).toEqual({ entityTypeId: 2 });
});

test('users are listed by name with their ID as value', async () => {
	const options = await load('getUsers');
	const users = portal.emu.store.all('user').filter((u) => u.ACTIVE !== false && u.ACTIVE !== 'N');
	expect(options).toHaveLength(users.length);
	for (const option of options) expect(option.value).toMatch(/^\d+$/);
	expect(portal.emu.calls('user.get').pop()!.params).toEqual({ FILTER: { ACTIVE: true } });
});

test('currencies come from the portal', async () => {
	await portal.json({ resource: 'system', operation: 'callMethod', methodName: 'crm.currency.add', parameters: '{"fields": {"CURRENCY": "EUR", "AMOUNT_CNT": 1, "AMOUNT": 1.1}}' });
	const options = await load('getCurrencies');
	expect(options).toContainEqual({ name: 'EUR', value: 'EUR' });
});
