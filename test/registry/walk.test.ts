/**
 * Walks the whole operation registry: every operation runs against the emulator with its case, the
 * emulator must have accepted each documented call, and the output must have the documented shape.
 * An operation without a case fails here.
 */
import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { locatorParameter } from '../../nodes/Bitrix24/locators';

import { allOperations } from '../../nodes/Bitrix24/registry';
import type { OperationSpec } from '../../nodes/Bitrix24/types';
import type { Portal } from '../helpers/portal';
import { startSharedPortal } from '../helpers/seed';
import { cases } from './cases';

let portal: Portal;

beforeAll(async () => {
	portal = await startSharedPortal();
});
afterAll(async () => await portal.stop());

const operations = allOperations();

/**
 * Cases name inputs as the specs do; version 2 saves a record-naming input under its locator's name,
 * with the plain ID as value (what n8n keeps of a value typed before the input became a locator).
 */
function asVersion2(op: OperationSpec, parameters: INodeParameters): INodeParameters {
	const out = { ...parameters };
	for (const spec of op.params ?? []) {
		const name = locatorParameter(spec, 2);
		if (name === spec.name || !(spec.name in out)) continue;
		out[name] = out[spec.name];
		delete out[spec.name];
	}
	return out;
}

test('every case belongs to an operation', () => {
	const known = new Set(operations.map(({ resource, op }) => `${resource.value}.${op.value}`));
	expect(Object.keys(cases).filter((key) => !known.has(key))).toEqual([]);
});

describe.each(operations.map(({ resource, op }) => [`${resource.value}.${op.value}`, resource.value, op] as const))(
	'%s',
	(key, resource, op) => {
		test(`runs ${op.method} against the emulator`, async () => {
			const testCase = cases[key];
			expect(testCase).toBeDefined();
			const parameters = typeof testCase.parameters === 'function' ? await testCase.parameters(portal) : (testCase.parameters ?? {});
			const startSeq = portal.emu.log.length ? portal.emu.log[portal.emu.log.length - 1].seq : 0;
			const output = await portal.json({ resource, operation: op.value, ...asVersion2(op, parameters) }, { auth: testCase.auth, items: testCase.items, binary: testCase.binary });
			const entries = portal.emu.log.filter((entry) => entry.seq > startSeq);
			const methods = testCase.methods ?? [op.method];
			let first: IDataObject | undefined;
			for (const method of methods) {
				const calls = entries.filter((entry) => entry.method === method.toLowerCase());
				expect({ method, calls: calls.length }).toEqual({ method, calls: expect.any(Number) });
				expect(calls.length).toBeGreaterThan(0);
				for (const call of calls) expect({ method, status: call.status, error: call.error ?? undefined }).toEqual({ method, status: 200, error: undefined });
				first ??= calls[calls.length - 1].params as IDataObject;
			}
			testCase.request?.(first ?? {});
			testCase.output(output);
		});
	},
);
