/** What the editor, the node creator and an AI agent read: resource names by area, operation descriptions, deprecations. */
import fs from 'node:fs';
import path from 'node:path';

import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { Bitrix24 } from '../../nodes/Bitrix24/Bitrix24.node';
import { Bitrix24PollingTrigger } from '../../nodes/Bitrix24PollingTrigger/Bitrix24PollingTrigger.node';
import { Bitrix24Trigger } from '../../nodes/Bitrix24Trigger/Bitrix24Trigger.node';
import { AREAS } from '../../nodes/Bitrix24/describe';
import index from '../../nodes/Bitrix24/methods/methodIndex.json';
import { operationValue } from '../../nodes/Bitrix24/registry';
import { resources as allResources } from '../../nodes/Bitrix24/resources';

const deprecated = new Map(Object.entries(index.deprecated as Record<string, string>).map(([method, replacement]) => [method.toLowerCase(), replacement]));

const described = (version: number) => {
	const { properties } = new Bitrix24().getNodeType(version).description;
	const resourceOptions = properties.find((p) => p.name === 'resource')!.options as INodePropertyOptions[];
	const operationOptions = (resource: string) =>
		(properties.find((p: INodeProperties) => p.name === 'operation' && p.displayOptions?.show?.resource?.includes(resource))!.options ?? []) as INodePropertyOptions[];
	return { resourceOptions, operationOptions };
};

describe.each([1, 2])('node version %i', (version) => {
	const { resourceOptions, operationOptions } = described(version);
	// resources whose operations all came in a later version are not offered in this one
	const resources = allResources.filter((r) => r.operations.some((o) => (o.since ?? 1) <= version));
	const nameOf = (value: string) => resourceOptions.find((o) => o.value === value)!.name;

	test('every resource option name carries its area, and typing the area lists all of its resources', () => {
		expect(resourceOptions).toHaveLength(resources.length);
		for (const resource of resources) {
			const area = AREAS[resource.group];
			expect(area).toBeDefined();
			const name = nameOf(resource.value);
			expect(area.words.some((word) => name === word || name.startsWith(`${word} `))).toBe(true);
		}
		for (const [group, area] of Object.entries(AREAS).filter(([, a]) => a.words.length === 1)) {
			const typed = area.words[0].toLowerCase();
			const found = resourceOptions.filter((o) => o.name.toLowerCase().includes(typed)).map((o) => o.value);
			expect(found).toEqual(expect.arrayContaining(resources.filter((r) => r.group === group).map((r) => r.value)));
		}
	});

	test('resource values are the saved ones and names are unique', () => {
		expect(resourceOptions.map((o) => o.value).sort()).toEqual(resources.map((r) => r.value).sort());
		expect(new Set(resourceOptions.map((o) => o.name)).size).toBe(resourceOptions.length);
	});

	test('every operation description says what it does, names its key inputs and its method', () => {
		const misses: string[] = [];
		for (const resource of resources) {
			const options = operationOptions(resource.value);
			for (const op of resource.operations.filter((o) => (o.since ?? 1) <= version)) {
				const description = options.find((o) => o.value === operationValue(op, version))!.description ?? '';
				const params = (op.params ?? []).filter((p) => (p.since ?? 1) <= version);
				const required = params.filter((p) => p.required);
				const expected = [...required.map((p) => p.label), ...(!required.length && params.length ? [params[0].label] : []), ...(op.method !== '*' ? [op.method] : [])];
				for (const text of expected) if (!description.includes(text)) misses.push(`${resource.value}.${op.value} lacks "${text}": ${description}`);
				if (description.length <= op.action.length) misses.push(`${resource.value}.${op.value} says no more than its action: ${description}`);
			}
		}
		expect(misses).toEqual([]);
	});

	test('every operation whose method the docs mark deprecated says so, with the replacement; no other does', () => {
		let count = 0;
		for (const resource of resources) {
			const options = operationOptions(resource.value);
			for (const op of resource.operations.filter((o) => (o.since ?? 1) <= version)) {
				const description = options.find((o) => o.value === operationValue(op, version))!.description ?? '';
				const replacement = deprecated.get(op.method.toLowerCase());
				if (replacement === undefined) {
					expect(`${resource.value}.${op.value}: ${description}`).not.toMatch(/Deprecated/);
					continue;
				}
				count++;
				expect(description).toContain(replacement ? `Deprecated: Bitrix24 replaced ${op.method} with ${replacement}.` : `Deprecated: Bitrix24 no longer develops ${op.method}`);
			}
		}
		expect(count).toBeGreaterThan(0);
	});

	test('actions carry their area where the resource name alone is ambiguous, in plain English', () => {
		// the node creator searches Bitrix24's actions by their text only
		const deal = operationOptions('deal');
		expect(deal.find((o) => o.value === 'create')!.action).toBe('Create a CRM deal');
		for (const option of deal) expect(option.action).toMatch(/\bCRM\b/);
		for (const resource of resources.filter((r) => AREAS[r.group]?.actionWord)) {
			const word = AREAS[resource.group].actionWord!;
			for (const option of operationOptions(resource.value)) {
				const action = option.action!;
				expect(action).toMatch(/^[A-Z]/);
				expect(action).not.toMatch(new RegExp(`\\ban ${word}\\b|\\b${word} ${word}\\b`, 'i'));
			}
			const carrying = operationOptions(resource.value).filter((o) => new RegExp(`\\b(${[word, ...AREAS[resource.group].words].join('|')})`, 'i').test(o.action!));
			expect(carrying.length).toBeGreaterThan(0);
		}
	});

	test('no two operations share an action label (node creator entries and AI tool names)', () => {
		const actions = resources.flatMap((r) => operationOptions(r.value).map((o) => o.action));
		expect(actions.filter((a, i) => actions.indexOf(a) !== i)).toEqual([]);
	});
});

describe('node creator', () => {
	const REPO = path.resolve(__dirname, '../..');
	const codex = (node: string) => JSON.parse(fs.readFileSync(path.join(REPO, 'nodes', node, `${node}.node.json`), 'utf8')) as Record<string, unknown>;

	test('the Bitrix24 entry shows the action node\'s description', () => {
		// n8n merges "<name>Trigger" into the action node "<name>" and shows the trigger's description
		// (editor-ui useActionsGeneration), so the trigger carries the action node's text
		const action = new Bitrix24().description;
		const trigger = new Bitrix24Trigger().description;
		expect(trigger.name).toBe(`${action.name}Trigger`);
		expect(trigger.description).toBe(action.description);
		expect(action.description).toMatch(/CRM.*tasks.*Open Lines/);
	});

	test.each([
		['Bitrix24', new Bitrix24().description.name],
		['Bitrix24Trigger', new Bitrix24Trigger().description.name],
		['Bitrix24PollingTrigger', new Bitrix24PollingTrigger().description.name],
	])('%s has a codex file n8n reads (categories, alias, docs) and the build ships', (node, name) => {
		const file = codex(node);
		expect(file.node).toBe(`n8n-nodes-b24.${name}`);
		expect((file.categories as string[]).length).toBeGreaterThan(0);
		expect(file.alias).toEqual(expect.arrayContaining(['CRM', 'Deal', 'Task']));
		expect(file.resources).toMatchObject({ primaryDocumentation: [{ url: expect.stringMatching(/^https:\/\/apidocs\.bitrix24\.com\//) }] });
		// tsc emits the JSON files it includes next to the compiled node, where n8n's loader looks for them
		const build = JSON.parse(fs.readFileSync(path.join(REPO, 'tsconfig.build.json'), 'utf8')) as { include: string[] };
		expect(build.include).toContain('nodes/**/*.json');
	});
});
