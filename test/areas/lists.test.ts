/** Universal list round trip: a list, a field, an element with a property value, changed and removed. */
import type { Portal } from '../helpers/portal';
import { startPortal } from '../helpers/portal';

let portal: Portal;

beforeAll(async () => {
	portal = await startPortal({ limits: false });
});
afterAll(async () => await portal.stop());

test('list → field → element → get → update → delete', async () => {
	const [created] = await portal.json({ resource: 'list', operation: 'create', IBLOCK_TYPE_ID: 'lists', IBLOCK_CODE: 'contracts', NAME: 'Contracts' });
	const list = { IBLOCK_TYPE_ID: 'lists', IBLOCK_ID: String(created.id) };

	const [field] = await portal.json({ resource: 'listField', operation: 'create', ...list, NAME: 'Amount', FIELD_TYPE: 'N', additionalFields: { IS_REQUIRED: true } });
	expect(field.id).toBeDefined();

	const [element] = await portal.json({
		resource: 'listElement',
		operation: 'create',
		...list,
		ELEMENT_CODE: 'c-1',
		NAME: 'Contract 1',
		customFields: { field: [{ name: 'PROPERTY_951', value: '1500' }] },
	});
	const ELEMENT_ID = String(element.id);
	const add = portal.emu.log.filter((e) => e.method === 'lists.element.add').pop()!;
	expect(add.params).toEqual({ ...list, ELEMENT_CODE: 'c-1', FIELDS: { NAME: 'Contract 1', PROPERTY_951: '1500' } });

	expect(await portal.json({ resource: 'listElement', operation: 'get', ...list, listElement: ELEMENT_ID })).toContainEqual(expect.objectContaining({ ID: ELEMENT_ID, NAME: 'Contract 1' }));
	expect(await portal.json({ resource: 'listElement', operation: 'update', ...list, listElement: ELEMENT_ID, NAME: 'Contract 1 (signed)' })).toEqual([{ id: ELEMENT_ID, updated: true }]);
	expect(await portal.json({ resource: 'listElement', operation: 'getMany', ...list, returnAll: true })).toContainEqual(expect.objectContaining({ ID: ELEMENT_ID, NAME: 'Contract 1 (signed)' }));
	expect(await portal.json({ resource: 'listElement', operation: 'delete', ...list, listElement: ELEMENT_ID })).toEqual([{ id: ELEMENT_ID, deleted: true }]);
	const [gone] = await portal.json({ resource: 'listElement', operation: 'update', ...list, listElement: ELEMENT_ID, NAME: 'x' }, { continueOnFail: true });
	expect(gone.error).toBeDefined();
	expect(await portal.json({ resource: 'list', operation: 'delete', ...list })).toEqual([{ id: list.IBLOCK_ID, deleted: true }]);
});
