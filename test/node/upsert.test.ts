/** Find by Phone or Email and Create or Update (leads, contacts, companies; node version 2). */
import type { IDataObject } from 'n8n-workflow';

import { measure, startPortal } from '../helpers/portal';
import type { Portal } from '../helpers/portal';

let portal: Portal;
beforeAll(async () => (portal = await startPortal({ seed: { contacts: 30, users: 2 } })));
afterAll(async () => await portal.stop());

const measured = async (run: () => Promise<IDataObject[]>) => await measure(portal, run);

/** Contacts created through the node, one per email; returns their IDs. */
async function contacts(emails: string[], phone?: string): Promise<number[]> {
	const out = await portal.json(
		{
			resource: 'contact',
			operation: 'create',
			NAME: 'Known',
			multifields: { email: [{ value: '={{ $json.email }}', valueType: 'WORK' }], ...(phone ? { phone: [{ value: phone, valueType: 'MOBILE' }] } : {}) },
		},
		{ items: emails.map((email) => ({ email })) },
	);
	return out.map((item) => Number(item.id));
}

const withEmail = (email: string) => portal.emu.store.all('contact').filter((rec) => ((rec.EMAIL ?? []) as IDataObject[]).some((entry) => String(entry.VALUE).toLowerCase() === email));

describe('Find by Phone or Email', () => {
	test('returns the whole records that have one of the values; an item with no match has no output', async () => {
		const [ann] = await contacts(['ann.find@example.com'], '+1 (555) 010-2030');
		const { output, http } = await measured(
			async () => await portal.json({ resource: 'contact', operation: 'findByComm', matchBy: '={{ $json.by }}', matchValues: '={{ $json.values }}' }, {
				items: [
					{ by: 'EMAIL', values: 'ANN.find@example.com, nobody@example.com' },
					{ by: 'PHONE', values: '15550102030' },
					{ by: 'EMAIL', values: 'nobody@example.com' },
				],
			}),
		);
		expect(http.map((entry) => entry.method)).toEqual(['batch', 'batch']);
		expect(output).toEqual([expect.objectContaining({ ID: String(ann), NAME: 'Known' }), expect.objectContaining({ ID: String(ann) })]);
		expect(output[0].EMAIL).toEqual([expect.objectContaining({ VALUE: 'ann.find@example.com' })]);
	});

	test('a record deleted between the lookup and the read is left out; another read error fails the item', async () => {
		const [first, second] = await contacts(['twice.find@example.com', 'twice.find@example.com']);
		portal.emu.faults.inject({ kind: 'batchCommandError', method: 'crm.contact.get', batchKey: 'i1', error: '', description: 'Not found', times: 1 });
		const kept = await portal.json({ resource: 'contact', operation: 'findByComm', matchBy: 'EMAIL', matchValues: 'twice.find@example.com' });
		expect(kept.map((record) => record.ID)).toEqual([String(first)]);
		portal.emu.faults.inject({ kind: 'batchCommandError', method: 'crm.contact.get', batchKey: 'i0', error: 'ACCESS_DENIED', description: 'Access denied', times: 1 });
		const [failed] = await portal.json({ resource: 'contact', operation: 'findByComm', matchBy: 'EMAIL', matchValues: 'twice.find@example.com' }, { continueOnFail: true });
		expect(failed).toMatchObject({ error: expect.stringContaining('Access denied'), code: 'ACCESS_DENIED' });
		expect(second).toBeGreaterThan(first);
	});

	test('more than 20 values fail the item before anything is sent', async () => {
		const values = Array.from({ length: 21 }, (_, k) => `v${k}@example.com`).join(', ');
		const { output, http } = await measured(async () => await portal.json({ resource: 'contact', operation: 'findByComm', matchBy: 'EMAIL', matchValues: values }, { continueOnFail: true }));
		expect(http).toEqual([]);
		expect(output[0].error).toBe('Emails or Phones holds 21 values; crm.duplicate.findbycomm looks up 1 to 20 [item 0]');
	});
});

describe('Create or Update', () => {
	test('100 items, 50 known and 50 new: 4 calls, each item says created or updated with its ID', async () => {
		const known = Array.from({ length: 50 }, (_, k) => `known${k}@example.com`);
		const fresh = Array.from({ length: 50 }, (_, k) => `fresh${k}@example.com`);
		const ids = await contacts(known);
		const items = known.flatMap((email, k) => [{ email: email.toUpperCase(), name: `Known ${k}` }, { email: fresh[k], name: `Fresh ${k}` }]);
		const { output, http, commands } = await measured(
			async () =>
				await portal.json(
					{ resource: 'contact', operation: 'upsert', matchBy: 'EMAIL', matchValue: '={{ $json.email }}', NAME: '={{ $json.name }}', additionalFields: { COMMENTS: 'Upserted' } },
					{ items },
				),
		);
		expect(http.map((entry) => entry.method)).toEqual(['batch', 'batch', 'batch', 'batch']);
		expect(commands.filter((entry) => entry.method === 'crm.duplicate.findbycomm')).toHaveLength(100);
		expect(commands.filter((entry) => entry.method === 'crm.contact.update')).toHaveLength(50);
		expect(commands.filter((entry) => entry.method === 'crm.contact.add')).toHaveLength(50);
		expect(output).toHaveLength(100);
		output.forEach((item, k) => {
			if (k % 2 === 0) expect(item).toEqual({ id: ids[k / 2], action: 'updated' });
			else expect(item).toEqual({ id: expect.any(Number), action: 'created' });
		});
		// the known contacts got the new name and no second copy of their email; the new ones carry theirs
		const updated = portal.emu.store.get('contact', ids[7])!;
		expect(updated).toMatchObject({ NAME: 'Known 7', COMMENTS: 'Upserted' });
		expect((updated.EMAIL as IDataObject[]).map((entry) => entry.VALUE)).toEqual(['known7@example.com']);
		const created = portal.emu.store.get('contact', Number(output[15].id))!;
		expect(created).toMatchObject({ NAME: 'Fresh 7', COMMENTS: 'Upserted' });
		expect(created.EMAIL).toEqual([expect.objectContaining({ VALUE: 'fresh7@example.com', VALUE_TYPE: 'WORK' })]);
	});

	test('items of one run with the same new value create one record; the others update it', async () => {
		const { output, http } = await measured(
			async () =>
				await portal.json(
					{ resource: 'contact', operation: 'upsert', matchBy: 'PHONE', matchValue: '={{ $json.phone }}', NAME: '={{ $json.name }}' },
					{ items: [{ phone: '+1 555 777 0001', name: 'First' }, { phone: '1-555-777-0001', name: 'Second' }, { phone: '+15557770001', name: 'Third' }] },
				),
		);
		expect(http.map((entry) => entry.method)).toEqual(['batch', 'crm.contact.add', 'batch']);
		const id = output[0].id;
		expect(output).toEqual([
			{ id: expect.any(Number), action: 'created' },
			{ id, action: 'updated' },
			{ id, action: 'updated' },
		]);
		const rec = portal.emu.store.get('contact', Number(id))!;
		expect(rec.NAME).toBe('Third');
		expect(rec.PHONE).toHaveLength(1);
	});

	test('Return Whole Record adds one batched get and keeps the action', async () => {
		const [id] = await contacts(['whole.upsert@example.com']);
		const { output, http } = await measured(
			async () =>
				await portal.json(
					{ resource: 'contact', operation: 'upsert', matchBy: 'EMAIL', matchValue: '={{ $json.email }}', NAME: 'Whole', returnWholeRecord: true },
					{ items: [{ email: 'whole.upsert@example.com' }, { email: 'whole.new@example.com' }] },
				),
		);
		expect(http.map((entry) => entry.method)).toEqual(['batch', 'batch', 'batch']);
		expect(output).toEqual([
			expect.objectContaining({ action: 'updated', ID: String(id), NAME: 'Whole' }),
			expect.objectContaining({ action: 'created', NAME: 'Whole', EMAIL: [expect.objectContaining({ VALUE: 'whole.new@example.com' })] }),
		]);
		expect(withEmail('whole.new@example.com')).toHaveLength(1);
	});

	test('leads and companies use the same code with their own entity type', async () => {
		const { output, commands, http } = await measured(
			async () => await portal.json({ resource: 'company', operation: 'upsert', matchBy: 'EMAIL', matchValue: 'office@acme.example', TITLE: 'Acme' }),
		);
		expect(http.map((entry) => [entry.method, entry.params])).toEqual([
			['crm.duplicate.findbycomm', { entity_type: 'COMPANY', type: 'EMAIL', values: ['office@acme.example'] }],
			['crm.company.add', expect.objectContaining({ fields: expect.objectContaining({ TITLE: 'Acme' }) })],
		]);
		expect(commands).toEqual([]);
		expect(output).toEqual([{ id: expect.any(Number), action: 'created' }]);
		const again = await portal.json({ resource: 'company', operation: 'upsert', matchBy: 'EMAIL', matchValue: 'OFFICE@acme.example', TITLE: 'Acme 2' });
		expect(again).toEqual([{ id: output[0].id, action: 'updated' }]);
		const lead = await portal.json({ resource: 'lead', operation: 'upsert', matchBy: 'EMAIL', matchValue: 'office@acme.example', TITLE: 'Acme lead' });
		expect(lead).toEqual([{ id: expect.any(Number), action: 'created' }]);
	});

	test('an empty match value fails its item only; version 1 does not know the operation', async () => {
		const output = await portal.json(
			{ resource: 'contact', operation: 'upsert', matchBy: 'PHONE', matchValue: '={{ $json.phone }}', NAME: 'X' },
			{ items: [{ phone: 'n/a' }, { phone: '+1 555 888 0001' }], continueOnFail: true },
		);
		expect(output[0].error).toBe('Email or Phone "n/a" holds no digits to match [item 0]');
		expect(output[1]).toEqual({ id: expect.any(Number), action: 'created' });
		await expect(portal.json({ resource: 'contact', operation: 'upsert', matchBy: 'EMAIL', matchValue: 'a@example.com' }, { typeVersion: 1 })).rejects.toThrow(
			'The operation "upsert" of resource "contact" is not known',
		);
	});
});
