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
import type { OperationCase } from './cases/types';

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

/** Whether a case's output check accepts the given items (it must not accept nothing). */
function passesOn(testCase: OperationCase, items: IDataObject[]): boolean {
	try {
		testCase.output(items);
		return true;
	} catch {
		return false;
	}
}

test('every case checks the request it sent', () => {
	expect(Object.keys(cases).filter((key) => !cases[key].request)).toEqual([]);
});

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
			// every request (batch sub-commands included) sends only documented top-level parameters and every required one
			const offDocs = entries.filter((entry) => entry.undocumented || entry.missing).map(({ method, undocumented, missing }) => ({ method, undocumented, missing }));
			expect(offDocs).toEqual([]);
			const methods = testCase.methods ?? [op.method];
			let first: IDataObject | undefined;
			for (const method of methods) {
				const calls = entries.filter((entry) => entry.method === method.toLowerCase());
				expect({ method, called: calls.length > 0 }).toEqual({ method, called: true });
				for (const call of calls) expect({ method, status: call.status, error: call.error ?? undefined }).toEqual({ method, status: 200, error: undefined });
				first ??= calls[calls.length - 1].params as IDataObject;
			}
			testCase.request?.(first ?? {});
			testCase.output(output);
		});
		// after the run, so a check that reads what its parameters seeded sees the same records
		test('its output check fails on [] and [{}]', () => {
			const testCase = cases[key];
			const passes = [[], [{}]].map((nothing) => ({ nothing, passes: passesOn(testCase, nothing) }));
			// a case that names why it may pass on nothing must still need that reason
			if (testCase.emptyOk ?? testCase.weakOutput) expect(passes.some((run) => run.passes)).toBe(true);
			else expect(passes).toEqual(passes.map(({ nothing }) => ({ nothing, passes: false })));
		});
	},
);
