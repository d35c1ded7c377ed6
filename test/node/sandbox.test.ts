/**
 * The sandbox's example workflow (scripts/sandbox) against a portal seeded as `npm start` seeds it:
 * every value it saves in a dropdown is one the portal lists (nothing opens flagged invalid), and its
 * Bitrix24 nodes run.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { IDataObject, INodeParameters, INodeProperties } from 'n8n-workflow';

import { Bitrix24 } from '../../nodes/Bitrix24/Bitrix24.node';
import { editorMethod } from '../helpers/harness';
import { startPortal } from '../helpers/portal';
import type { Portal } from '../helpers/portal';

const dir = path.join(__dirname, '..', '..', 'scripts', 'sandbox');
const sandbox = JSON.parse(fs.readFileSync(path.join(dir, 'portal.json'), 'utf8')) as { seed: Record<string, number>; dealPipelines: string[] };

let portal: Portal;
let nodes: Array<{ name: string; type: string; typeVersion: number; parameters: INodeParameters }>;
beforeAll(async () => {
	portal = await startPortal({ seed: { ...sandbox.seed, openlines: 1 } });
	for (const name of sandbox.dealPipelines) {
		await portal.json({ resource: 'system', operation: 'callMethod', methodName: 'crm.category.add', parameters: JSON.stringify({ entityTypeId: 2, fields: { name } }) });
	}
	// the placeholders start.mjs fills in
	const session = portal.emu.store.all('olSession')[0];
	const text = fs
		.readFileSync(path.join(dir, 'example-workflow.json'), 'utf8')
		.split('__AUTH__')
		.join('webhook')
		.split('__SESSION_ID__')
		.join(String(session.ID))
		.split('__CLOSE_DISABLED__')
		.join('false');
	nodes = (JSON.parse(text) as { nodes: typeof nodes }).nodes.filter((node) => node.type === 'n8n-nodes-b24.bitrix24');
});
afterAll(async () => await portal.stop());

/** The dropdowns the node shows for these parameters: top-level ones and those inside its collections. */
function shownDropdowns(version: number, parameters: INodeParameters): Array<{ value: unknown; property: INodeProperties }> {
	const { properties } = new Bitrix24().getNodeType(version).description;
	const shown = (property: INodeProperties) =>
		Object.entries(property.displayOptions?.show ?? {}).every(([name, values]) => (values as unknown[]).includes(parameters[name]));
	const out: Array<{ value: unknown; property: INodeProperties }> = [];
	for (const property of properties.filter(shown)) {
		if (property.typeOptions?.loadOptionsMethod && property.name in parameters) out.push({ value: parameters[property.name], property });
		if (property.type !== 'collection') continue;
		const values = (parameters[property.name] ?? {}) as IDataObject;
		for (const option of property.options as INodeProperties[]) {
			if (option.typeOptions?.loadOptionsMethod && option.name in values) out.push({ value: values[option.name], property: option });
		}
	}
	return out;
}

test('every value the example workflow saves in a dropdown is one the sandbox portal lists', async () => {
	let checked = 0;
	for (const node of nodes) {
		for (const { value, property } of shownDropdowns(node.typeVersion, node.parameters)) {
			const method = property.typeOptions!.loadOptionsMethod as string;
			const options = (await editorMethod(portal.credentials, 'bitrix24WebhookApi', 'webhook', 'loadOptions', method, node.parameters, [], node.typeVersion)) as Array<{
				value: unknown;
			}>;
			expect([node.name, property.name, options.some((option) => option.value === value)]).toEqual([node.name, property.name, true]);
			checked++;
		}
	}
	expect(checked).toBeGreaterThanOrEqual(6);
});

test('the example workflow uses node version 2 and its Bitrix24 nodes run', async () => {
	expect(nodes.map((node) => node.typeVersion)).toEqual([2, 2, 2]);
	const [getMany, create, close] = nodes;
	expect(await portal.json(getMany.parameters, { typeVersion: 2 })).toHaveLength(10);
	const [created] = await portal.json(create.parameters, { typeVersion: 2 });
	expect(Number(created.id)).toBeGreaterThan(0);
	const deal = portal.emu.store.get('deal', Number(created.id))!;
	expect(deal).toMatchObject({ CURRENCY_ID: 'USD', STAGE_ID: 'NEW', SOURCE_ID: 'WEB', TYPE_ID: 'SALE' });
	expect((await portal.json(close.parameters, { typeVersion: 2 }))[0].closed).toBe(true);
});
