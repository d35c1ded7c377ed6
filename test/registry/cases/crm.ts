import type { IDataObject, INodeParameters } from 'n8n-workflow';

import type { Portal } from '../../helpers/portal';
import { seededRows } from './seed';
import type { Cases } from './types';

/** Creates a legacy CRM record through the node; returns its ID. */
export async function newRecord(portal: Portal, resource: string, fields: INodeParameters = {}): Promise<string> {
	const main = resource === 'contact' ? { NAME: 'Case contact' } : { TITLE: `Case ${resource}` };
	const [out] = await portal.json({
		resource,
		operation: 'create',
		...main,
		additionalFields: fields,
	});
	return String(out.id);
}

/** Creates a smart process type through the node; returns its entityTypeId. */
async function newSmartProcess(portal: Portal, title = 'Case process'): Promise<number> {
	const [type] = await portal.json({
		resource: 'smartProcessType',
		operation: 'create',
		title,
	});
	return Number(type.entityTypeId);
}

/** The emulator keeps documented-shape records for methods it answers generically: seed one, return its ID. */
function seeded(portal: Portal, table: string, record: IDataObject): string {
	return String(portal.emu.store.insert(`generic:${table}`, record).ID);
}

/** Puts a record with a fixed ID into a generically answered family (replacing one already there). */
function placed(portal: Portal, table: string, record: IDataObject): void {
	portal.emu.store.remove(`generic:${table}`, record.ID as number);
	portal.emu.store.insert(`generic:${table}`, record);
}

/** List pages after the first go inside batch, where every value arrives as text: compare as text. */
const asText = (value: unknown): unknown => JSON.parse(JSON.stringify(value, (_key, leaf: unknown) => (typeof leaf === 'number' ? String(leaf) : leaf)));

const one = (check: (item: IDataObject) => void) => (items: IDataObject[]) => {
	expect(items).toHaveLength(1);
	check(items[0]);
};
/** A non-empty list whose every item has the keys (an empty list would pass any per-item check). */
const eachHas =
	(...keys: string[]) =>
	(items: IDataObject[]) => {
		expect(items.length).toBeGreaterThan(0);
		for (const item of items) for (const key of keys) expect(item).toHaveProperty(key);
	};
const fieldList =
	(...names: string[]) =>
	(items: IDataObject[]) => {
		const fields = items.map((item) => item.field);
		for (const name of names) expect(fields).toContain(name);
		expect(items[0]).toHaveProperty('type');
	};
let logMessageId = '';
let duplicateOwner = 0;
let productRowId = '';
/** Adds a product row to deal 1 through the node; returns its id. */
async function newProductRow(portal: Portal): Promise<string> {
	const [row] = await portal.json({ resource: 'productRow', operation: 'create', ownerType: 'D', ownerId: 1, additionalFields: { productName: 'Service', price: 50, quantity: 3 } });
	return String(row.id);
}
const updated = (id: unknown = expect.any(String)) => one((item) => expect(item).toEqual({ id, updated: true }));
const deleted = (id: string) => one((item) => expect(item).toEqual({ id, deleted: true }));
const createdId = one((item) => expect(Number(item.id)).toBeGreaterThan(0));

// ---------- legacy entities: lead, deal, contact, company, quote ----------

function legacyCases(resource: string, prefix: string, main: INodeParameters, field: [string, string]): Cases {
	const [key, value] = field;
	const cases: Cases = {
		[`${resource}.create`]: {
			parameters: {
				...main,
				additionalFields: {
					[key]: value,
					OPENED: true,
					REGISTER_SONET_EVENT: false,
				},
				customFields: { field: [{ name: 'UF_CRM_CASE', value: 'x' }] },
			},
			request: (params) => {
				expect(params.fields).toMatchObject({
					...main,
					[key]: value,
					OPENED: 'Y',
					UF_CRM_CASE: 'x',
				});
				expect(params.params).toEqual({ REGISTER_SONET_EVENT: 'N' });
			},
			output: createdId,
		},
		[`${resource}.get`]: {
			parameters: async (portal) => ({
				id: await newRecord(portal, resource, { [key]: value }),
				// the whole documented record, not Simplify's fields
				simplify: false,
			}),
			request: (params) => expect(Number(params.id)).toBeGreaterThan(0),
			output: one((item) => expect(item).toMatchObject({ ID: expect.any(String), [key]: value })),
		},
		[`${resource}.getMany`]: {
			parameters: async (portal) => {
				for (let i = 0; i < 3; i++) await newRecord(portal, resource, { [key]: value });
				return {
					returnAll: false,
					limit: 3,
					listOptions: { filter: '{">ID": 0}', select: `ID, ${key}` },
				};
			},
			request: (params) => {
				expect(String(params.start)).toBe('-1');
				expect(params.order).toEqual({ ID: 'ASC' });
				expect(params.select).toEqual(['ID', key]);
			},
			output: (items) => {
				expect(items).toHaveLength(3);
				expect(Number(items[1].ID)).toBeGreaterThan(Number(items[0].ID));
				expect(Object.keys(items[0]).sort()).toEqual(['ID', key].sort());
			},
		},
		[`${resource}.update`]: {
			parameters: async (portal) => ({
				id: await newRecord(portal, resource),
				updateFields: { [key]: value, COMMENTS: 'Updated' },
			}),
			request: (params) => expect(params.fields).toEqual({ [key]: value, COMMENTS: 'Updated' }),
			output: one((item) => expect(item).toEqual({ id: expect.any(String), updated: true })),
		},
		[`${resource}.delete`]: {
			parameters: async (portal) => ({ id: await newRecord(portal, resource) }),
			request: (params) => expect(Number(params.id)).toBeGreaterThan(0),
			output: one((item) => expect(item).toEqual({ id: expect.any(String), deleted: true })),
		},
		[`${resource}.getFields`]: {
			methods: [`${prefix}.fields`],
			request: (params) => expect(params).toEqual({}),
			output: fieldList('ID', key),
		},
	};
	return cases;
}

/** Find by Phone or Email and Create or Update (leads, contacts, companies): crm.duplicate.findbycomm first. */
function commCases(resource: string, prefix: string, main: INodeParameters): Cases {
	const withEmail = async (portal: Portal, email: string) => {
		const [out] = await portal.json({ resource, operation: 'create', ...main, multifields: { email: [{ value: email, valueType: 'WORK' }] } });
		return Number(out.id);
	};
	let existing = 0;
	return {
		[`${resource}.findByComm`]: {
			parameters: async (portal) => {
				existing = await withEmail(portal, `${resource}.find@example.com`);
				return { matchBy: 'EMAIL', matchValues: `${resource}.find@example.com, nobody.${resource}@example.com` };
			},
			methods: ['crm.duplicate.findbycomm', `${prefix}.get`],
			request: (params) => expect(params).toEqual({ entity_type: resource.toUpperCase(), type: 'EMAIL', values: [`${resource}.find@example.com`, `nobody.${resource}@example.com`] }),
			output: one((item) => {
				expect(Number(item.ID)).toBe(existing);
				expect(item.EMAIL).toEqual([expect.objectContaining({ VALUE: `${resource}.find@example.com` })]);
			}),
		},
		[`${resource}.upsert`]: {
			parameters: async (portal) => {
				existing = await withEmail(portal, `${resource}.known@example.com`);
				return { matchBy: 'EMAIL', matchValue: '={{ $json.email }}', ...main, additionalFields: { COMMENTS: 'Upserted' } };
			},
			items: [{ email: `${resource}.known@example.com` }, { email: `${resource}.new@example.com` }],
			methods: ['crm.duplicate.findbycomm', `${prefix}.update`, `${prefix}.add`],
			request: (params) => expect(params).toEqual({ entity_type: resource.toUpperCase(), type: 'EMAIL', values: [`${resource}.new@example.com`] }),
			output: (items) => {
				expect(items).toEqual([
					{ id: existing, action: 'updated' },
					{ id: expect.any(Number), action: 'created' },
				]);
				expect(items[1].id).toBeGreaterThan(existing);
			},
		},
	};
}

const productRowsCases = (resource: string, prefix: string): Cases => ({
	[`${resource}.getProductRows`]: {
		// a record without rows answers [] (documented): set one row first, through the node
		parameters: async (portal) => {
			const id = await newRecord(portal, resource);
			await portal.json({ resource, operation: 'setProductRows', [resource]: id, rows: '[{"PRODUCT_ID": 12, "PRICE": 100, "QUANTITY": 2}]' });
			return { id };
		},
		request: (params) => expect(Number(params.id)).toBeGreaterThan(0),
		output: one((item) => expect(item).toMatchObject({ ID: expect.anything(), PRODUCT_ID: 12, PRICE: 100, QUANTITY: 2 })),
	},
	[`${resource}.setProductRows`]: {
		parameters: async (portal) => ({
			id: await newRecord(portal, resource),
			rows: '[{"PRODUCT_ID": 12, "PRICE": 100, "QUANTITY": 2}]',
		}),
		methods: [`${prefix}.productrows.set`],
		request: (params) => expect(params.rows).toEqual([{ PRODUCT_ID: 12, PRICE: 100, QUANTITY: 2 }]),
		output: one((item) => expect(item).toEqual({ id: expect.any(String), updated: true })),
	},
});

const linkedCases = (resource: string, method: string, plural: string, key: string): Cases => ({
	[`${resource}.get${plural}`]: {
		// a record with nothing linked answers [] (documented): link one first, through the node
		parameters: async (portal) => {
			const id = await newRecord(portal, resource);
			// version 2 saves the record under its locator's name (the resource: deal, contact, company)
			await portal.json({ resource, operation: `set${plural}`, [resource]: id, items: `[{"${key}": 1, "SORT": 10, "IS_PRIMARY": "Y"}]` });
			return { id };
		},
		methods: [`${method}.items.get`],
		request: (params) => expect(Number(params.id)).toBeGreaterThan(0),
		output: one((item) => {
			expect(item).toMatchObject({ [key]: 1, SORT: 10, IS_PRIMARY: 'Y' });
			expect(Object.keys(item).sort()).toEqual([key, 'IS_PRIMARY', 'ROLE_ID', 'SORT'].sort());
		}),
	},
	[`${resource}.set${plural}`]: {
		parameters: async (portal) => ({
			id: await newRecord(portal, resource),
			items: `[{"${key}": 1, "IS_PRIMARY": "Y"}, {"${key}": 2}]`,
		}),
		methods: [`${method}.items.set`],
		request: (params) => expect(params.items).toEqual([{ [key]: 1, IS_PRIMARY: 'Y' }, { [key]: 2 }]),
		output: one((item) => expect(item).toEqual({ id: expect.any(String), updated: true })),
	},
});

// ---------- crm.item: any entity type, and invoices ----------

function itemCases(resource: string, parameters: INodeParameters, entityTypeId: number): Cases {
	const newItem = async (portal: Portal) => {
		const [item] = await portal.json({
			resource,
			operation: 'create',
			...parameters,
			fields: '{"title": "Case item"}',
		});
		return String(item.id);
	};
	const typeCheck = (params: IDataObject) => expect(Number(params.entityTypeId)).toBe(entityTypeId);
	return {
		[`${resource}.create`]: {
			parameters: {
				...parameters,
				fields: '{"title": "Case item", "opportunity": 250}',
				options: { useOriginalUfNames: true },
			},
			request: (params) => {
				typeCheck(params);
				// deals keep an idempotency key (originatorId/originId), smart invoices do not (crm/universal/crm-item-add.md)
				const key = entityTypeId === 2 ? { originatorId: 'n8n', originId: expect.stringMatching(/^n8n-[0-9a-f]{40}$/) } : {};
				expect(params.fields).toEqual({ title: 'Case item', opportunity: 250, ...key });
				expect(params.useOriginalUfNames).toBe('Y');
			},
			output: one((item) =>
				expect(item).toMatchObject({
					id: expect.any(Number),
					title: 'Case item',
					opportunity: 250,
				}),
			),
		},
		[`${resource}.get`]: {
			parameters: async (portal) => ({
				...parameters,
				id: await newItem(portal),
			}),
			request: typeCheck,
			output: one((item) =>
				expect(item).toMatchObject({
					id: expect.any(Number),
					title: 'Case item',
				}),
			),
		},
		[`${resource}.getMany`]: {
			parameters: { ...parameters, returnAll: false, limit: 2 },
			request: (params) => {
				typeCheck(params);
				expect(String(params.start)).toBe('-1');
				expect(params.filter).toHaveProperty('>id');
			},
			output: eachHas('id', 'title'),
		},
		[`${resource}.update`]: {
			parameters: async (portal) => ({
				...parameters,
				id: await newItem(portal),
				fields: '{"title": "Renamed"}',
			}),
			request: (params) => {
				typeCheck(params);
				expect(params.fields).toEqual({ title: 'Renamed' });
			},
			output: one((item) => expect(item).toMatchObject({ title: 'Renamed' })),
		},
		[`${resource}.delete`]: {
			parameters: async (portal) => ({
				...parameters,
				id: await newItem(portal),
			}),
			request: typeCheck,
			output: one((item) => expect(item).toEqual({ id: expect.any(String), deleted: true })),
		},
		[`${resource}.getFields`]: {
			parameters,
			request: typeCheck,
			output: fieldList('id', 'title'),
		},
	};
}

// ---------- settings: smart process types, pipelines, stages, currencies ----------

const settingsCases: Cases = {
	'smartProcessType.create': {
		parameters: {
			title: 'Deliveries',
			additionalFields: { isCategoriesEnabled: true, isStagesEnabled: true },
		},
		request: (params) =>
			expect(params.fields).toEqual({
				title: 'Deliveries',
				isCategoriesEnabled: 'Y',
				isStagesEnabled: 'Y',
			}),
		output: one((item) =>
			expect(item).toMatchObject({
				id: expect.any(Number),
				entityTypeId: expect.any(Number),
				title: 'Deliveries',
			}),
		),
	},
	'smartProcessType.get': {
		request: (params) => expect(params).toEqual({ id: expect.stringMatching(/^\d+$/) }),
		parameters: async (portal) => {
			const [type] = await portal.json({
				resource: 'smartProcessType',
				operation: 'create',
				title: 'Get me',
			});
			return { id: String(type.id) };
		},
		output: one((item) =>
			expect(item).toMatchObject({
				title: 'Get me',
				entityTypeId: expect.any(Number),
			}),
		),
	},
	'smartProcessType.getByEntityTypeId': {
		parameters: async (portal) => ({
			entityTypeId: await newSmartProcess(portal, 'By type'),
		}),
		request: (params) => expect(Number(params.entityTypeId)).toBeGreaterThanOrEqual(128),
		output: one((item) => expect(item).toMatchObject({ title: 'By type' })),
	},
	'smartProcessType.getMany': {
		parameters: async (portal) => (await newSmartProcess(portal), { returnAll: true }),
		request: (params) => expect(String(params.start)).toBe('0'),
		output: (items) => {
			expect(items.length).toBeGreaterThan(0);
			for (const item of items)
				expect(item).toMatchObject({
					id: expect.any(Number),
					entityTypeId: expect.any(Number),
				});
		},
	},
	'smartProcessType.update': {
		parameters: async (portal) => {
			const [type] = await portal.json({
				resource: 'smartProcessType',
				operation: 'create',
				title: 'Old',
			});
			return {
				id: String(type.id),
				updateFields: { title: 'New', isClientEnabled: false },
			};
		},
		request: (params) => expect(params.fields).toEqual({ title: 'New', isClientEnabled: 'N' }),
		output: one((item) => expect(item).toMatchObject({ title: 'New' })),
	},
	'smartProcessType.delete': {
		request: (params) => expect(params).toEqual({ id: expect.stringMatching(/^\d+$/) }),
		parameters: async (portal) => {
			const [type] = await portal.json({
				resource: 'smartProcessType',
				operation: 'create',
				title: 'Doomed',
			});
			return { id: String(type.id) };
		},
		output: one((item) => expect(item).toEqual({ id: expect.any(String), deleted: true })),
	},
	'pipeline.create': {
		parameters: {
			entityTypeId: 2,
			name: 'Wholesale',
			additionalFields: { sort: 200 },
		},
		request: (params) =>
			expect(params).toMatchObject({
				entityTypeId: 2,
				fields: { name: 'Wholesale', sort: 200 },
			}),
		output: one((item) =>
			expect(item).toMatchObject({
				id: expect.any(Number),
				name: 'Wholesale',
				entityTypeId: 2,
			}),
		),
	},
	'pipeline.get': {
		parameters: { entityTypeId: 2, id: 0 },
		request: (params) => expect(params).toEqual({ entityTypeId: 2, id: 0 }),
		output: one((item) => expect(item).toMatchObject({ id: 0, isDefault: 'Y' })),
	},
	'pipeline.getMany': {
		request: (params) => expect(params).toEqual({ entityTypeId: 2, start: 0 }),
		parameters: { entityTypeId: 2, returnAll: true },
		output: (items) => {
			expect(items[0]).toMatchObject({ id: 0, entityTypeId: 2 });
			for (const item of items) expect(item).toHaveProperty('name');
		},
	},
	'pipeline.update': {
		parameters: async (portal) => {
			const [cat] = await portal.json({
				resource: 'pipeline',
				operation: 'create',
				entityTypeId: 2,
				name: 'Retail',
			});
			return {
				entityTypeId: 2,
				id: cat.id as number,
				updateFields: { name: 'Retail 2' },
			};
		},
		request: (params) => expect(params.fields).toEqual({ name: 'Retail 2' }),
		output: one((item) => expect(item).toMatchObject({ name: 'Retail 2' })),
	},
	'pipeline.delete': {
		request: (params) => expect(params).toEqual({ entityTypeId: 2, id: expect.any(Number) }),
		parameters: async (portal) => {
			const [cat] = await portal.json({
				resource: 'pipeline',
				operation: 'create',
				entityTypeId: 2,
				name: 'Temporary',
			});
			return { entityTypeId: 2, id: cat.id as number };
		},
		output: one((item) => expect(item).toEqual({ id: expect.any(Number), deleted: true })),
	},
	'pipeline.getFields': {
		parameters: { entityTypeId: 2 },
		request: (params) => expect(params.entityTypeId).toBe(2),
		output: fieldList('id', 'name'),
	},
	'status.create': {
		parameters: {
			ENTITY_ID: 'SOURCE',
			STATUS_ID: 'PARTNER_FAIR',
			NAME: 'Partner fair',
			additionalFields: { SORT: 70 },
		},
		request: (params) =>
			expect(params.fields).toEqual({
				ENTITY_ID: 'SOURCE',
				STATUS_ID: 'PARTNER_FAIR',
				NAME: 'Partner fair',
				SORT: 70,
			}),
		output: createdId,
	},
	'status.get': {
		request: (params) => expect(params).toEqual({ id: expect.stringMatching(/^\d+$/) }),
		parameters: async (portal) => ({
			id: String(portal.emu.store.all('crmStatus')[0].ID),
		}),
		output: one((item) =>
			expect(item).toMatchObject({
				ID: expect.any(String),
				ENTITY_ID: expect.any(String),
				STATUS_ID: expect.any(String),
				NAME: expect.any(String),
			}),
		),
	},
	'status.getMany': {
		parameters: {
			returnAll: true,
			listOptions: {
				filter: '{"ENTITY_ID": "DEAL_STAGE"}',
				sort: '{"SORT": "ASC"}',
			},
		},
		request: (params) =>
			expect(params).toEqual({
				filter: { ENTITY_ID: 'DEAL_STAGE' },
				order: { SORT: 'ASC' },
			}),
		output: (items) => {
			expect(items.length).toBeGreaterThan(2);
			for (const item of items)
				expect(item).toMatchObject({
					ENTITY_ID: 'DEAL_STAGE',
					STATUS_ID: expect.any(String),
				});
		},
	},
	'status.update': {
		parameters: async (portal) => {
			const [created] = await portal.json({
				resource: 'status',
				operation: 'create',
				ENTITY_ID: 'SOURCE',
				STATUS_ID: 'CASE_UPD',
				NAME: 'Before',
			});
			return {
				id: String(created.id),
				updateFields: { NAME: 'After', COLOR: '#FF0000' },
			};
		},
		request: (params) => expect(params.fields).toEqual({ NAME: 'After', COLOR: '#FF0000' }),
		output: updated(),
	},
	'status.delete': {
		parameters: async (portal) => {
			const [created] = await portal.json({
				resource: 'status',
				operation: 'create',
				ENTITY_ID: 'SOURCE',
				STATUS_ID: 'CASE_DEL',
				NAME: 'Gone',
			});
			return { id: String(created.id), options: { FORCED: true } };
		},
		request: (params) => expect(params.params).toEqual({ FORCED: 'Y' }),
		output: one((item) => expect(item).toEqual({ id: expect.any(String), deleted: true })),
	},
	'status.getEntityItems': {
		parameters: { entityId: 'DEAL_STAGE' },
		request: (params) => expect(params).toEqual({ entityId: 'DEAL_STAGE' }),
		output: (items) => {
			expect(items.length).toBeGreaterThan(2);
			expect(items[0]).toMatchObject({
				NAME: expect.any(String),
				STATUS_ID: expect.any(String),
			});
		},
	},
	'status.getEntityTypes': {
		request: (params) => expect(params).toEqual({}),
		output: (items) => expect(items.map((item) => item.ID)).toContain('DEAL_STAGE'),
	},
	'status.getFields': { request: (params) => expect(params).toEqual({}), output: fieldList('ENTITY_ID', 'STATUS_ID', 'NAME') },
	'stageHistory.getMany': {
		parameters: (portal) => {
			seededRows(portal, 'crm.stagehistory', [
				{ ID: 1, TYPE_ID: 1, OWNER_ID: 1, STAGE_ID: 'NEW', CREATED_TIME: '2026-01-10T10:00:00+03:00' },
				{ ID: 2, TYPE_ID: 2, OWNER_ID: 1, STAGE_ID: 'WON', CREATED_TIME: '2026-01-12T10:00:00+03:00' },
			]);
			return {
				entityTypeId: 2,
				returnAll: false,
				limit: 10,
				listOptions: { filter: '{"OWNER_ID": 1}', select: 'ID, STAGE_ID' },
			};
		},
		request: (params) =>
			expect(params).toMatchObject({
				entityTypeId: 2,
				filter: { OWNER_ID: 1 },
				select: ['ID', 'STAGE_ID'],
				start: 0,
			}),
		output: (items) => expect(items.map((item) => item.STAGE_ID)).toEqual(['NEW', 'WON']),
	},
	'currency.create': {
		parameters: {
			CURRENCY: 'CNY',
			AMOUNT_CNT: 1,
			AMOUNT: 0.14,
			additionalFields: {
				SORT: 900,
				LANG: '{"en": {"DECIMALS": 2, "FORMAT_STRING": "# CNY", "FULL_NAME": "Yuan"}}',
			},
		},
		request: (params) =>
			expect(params.fields).toEqual({
				CURRENCY: 'CNY',
				AMOUNT_CNT: 1,
				AMOUNT: 0.14,
				SORT: 900,
				LANG: {
					en: { DECIMALS: 2, FORMAT_STRING: '# CNY', FULL_NAME: 'Yuan' },
				},
			}),
		output: one((item) => expect(item).toHaveProperty('id')),
	},
	'currency.get': {
		parameters: async (portal) => ({
			id: seeded(portal, 'crm.currency', {
				CURRENCY: 'EUR',
				AMOUNT: '1.0800',
				BASE: 'N',
			}),
		}),
		request: (params) => expect(params).toEqual({ id: expect.any(String) }),
		output: one((item) => expect(item).toHaveProperty('CURRENCY', 'EUR')),
	},
	'currency.getMany': {
		parameters: (portal) => (
			seededRows(portal, 'crm.currency', [
				{ CURRENCY: 'USD', BASE: 'Y' },
				{ CURRENCY: 'EUR', BASE: 'N' },
			]),
			{ returnAll: true, listOptions: { sort: '{"SORT": "ASC"}' } }
		),
		request: (params) => expect(params).toEqual({ order: { SORT: 'ASC' } }),
		output: (items) => expect(items.map((item) => item.CURRENCY)).toEqual(['USD', 'EUR']),
	},
	'currency.update': {
		parameters: { id: 'EUR', updateFields: { AMOUNT: 1.09, BASE: false } },
		request: (params) =>
			expect(params).toEqual({
				ID: 'EUR',
				fields: { AMOUNT: 1.09, BASE: 'N' },
			}),
		output: updated('EUR'),
	},
	'currency.delete': {
		parameters: { id: 'CNY' },
		request: (params) => expect(params).toEqual({ id: 'CNY' }),
		output: deleted('CNY'),
	},
	'duplicate.findByComm': {
		parameters: async (portal) => {
			const [contact] = await portal.json({ resource: 'contact', operation: 'create', NAME: 'Phone owner', multifields: { phone: [{ value: '+1 555 000 1111', valueType: 'MOBILE' }] } });
			duplicateOwner = Number(contact.id);
			return { type: 'PHONE', values: '+15550001111, +15550002222', options: { entity_type: 'CONTACT' } };
		},
		request: (params) =>
			expect(params).toEqual({
				type: 'PHONE',
				values: ['+15550001111', '+15550002222'],
				entity_type: 'CONTACT',
			}),
		// crm-duplicate-find-by-comm.md: { CONTACT: [ids] }
		output: one((item) => expect(item).toEqual({ CONTACT: [duplicateOwner] })),
	},
	'duplicate.mergeBatch': {
		parameters: { entityTypeId: 3, entityIds: '101, 102' },
		request: (params) =>
			expect(params).toEqual({
				params: { entityTypeId: 3, entityIds: ['101', '102'] },
			}),
		// crm-entity-merge-batch.md: { STATUS: SUCCESS | CONFLICT | ERROR, ENTITY_IDS: [deleted ids] }; the emulator answers STATUS ''
		output: one((item) => expect(item).toEqual({ STATUS: expect.any(String), ENTITY_IDS: expect.any(Array) })),
	},
	'crmEnum.getMultifieldFields': {
		request: (params) => expect(params).toEqual({}),
		methods: ['crm.multifield.fields'],
		// crm-multifield-fields.md: ID, TYPE_ID, VALUE, VALUE_TYPE with their documented attributes
		output: (items) =>
			expect(items).toEqual([
				{ field: 'ID', type: 'int', isRequired: false, isReadOnly: true, isImmutable: false, isMultiple: false, isDynamic: false, title: 'ID' },
				{ field: 'TYPE_ID', type: 'string', isRequired: false, isReadOnly: true, isImmutable: false, isMultiple: false, isDynamic: false, title: 'Field Type' },
				{ field: 'VALUE', type: 'string', isRequired: false, isReadOnly: false, isImmutable: false, isMultiple: false, isDynamic: false, title: 'Value' },
				{ field: 'VALUE_TYPE', type: 'string', isRequired: false, isReadOnly: false, isImmutable: false, isMultiple: false, isDynamic: false, title: 'Value Type' },
			]),
	},
};

// ---------- custom fields ----------

function userFieldCases(entity: string): Cases {
	const resource = `${entity}UserField`;
	const prefix = `crm.${entity}.userfield`;
	const newField = async (portal: Portal, name: string) => {
		const [out] = await portal.json({
			resource,
			operation: 'create',
			FIELD_NAME: name,
			USER_TYPE_ID: 'string',
		});
		return String(out.id);
	};
	return {
		[`${resource}.create`]: {
			parameters: {
				FIELD_NAME: `${entity.toUpperCase()}_SIZE`,
				USER_TYPE_ID: 'enumeration',
				additionalFields: {
					MULTIPLE: true,
					EDIT_FORM_LABEL: 'Size',
					LIST: '[{"VALUE": "S"}, {"VALUE": "M", "DEF": "Y"}]',
				},
			},
			request: (params) =>
				expect(params.fields).toEqual({
					FIELD_NAME: `${entity.toUpperCase()}_SIZE`,
					USER_TYPE_ID: 'enumeration',
					MULTIPLE: 'Y',
					EDIT_FORM_LABEL: 'Size',
					LIST: [{ VALUE: 'S' }, { VALUE: 'M', DEF: 'Y' }],
				}),
			output: createdId,
		},
		[`${resource}.get`]: {
			parameters: async (portal) => ({
				id: await newField(portal, `${entity.toUpperCase()}_GET`),
			}),
			request: (params) => expect(Number(params.id)).toBeGreaterThan(0),
			output: one((item) => expect(item).toHaveProperty('ID')),
		},
		[`${resource}.getMany`]: {
			parameters: async (portal) => (
				await newField(portal, `${entity.toUpperCase()}_LIST`),
				{
					returnAll: true,
					listOptions: { filter: '{"USER_TYPE_ID": "string"}' },
				}
			),
			methods: [`${prefix}.list`],
			request: (params) => expect(params).toEqual({ filter: { USER_TYPE_ID: 'string' } }),
			output: (items) => {
				expect(items.length).toBeGreaterThan(0);
				for (const item of items)
					expect(item).toMatchObject({
						ID: expect.any(String),
						FIELD_NAME: expect.stringMatching(/^UF_CRM_/),
					});
			},
		},
		[`${resource}.update`]: {
			parameters: async (portal) => ({
				id: await newField(portal, `${entity.toUpperCase()}_UPD`),
				updateFields: { MANDATORY: true, SORT: 10 },
			}),
			request: (params) => expect(params.fields).toEqual({ MANDATORY: 'Y', SORT: 10 }),
			output: updated(),
		},
		[`${resource}.delete`]: {
			parameters: async (portal) => ({
				id: await newField(portal, `${entity.toUpperCase()}_DEL`),
			}),
			request: (params) => expect(params).toEqual({ id: expect.stringMatching(/^\d+$/) }),
			output: one((item) => expect(item).toEqual({ id: expect.any(String), deleted: true })),
		},
	};
}

const crmUserFieldCases: Cases = {
	'crmUserField.getTypes': {
		request: (params) => expect(params).toEqual({}),
		methods: ['crm.userfield.types'],
		// crm-userfield-types.md: one { ID, title } per type, string ... crm
		output: (items) => {
			expect(items).toHaveLength(16);
			for (const item of items) expect(item).toEqual({ ID: expect.any(String), title: expect.any(String) });
			expect(items).toContainEqual({ ID: 'string', title: 'String' });
			expect(items).toContainEqual({ ID: 'enumeration', title: 'List' });
			expect(items).toContainEqual({ ID: 'crm', title: 'Binding to CRM Entities' });
		},
	},
	'crmUserField.getManyConfigs': {
		parameters: (portal) => {
			seededRows(portal, 'userfieldconfig', [{ ID: 41, id: 41, moduleId: 'crm', entityId: 'CRM_DEAL', fieldName: 'UF_CRM_BUDGET', userTypeId: 'double' }]);
			return {
				moduleId: 'crm',
				returnAll: false,
				limit: 5,
				listOptions: { filter: '{"entityId": "CRM_DEAL"}' },
			};
		},
		methods: ['userfieldconfig.list'],
		request: (params) =>
			expect(params).toMatchObject({
				moduleId: 'crm',
				filter: { entityId: 'CRM_DEAL' },
				start: 0,
			}),
		output: one((item) => expect(item).toMatchObject({ entityId: 'CRM_DEAL', fieldName: 'UF_CRM_BUDGET', userTypeId: 'double' })),
	},
	'crmUserField.createConfig': {
		parameters: {
			moduleId: 'crm',
			entityId: 'CRM_DEAL',
			fieldName: 'UF_CRM_DELIVERY',
			userTypeId: 'date',
			additionalFields: {
				mandatory: true,
				editFormLabel: '{"en": "Delivery"}',
			},
		},
		methods: ['userfieldconfig.add'],
		request: (params) =>
			expect(params).toEqual({
				moduleId: 'crm',
				field: {
					entityId: 'CRM_DEAL',
					fieldName: 'UF_CRM_DELIVERY',
					userTypeId: 'date',
					mandatory: 'Y',
					editFormLabel: { en: 'Delivery' },
				},
			}),
		output: one((item) => expect(item).toHaveProperty('id')),
	},
	'crmUserField.updateConfig': {
		parameters: { moduleId: 'crm', id: '7', field: '{"mandatory": "N"}' },
		methods: ['userfieldconfig.update'],
		request: (params) =>
			expect(params).toEqual({
				moduleId: 'crm',
				id: '7',
				field: { mandatory: 'N' },
			}),
		// userfieldconfig-update.md: result.field, the updated field configuration
		output: one((item) =>
			expect(item).toMatchObject({
				id: '7',
				entityId: expect.any(String),
				fieldName: expect.any(String),
				userTypeId: expect.any(String),
				multiple: expect.stringMatching(/^[YN]$/),
				mandatory: expect.stringMatching(/^[YN]$/),
				settings: expect.any(Object),
				editFormLabel: expect.any(Object),
				enum: expect.any(Array),
			}),
		),
	},
	'crmUserField.deleteConfig': {
		parameters: { moduleId: 'crm', id: '7' },
		methods: ['userfieldconfig.delete'],
		request: (params) => expect(params).toEqual({ moduleId: 'crm', id: '7' }),
		output: deleted('7'),
	},
};

// ---------- activities and timeline ----------

const todoKey = async (portal: Portal) => {
	const deal = await newRecord(portal, 'deal');
	const [todo] = await portal.json({
		resource: 'activity',
		operation: 'createTodo',
		ownerTypeId: 2,
		ownerId: Number(deal),
		deadline: '2030-05-01T10:00:00',
	});
	return { id: Number(todo.id), ownerTypeId: 2, ownerId: Number(deal) };
};
const newActivity = async (portal: Portal) => {
	const deal = await newRecord(portal, 'deal');
	const [out] = await portal.json({
		resource: 'activity',
		operation: 'create',
		OWNER_TYPE_ID: 2,
		OWNER_ID: Number(deal),
		TYPE_ID: 2,
		RESPONSIBLE_ID: 1,
		COMMUNICATIONS: '[{"VALUE": "+15550001122"}]',
	});
	return String(out.id);
};
const newComment = async (portal: Portal) => {
	const deal = await newRecord(portal, 'deal');
	const [out] = await portal.json({
		resource: 'timelineComment',
		operation: 'create',
		ENTITY_TYPE: 'deal',
		ENTITY_ID: Number(deal),
		COMMENT: 'Called the client',
	});
	return { id: String(out.id), deal: Number(deal) };
};
const noteKey = { ownerTypeId: 2, ownerId: 1, itemType: 1, itemId: 5 };
const entryKey = { id: 9, ownerTypeId: 2, ownerId: 1 };
const binding = { OWNER_ID: 9, ENTITY_ID: 1, ENTITY_TYPE: 'company' };

const timelineCases: Cases = {
	'activity.create': {
		parameters: {
			OWNER_TYPE_ID: 2,
			OWNER_ID: 1,
			TYPE_ID: 2,
			RESPONSIBLE_ID: 1,
			COMMUNICATIONS: '[{"VALUE": "+15550001122", "ENTITY_ID": 1, "ENTITY_TYPE_ID": 3}]',
			additionalFields: {
				SUBJECT: 'Call back',
				DIRECTION: 2,
				START_TIME: '2030-01-10T10:00:00',
				COMPLETED: false,
			},
		},
		request: (params) =>
			expect(params.fields).toEqual({
				OWNER_TYPE_ID: 2,
				OWNER_ID: 1,
				TYPE_ID: 2,
				RESPONSIBLE_ID: 1,
				COMMUNICATIONS: [{ VALUE: '+15550001122', ENTITY_ID: 1, ENTITY_TYPE_ID: 3 }],
				SUBJECT: 'Call back',
				DIRECTION: 2,
				START_TIME: '2030-01-10T10:00:00',
				COMPLETED: 'N',
			}),
		output: createdId,
	},
	'activity.get': {
		request: (params) => expect(params).toEqual({ id: expect.stringMatching(/^\d+$/) }),
		parameters: async (portal) => ({ id: await newActivity(portal) }),
		output: one((item) => expect(item).toHaveProperty('ID')),
	},
	'activity.getMany': {
		parameters: {
			returnAll: false,
			limit: 5,
			listOptions: { filter: '{"OWNER_TYPE_ID": 2}' },
		},
		request: (params) =>
			expect(asText(params)).toMatchObject({
				filter: { OWNER_TYPE_ID: '2', '>ID': expect.any(String) },
				order: { ID: 'ASC' },
				start: '-1',
			}),
		output: eachHas('ID'),
	},
	'activity.update': {
		parameters: async (portal) => ({
			id: await newActivity(portal),
			updateFields: { SUBJECT: 'Moved', COMPLETED: true },
		}),
		request: (params) => expect(params.fields).toEqual({ SUBJECT: 'Moved', COMPLETED: 'Y' }),
		output: updated(),
	},
	'activity.delete': {
		request: (params) => expect(params).toEqual({ id: expect.stringMatching(/^\d+$/) }),
		parameters: async (portal) => ({ id: await newActivity(portal) }),
		output: one((item) => expect(item).toEqual({ id: expect.any(String), deleted: true })),
	},
	'activity.getFields': {
		request: (params) => expect(params).toEqual({}),
		methods: ['crm.activity.fields'],
		// crm-activity-fields.md: SUBJECT, TYPE_ID, RESPONSIBLE_ID and COMMUNICATIONS are required
		output: (items) => {
			fieldList('ID', 'OWNER_ID', 'OWNER_TYPE_ID', 'TYPE_ID', 'SUBJECT', 'RESPONSIBLE_ID', 'COMMUNICATIONS', 'BINDINGS')(items);
			expect(items).toContainEqual(expect.objectContaining({ field: 'SUBJECT', type: 'string', isRequired: true, title: 'Subject' }));
			expect(items).toContainEqual(expect.objectContaining({ field: 'ID', type: 'integer', isReadOnly: true }));
			expect(items).toContainEqual(expect.objectContaining({ field: 'COMMUNICATIONS', type: 'crm_activity_communication', isRequired: true, isMultiple: true }));
		},
	},
	'activity.createTodo': {
		parameters: {
			ownerTypeId: 2,
			ownerId: 1,
			deadline: '2030-05-01T10:00:00',
			additionalFields: {
				title: 'Send offer',
				pingOffsets: '0, 15',
				colorId: 2,
			},
		},
		methods: ['crm.activity.todo.add'],
		request: (params) =>
			expect(params).toEqual({
				ownerTypeId: 2,
				ownerId: 1,
				deadline: '2030-05-01T10:00:00',
				title: 'Send offer',
				pingOffsets: ['0', '15'],
				colorId: 2,
			}),
		output: createdId,
	},
	'activity.updateTodo': {
		parameters: async (portal) => ({
			...(await todoKey(portal)),
			deadline: '2030-06-01T10:00:00',
			updateFields: { title: 'Renamed' },
		}),
		methods: ['crm.activity.todo.update'],
		request: (params) =>
			expect(params).toMatchObject({
				id: expect.any(Number),
				ownerTypeId: 2,
				deadline: '2030-06-01T10:00:00',
				title: 'Renamed',
			}),
		output: one((item) => expect(item).toHaveProperty('id')),
	},
	'activity.updateTodoDeadline': {
		parameters: async (portal) => ({
			...(await todoKey(portal)),
			deadline: '2030-07-01T10:00:00',
		}),
		methods: ['crm.activity.todo.updateDeadline'],
		request: (params) =>
			expect(params).toMatchObject({
				ownerTypeId: 2,
				value: '2030-07-01T10:00:00',
			}),
		output: one((item) => expect(item).toHaveProperty('id')),
	},
	'activity.updateTodoDescription': {
		parameters: async (portal) => ({
			...(await todoKey(portal)),
			value: 'Bring the contract',
		}),
		methods: ['crm.activity.todo.updateDescription'],
		request: (params) =>
			expect(params).toMatchObject({
				ownerTypeId: 2,
				value: 'Bring the contract',
			}),
		output: one((item) => expect(item).toHaveProperty('id')),
	},
	'activity.updateTodoResponsible': {
		parameters: async (portal) => ({
			...(await todoKey(portal)),
			responsibleId: 2,
		}),
		methods: ['crm.activity.todo.updateResponsibleUser'],
		request: (params) => expect(params).toMatchObject({ ownerTypeId: 2, responsibleId: 2 }),
		output: one((item) => expect(item).toHaveProperty('id')),
	},
	'activity.updateTodoColor': {
		parameters: async (portal) => ({ ...(await todoKey(portal)), colorId: 3 }),
		methods: ['crm.activity.todo.updateColor'],
		request: (params) => expect(params).toMatchObject({ ownerTypeId: 2, colorId: 3 }),
		output: one((item) => expect(item).toHaveProperty('id')),
	},
	'timelineComment.create': {
		parameters: {
			ENTITY_TYPE: 'deal',
			ENTITY_ID: 1,
			COMMENT: 'Client called',
			additionalFields: { FILES: '[["note.txt", "SGVsbG8="]]' },
		},
		request: (params) =>
			expect(params.fields).toEqual({
				ENTITY_TYPE: 'deal',
				ENTITY_ID: 1,
				COMMENT: 'Client called',
				FILES: [['note.txt', 'SGVsbG8=']],
			}),
		output: createdId,
	},
	'timelineComment.get': {
		request: (params) => expect(params).toEqual({ id: expect.stringMatching(/^\d+$/) }),
		parameters: async (portal) => ({ id: (await newComment(portal)).id }),
		output: one((item) => expect(item).toHaveProperty('ID')),
	},
	'timelineComment.getMany': {
		parameters: { ENTITY_TYPE: 'deal', ENTITY_ID: 1, returnAll: true },
		request: (params) =>
			expect(params).toMatchObject({
				filter: { ENTITY_TYPE: 'deal', ENTITY_ID: 1 },
				start: 0,
			}),
		output: eachHas('ID'),
	},
	'timelineComment.update': {
		parameters: async (portal) => {
			const { id, deal } = await newComment(portal);
			return {
				id,
				COMMENT: 'Edited',
				options: { ownerTypeId: 2, ownerId: deal },
			};
		},
		request: (params) =>
			expect(params).toMatchObject({
				fields: { COMMENT: 'Edited' },
				ownerTypeId: 2,
			}),
		output: one((item) => expect(item).toHaveProperty('id')),
	},
	'timelineComment.delete': {
		request: (params) => expect(params).toEqual({ id: expect.stringMatching(/^\d+$/) }),
		parameters: async (portal) => ({ id: (await newComment(portal)).id }),
		output: one((item) => expect(item).toEqual({ id: expect.any(String), deleted: true })),
	},
	'timelineLogMessage.create': {
		parameters: {
			entityTypeId: 2,
			entityId: 1,
			title: 'Sync',
			text: 'Exported to ERP',
			iconCode: 'info',
		},
		request: (params) =>
			expect(params.fields).toEqual({
				entityTypeId: 2,
				entityId: 1,
				title: 'Sync',
				text: 'Exported to ERP',
				iconCode: 'info',
			}),
		output: one((item) => expect(item).toHaveProperty('id')),
	},
	'timelineLogMessage.get': {
		request: (params) => expect(params).toEqual({ id: expect.stringMatching(/^\d+$/) }),
		parameters: async (portal) => ({
			id: seeded(portal, 'crm.timeline.logmessage', {
				logMessage: { id: 1, title: 'Sync', text: 'Done', iconCode: 'info' },
			}),
		}),
		output: one((item) => expect(item).toMatchObject({ title: 'Sync', iconCode: 'info' })),
	},
	'timelineLogMessage.getMany': {
		parameters: (portal) => (
			seededRows(portal, 'crm.timeline.logmessage', [{ id: 7, title: 'Sync', text: 'Exported', iconCode: 'info' }]), { entityTypeId: 2, entityId: 1, returnAll: true }
		),
		request: (params) => expect(params).toMatchObject({ entityTypeId: 2, entityId: 1, start: 0 }),
		output: (items) => expect(items).toEqual([expect.objectContaining({ id: 7, title: 'Sync' })]),
	},
	'timelineLogMessage.delete': {
		parameters: async (portal) => {
			const [created] = await portal.json({ resource: 'timelineLogMessage', operation: 'create', entityTypeId: 2, entityId: 1, title: 'Sync', text: 'To delete', iconCode: 'info' });
			return { id: (logMessageId = String(created.id)) };
		},
		request: (params) => expect(params).toEqual({ id: logMessageId }),
		output: (items) => deleted(logMessageId)(items),
	},
	'timelineNote.save': {
		parameters: { ...noteKey, text: 'Agreed on price' },
		methods: ['crm.timeline.note.save'],
		request: (params) => expect(params).toEqual({ ...noteKey, text: 'Agreed on price' }),
		output: one((item) => expect(item).toEqual({ updated: true })),
	},
	'timelineNote.get': {
		parameters: noteKey,
		request: (params) => expect(params).toEqual(noteKey),
		// crm-timeline-note-get.md: the note's text and who wrote and changed it when
		output: one((item) => expect(item).toMatchObject({ text: expect.any(String), createdById: expect.any(Number), createdTime: expect.any(String), updatedById: expect.any(Number), updatedTime: expect.any(String) })),
	},
	'timelineNote.delete': {
		parameters: noteKey,
		request: (params) => expect(params).toEqual(noteKey),
		output: one((item) => expect(item).toEqual({ deleted: true })),
	},
	'timelineBinding.getMany': {
		parameters: (portal) => {
			seededRows(portal, 'crm.timeline.bindings', [{ ID: 1, OWNER_ID: '9', ENTITY_ID: '1', ENTITY_TYPE: 'deal' }]);
			return { OWNER_ID: 9, returnAll: true };
		},
		methods: ['crm.timeline.bindings.list'],
		request: (params) => expect(params).toMatchObject({ filter: { OWNER_ID: 9 } }),
		output: one((item) => expect(item).toMatchObject({ OWNER_ID: '9', ENTITY_ID: '1', ENTITY_TYPE: 'deal' })),
	},
	'timelineBinding.bind': {
		parameters: binding,
		methods: ['crm.timeline.bindings.bind'],
		request: (params) => expect(params).toEqual({ fields: binding }),
		output: one((item) => expect(item).toEqual({ success: true })),
	},
	'timelineBinding.unbind': {
		parameters: binding,
		methods: ['crm.timeline.bindings.unbind'],
		request: (params) => expect(params).toEqual({ fields: binding }),
		output: one((item) => expect(item).toEqual({ success: true })),
	},
	'timelineEntry.pin': {
		parameters: entryKey,
		methods: ['crm.timeline.item.pin'],
		request: (params) => expect(params).toEqual(entryKey),
		output: one((item) => expect(item).toEqual({ ...entryKey, pinned: true })),
	},
	'timelineEntry.unpin': {
		parameters: entryKey,
		methods: ['crm.timeline.item.unpin'],
		request: (params) => expect(params).toEqual(entryKey),
		output: one((item) => expect(item).toEqual({ ...entryKey, pinned: false })),
	},
};

// ---------- catalog and product rows ----------

const catalogCases: Cases = {
	'product.create': {
		parameters: {
			iblockId: 14,
			name: 'Chair',
			additionalFields: {
				active: true,
				purchasingPrice: 40,
				purchasingCurrency: 'USD',
			},
		},
		request: (params) =>
			expect(params.fields).toEqual({
				iblockId: 14,
				name: 'Chair',
				active: 'Y',
				purchasingPrice: 40,
				purchasingCurrency: 'USD',
			}),
		// catalog-product-add.md: result.element, the created product with its new id
		output: one((item) => expect(item).toMatchObject({ id: expect.any(Number), iblockId: 14, name: 'Chair', active: 'Y', purchasingCurrency: 'USD' })),
	},
	'product.get': {
		request: (params) => expect(params).toEqual({ id: expect.stringMatching(/^\d+$/) }),
		parameters: async (portal) => ({
			id: seeded(portal, 'catalog.product', {
				product: { id: 1, iblockId: 14, name: 'Chair' },
			}),
		}),
		output: one((item) => expect(item).toMatchObject({ iblockId: 14, name: 'Chair' })),
	},
	'product.getMany': {
		parameters: {
			iblockId: 14,
			select: 'id, iblockId, name',
			returnAll: true,
			listFilter: { conditions: '{"%name": "chair"}' },
		},
		request: (params) =>
			expect(params).toMatchObject({
				select: ['id', 'iblockId', 'name'],
				filter: { '%name': 'chair', iblockId: 14 },
				start: 0,
			}),
		output: eachHas('id', 'iblockId'),
	},
	'product.update': {
		parameters: (portal) => {
			placed(portal, 'catalog.product', { ID: 5, iblockId: 14, name: 'Chair', active: 'Y', vatIncluded: 'N' });
			return {
				id: '5',
				updateFields: { name: 'Armchair', vatIncluded: true },
			};
		},
		request: (params) =>
			expect(params).toEqual({
				id: '5',
				fields: { name: 'Armchair', vatIncluded: 'Y' },
			}),
		// catalog-product-update.md: result.element, the product as updated
		output: one((item) => expect(item).toMatchObject({ id: 5, iblockId: 14, name: 'Armchair', active: 'Y', vatIncluded: 'Y' })),
	},
	'product.delete': {
		parameters: { id: '5' },
		request: (params) => expect(params).toEqual({ id: '5' }),
		output: deleted('5'),
	},
	'catalogSection.create': {
		parameters: {
			iblockId: 14,
			name: 'Toys',
			additionalFields: { code: 'toys', sort: 100 },
		},
		request: (params) =>
			expect(params.fields).toEqual({
				iblockId: 14,
				name: 'Toys',
				code: expect.any(String), // the emulator's log masks parameters named code
				sort: 100,
			}),
		// catalog-section-add.md: result.section, the created section with its new id
		output: one((item) => expect(item).toMatchObject({ id: expect.any(Number), iblockId: 14, name: 'Toys', sort: 100 })),
	},
	'catalogSection.get': {
		request: (params) => expect(params).toEqual({ id: expect.stringMatching(/^\d+$/) }),
		parameters: async (portal) => ({
			id: seeded(portal, 'catalog.section', {
				section: { id: 31, iblockId: 14, name: 'Toys' },
			}),
		}),
		output: one((item) => expect(item).toMatchObject({ id: 31, name: 'Toys' })),
	},
	'catalogSection.getMany': {
		parameters: { iblockId: 14, select: 'id, iblockId, name', returnAll: true },
		request: (params) =>
			expect(params).toMatchObject({
				filter: { iblockId: 14 },
				select: ['id', 'iblockId', 'name'],
			}),
		output: eachHas('id', 'name'),
	},
	'catalogSection.update': {
		parameters: (portal) => {
			placed(portal, 'catalog.section', { ID: 31, iblockId: 14, name: 'Toys', active: 'Y' });
			return {
				id: '31',
				iblockId: 14,
				name: 'Kids toys',
				updateFields: { active: false },
			};
		},
		request: (params) =>
			expect(params).toEqual({
				id: '31',
				fields: { iblockId: 14, name: 'Kids toys', active: 'N' },
			}),
		// catalog-section-update.md: result.section, the section as updated
		output: one((item) => expect(item).toMatchObject({ id: 31, iblockId: 14, name: 'Kids toys', active: 'N' })),
	},
	'catalogSection.delete': {
		parameters: { id: '31' },
		request: (params) => expect(params).toEqual({ id: '31' }),
		output: deleted('31'),
	},
	'catalog.getMany': {
		parameters: (portal) => {
			seededRows(portal, 'catalog.catalog', [{ ID: 14, iblockId: 14, name: 'Products', productIblockId: null }]);
			return { returnAll: true };
		},
		request: (params) => expect(String(params.start)).toBe('0'),
		output: one((item) => expect(item).toMatchObject({ iblockId: 14, name: 'Products' })),
	},
	'price.create': {
		parameters: {
			productId: 5,
			catalogGroupId: 1,
			price: 100.5,
			currency: 'USD',
		},
		request: (params) =>
			expect(params.fields).toEqual({
				productId: 5,
				catalogGroupId: 1,
				price: 100.5,
				currency: 'USD',
			}),
		// catalog-price-add.md: result.price, the created price with its new id
		output: one((item) => expect(item).toMatchObject({ id: expect.any(Number), productId: 5, catalogGroupId: 1, price: 100.5, currency: 'USD' })),
	},
	'price.get': {
		request: (params) => expect(params).toEqual({ id: expect.stringMatching(/^\d+$/) }),
		parameters: async (portal) => ({
			id: seeded(portal, 'catalog.price', {
				price: { id: 3, productId: 5, price: 100.5, currency: 'USD' },
			}),
		}),
		output: one((item) => expect(item).toMatchObject({ productId: 5, currency: 'USD' })),
	},
	'price.getMany': {
		parameters: {
			returnAll: true,
			listOptions: { filter: '{"productId": 5}' },
		},
		request: (params) => expect(params.filter).toEqual({ productId: 5 }),
		output: eachHas('id', 'price'),
	},
	'price.update': {
		parameters: (portal) => {
			placed(portal, 'catalog.price', { ID: 3, productId: 5, catalogGroupId: 1, price: 100.5, currency: 'USD' });
			return { id: '3', price: 120, currency: 'EUR' };
		},
		request: (params) =>
			expect(params).toEqual({
				id: '3',
				fields: { price: 120, currency: 'EUR' },
			}),
		// catalog-price-update.md: result.price, the price as updated
		output: one((item) => expect(item).toMatchObject({ id: 3, productId: 5, catalogGroupId: 1, price: 120, currency: 'EUR' })),
	},
	'price.delete': {
		parameters: { id: '3' },
		request: (params) => expect(params).toEqual({ id: '3' }),
		output: deleted('3'),
	},
	'priceType.getMany': {
		parameters: (portal) => {
			seededRows(portal, 'catalog.pricetype', [{ ID: 1, id: 1, name: 'BASE', base: 'Y', sort: 100 }]);
			return { returnAll: true };
		},
		methods: ['catalog.priceType.list'],
		request: (params) => expect(String(params.start)).toBe('0'),
		output: one((item) => expect(item).toMatchObject({ id: 1, name: 'BASE' })),
	},
	'store.getMany': {
		parameters: (portal) => {
			seededRows(portal, 'catalog.store', [{ ID: 2, id: 2, title: 'Main warehouse', active: 'Y' }]);
			return { returnAll: true };
		},
		request: (params) => expect(String(params.start)).toBe('0'),
		output: one((item) => expect(item).toMatchObject({ id: 2, title: 'Main warehouse' })),
	},
	'productRow.create': {
		parameters: {
			ownerType: 'D',
			ownerId: 1,
			additionalFields: {
				productName: 'Service',
				price: 50,
				quantity: 3,
				taxIncluded: true,
			},
		},
		methods: ['crm.item.productrow.add'],
		request: (params) =>
			expect(params.fields).toEqual({
				ownerType: 'D',
				ownerId: 1,
				productName: 'Service',
				price: 50,
				quantity: 3,
				taxIncluded: 'Y',
			}),
		output: one((item) => expect(item).toMatchObject({ id: expect.any(Number), ownerType: 'D', ownerId: 1, productName: 'Service', price: 50, quantity: 3, taxIncluded: 'Y' })),
	},
	'productRow.getMany': {
		parameters: { ownerType: 'D', ownerId: 1, returnAll: true },
		methods: ['crm.item.productrow.list'],
		request: (params) =>
			expect(params).toMatchObject({
				filter: { '=ownerType': 'D', '=ownerId': 1 },
				start: 0,
			}),
		output: eachHas('id', 'ownerId'),
	},
	'productRow.update': {
		parameters: async (portal) => ({ id: (productRowId = await newProductRow(portal)), updateFields: { quantity: 4 } }),
		methods: ['crm.item.productrow.update'],
		request: (params) => expect(params).toEqual({ id: productRowId, fields: { quantity: 4 } }),
		// documented: { productRow: {...} }, unwrapped to the row
		output: one((item) => expect(item).toMatchObject({ id: Number(productRowId), ownerType: 'D', ownerId: 1, productName: 'Service', quantity: 4 })),
	},
	'productRow.delete': {
		parameters: async (portal) => ({ id: (productRowId = await newProductRow(portal)) }),
		methods: ['crm.item.productrow.delete'],
		request: (params) => expect(params).toEqual({ id: productRowId }),
		output: (items) => deleted(productRowId)(items),
	},
	'productRow.set': {
		parameters: {
			ownerType: 'D',
			ownerId: 1,
			productRows: '[{"productId": 12, "price": 100, "quantity": 2}]',
		},
		methods: ['crm.item.productrow.set'],
		request: (params) =>
			expect(params).toEqual({
				ownerType: 'D',
				ownerId: 1,
				productRows: [{ productId: 12, price: 100, quantity: 2 }],
			}),
		// crm-item-productrow-set.md: the owner's rows as now stored
		output: one((item) => expect(item).toMatchObject({ id: expect.any(Number), ownerId: 1, productId: 12, price: 100, quantity: 2 })),
	},
};

// ---------- requisites ----------

const addressKey = { TYPE_ID: 1, ENTITY_TYPE_ID: 8, ENTITY_ID: 3 };
/** The node's inputs for addressKey: the address type is entered as ADDRESS_TYPE_ID. */
const addressInput = { ADDRESS_TYPE_ID: 1, ENTITY_TYPE_ID: 8, ENTITY_ID: 3 };
const linkKey = { entityTypeId: 2, entityId: 1 };
const requisiteCases: Cases = {
	'requisite.create': {
		parameters: {
			ENTITY_TYPE_ID: 4,
			ENTITY_ID: 1,
			PRESET_ID: 1,
			NAME: 'Main',
			additionalFields: { RQ_COMPANY_NAME: 'Acme', RQ_VAT_ID: 'DE123' },
		},
		request: (params) =>
			expect(params.fields).toEqual({
				ENTITY_TYPE_ID: 4,
				ENTITY_ID: 1,
				PRESET_ID: 1,
				NAME: 'Main',
				RQ_COMPANY_NAME: 'Acme',
				RQ_VAT_ID: 'DE123',
			}),
		output: createdId,
	},
	'requisite.get': {
		request: (params) => expect(params).toEqual({ id: expect.stringMatching(/^\d+$/) }),
		parameters: async (portal) => {
			const [out] = await portal.json({
				resource: 'requisite',
				operation: 'create',
				ENTITY_TYPE_ID: 4,
				ENTITY_ID: 1,
				PRESET_ID: 1,
				NAME: 'Get',
			});
			return { id: String(out.id) };
		},
		output: one((item) => expect(item).toHaveProperty('ID')),
	},
	'requisite.getMany': {
		parameters: {
			returnAll: true,
			listOptions: { filter: '{"ENTITY_TYPE_ID": 4}' },
		},
		request: (params) => expect(params).toMatchObject({ filter: { ENTITY_TYPE_ID: 4 }, start: 0 }),
		output: eachHas('ID'),
	},
	'requisite.update': {
		parameters: { id: '1', updateFields: { NAME: 'Renamed' } },
		request: (params) => expect(params).toEqual({ id: '1', fields: { NAME: 'Renamed' } }),
		output: updated('1'),
	},
	'requisite.delete': {
		parameters: { id: '1' },
		request: (params) => expect(params).toEqual({ id: '1' }),
		output: deleted('1'),
	},
	'requisite.getFields': {
		request: (params) => expect(params).toEqual({}),
		methods: ['crm.requisite.fields'],
		// crm-requisite-fields.md: ENTITY_TYPE_ID, ENTITY_ID and PRESET_ID are required and immutable
		output: (items) => {
			fieldList('ID', 'ENTITY_TYPE_ID', 'ENTITY_ID', 'PRESET_ID', 'NAME', 'RQ_VAT_ID')(items);
			expect(items).toContainEqual(expect.objectContaining({ field: 'ENTITY_TYPE_ID', type: 'integer', isRequired: true, isImmutable: true }));
			expect(items).toContainEqual(expect.objectContaining({ field: 'PRESET_ID', type: 'integer', isRequired: true, isImmutable: true }));
			expect(items).toContainEqual(expect.objectContaining({ field: 'NAME', type: 'string', isRequired: false }));
		},
	},
	'requisitePreset.getMany': {
		parameters: (portal) => {
			seededRows(portal, 'crm.requisite.preset', [{ ID: 1, ENTITY_TYPE_ID: 8, COUNTRY_ID: 1, NAME: 'Organization', ACTIVE: 'Y' }]);
			return { returnAll: true };
		},
		methods: ['crm.requisite.preset.list'],
		request: (params) => expect(String(params.start)).toBe('0'),
		output: one((item) => expect(item).toMatchObject({ ID: expect.anything(), NAME: 'Organization' })),
	},
	'bankDetail.create': {
		parameters: {
			ENTITY_ID: 1,
			NAME: 'Main account',
			additionalFields: {
				RQ_IBAN: 'DE89370400440532013000',
				RQ_SWIFT: 'COBADEFF',
			},
		},
		methods: ['crm.requisite.bankdetail.add'],
		request: (params) =>
			expect(params.fields).toEqual({
				ENTITY_ID: 1,
				NAME: 'Main account',
				RQ_IBAN: 'DE89370400440532013000',
				RQ_SWIFT: 'COBADEFF',
			}),
		output: createdId,
	},
	'bankDetail.get': {
		request: (params) => expect(params).toEqual({ id: expect.stringMatching(/^\d+$/) }),
		parameters: async (portal) => ({
			id: seeded(portal, 'crm.requisite.bankdetail', {
				ENTITY_ID: '1',
				NAME: 'Main account',
			}),
		}),
		methods: ['crm.requisite.bankdetail.get'],
		output: one((item) =>
			expect(item).toMatchObject({
				ID: expect.anything(),
				NAME: 'Main account',
			}),
		),
	},
	'bankDetail.getMany': {
		parameters: { returnAll: true },
		methods: ['crm.requisite.bankdetail.list'],
		request: (params) => expect(String(params.start)).toBe('0'),
		output: eachHas('ID'),
	},
	'bankDetail.update': {
		parameters: { id: '2', updateFields: { RQ_BANK_NAME: 'Commerzbank' } },
		methods: ['crm.requisite.bankdetail.update'],
		request: (params) =>
			expect(params).toEqual({
				id: '2',
				fields: { RQ_BANK_NAME: 'Commerzbank' },
			}),
		output: updated('2'),
	},
	'bankDetail.delete': {
		parameters: { id: '2' },
		methods: ['crm.requisite.bankdetail.delete'],
		request: (params) => expect(params).toEqual({ id: '2' }),
		output: deleted('2'),
	},
	'requisiteLink.register': {
		parameters: {
			ENTITY_TYPE_ID: 2,
			ENTITY_ID: 1,
			REQUISITE_ID: 3,
			BANK_DETAIL_ID: 4,
			MC_REQUISITE_ID: 5,
			MC_BANK_DETAIL_ID: 6,
		},
		request: (params) =>
			expect(params.fields).toEqual({
				ENTITY_TYPE_ID: 2,
				ENTITY_ID: 1,
				REQUISITE_ID: 3,
				BANK_DETAIL_ID: 4,
				MC_REQUISITE_ID: 5,
				MC_BANK_DETAIL_ID: 6,
			}),
		output: one((item) => expect(item).toEqual({ success: true })),
	},
	'requisiteLink.get': {
		parameters: linkKey,
		request: (params) => expect(params).toEqual(linkKey),
		// crm-requisite-link-get.md: the record's requisite and bank details, its own and the company's
		output: one((item) => expect(Object.keys(item).sort()).toEqual(['BANK_DETAIL_ID', 'ENTITY_ID', 'ENTITY_TYPE_ID', 'MC_BANK_DETAIL_ID', 'MC_REQUISITE_ID', 'REQUISITE_ID'])),
	},
	'requisiteLink.getMany': {
		parameters: (portal) => {
			seededRows(portal, 'crm.requisite.link', [{ ID: 1, ENTITY_TYPE_ID: '2', ENTITY_ID: '1', REQUISITE_ID: '3', BANK_DETAIL_ID: '0' }]);
			return { returnAll: true };
		},
		request: (params) => expect(String(params.start)).toBe('0'),
		output: one((item) => expect(item).toMatchObject({ ENTITY_TYPE_ID: '2', ENTITY_ID: '1', REQUISITE_ID: '3' })),
	},
	'requisiteLink.unregister': {
		parameters: linkKey,
		request: (params) => expect(params).toEqual(linkKey),
		output: one((item) => expect(item).toEqual({ success: true })),
	},
	'address.create': {
		parameters: {
			...addressInput,
			additionalFields: {
				ADDRESS_1: '4 Peace Avenue',
				CITY: 'Berlin',
				COUNTRY: 'Germany',
			},
		},
		request: (params) =>
			expect(params.fields).toEqual({
				...addressKey,
				ADDRESS_1: '4 Peace Avenue',
				CITY: 'Berlin',
				COUNTRY: 'Germany',
			}),
		output: one((item) => expect(item).toMatchObject({ ...addressKey, CITY: 'Berlin' })),
	},
	'address.getMany': {
		parameters: (portal) => (
			seededRows(portal, 'crm.address', [{ ...addressKey, CITY: 'Berlin' }]),
			{ returnAll: true, listOptions: { filter: '{"ENTITY_TYPE_ID": 8}' } }
		),
		request: (params) => expect(params.filter).toEqual({ ENTITY_TYPE_ID: 8 }),
		output: eachHas('TYPE_ID', 'ENTITY_ID'),
	},
	'address.update': {
		parameters: { ...addressInput, updateFields: { CITY: 'Hamburg' } },
		request: (params) => expect(params.fields).toEqual({ ...addressKey, CITY: 'Hamburg' }),
		output: one((item) =>
			expect(item).toMatchObject({
				...addressKey,
				CITY: 'Hamburg',
				updated: true,
			}),
		),
	},
	'address.delete': {
		parameters: addressInput,
		request: (params) => expect(params).toEqual({ fields: addressKey }),
		output: one((item) => expect(item).toEqual({ ...addressKey, deleted: true })),
	},
};

// ---------- documents and automation ----------

const automationCases: Cases = {
	'crmDocument.create': {
		parameters: {
			templateId: 39,
			entityTypeId: 2,
			entityId: 1,
			additionalFields: {
				values: '{"DocumentTitle": "Offer 17"}',
				stampsEnabled: true,
			},
		},
		methods: ['crm.documentgenerator.document.add'],
		request: (params) =>
			expect(params).toEqual({
				templateId: 39,
				entityTypeId: 2,
				entityId: 1,
				values: { DocumentTitle: 'Offer 17' },
				stampsEnabled: 1,
			}),
		// crm-document-generator-document-add.md: result.document, the new document of template 39 for deal 1
		output: one((item) => expect(item).toMatchObject({ id: expect.any(Number), templateId: '39', entityTypeId: '2', entityId: '1', createdBy: expect.any(Number), createTime: expect.any(String) })),
	},
	'crmDocument.get': {
		request: (params) => expect(params).toEqual({ id: expect.stringMatching(/^\d+$/) }),
		parameters: async (portal) => ({
			id: seeded(portal, 'crm.documentgenerator.document', {
				document: { id: '61', title: 'Offer 17', templateId: '39' },
			}),
		}),
		methods: ['crm.documentgenerator.document.get'],
		output: one((item) => expect(item).toMatchObject({ title: 'Offer 17', templateId: '39' })),
	},
	'crmDocument.getMany': {
		parameters: {
			returnAll: true,
			listOptions: { filter: '{"entityTypeId": 2}' },
		},
		methods: ['crm.documentgenerator.document.list'],
		request: (params) => expect(params).toMatchObject({ filter: { entityTypeId: 2 }, start: 0 }),
		output: eachHas('id', 'title'),
	},
	'crmDocument.getTemplates': {
		parameters: (portal) => {
			seededRows(portal, 'crm.documentgenerator.template', [{ ID: 5, id: 5, name: 'Invoice', active: 'Y', code: 'invoice' }]);
			return { returnAll: true, listOptions: { filter: '{"active": "Y"}' } };
		},
		methods: ['crm.documentgenerator.template.list'],
		request: (params) => expect(params).toMatchObject({ filter: { active: 'Y' }, start: 0 }),
		output: one((item) => expect(item).toMatchObject({ id: expect.anything(), name: 'Invoice' })),
	},
	'automationTrigger.fire': {
		parameters: { target: 'DEAL_1', options: { code: 'paid' } },
		methods: ['crm.automation.trigger'],
		// the emulator's log masks any parameter named code; the output echoes what was sent
		request: (params) => expect(Object.keys(params).sort()).toEqual(['code', 'target']),
		output: one((item) => expect(item).toEqual({ target: 'DEAL_1', code: 'paid', fired: true })),
	},
	'automationTrigger.create': {
		auth: 'oAuth2',
		parameters: { CODE: 'paid', NAME: 'Payment received' },
		request: (params) =>
			expect(params).toMatchObject({
				CODE: expect.any(String),
				NAME: 'Payment received',
			}),
		output: one((item) =>
			expect(item).toEqual({
				CODE: 'paid',
				NAME: 'Payment received',
				created: true,
			}),
		),
	},
	'automationTrigger.getMany': {
		request: (params) => expect(params).toEqual({}),
		auth: 'oAuth2',
		parameters: { returnAll: true },
		output: eachHas('CODE', 'NAME'),
	},
	'automationTrigger.delete': {
		auth: 'oAuth2',
		parameters: { CODE: 'paid' },
		request: (params) => expect(Object.keys(params)).toEqual(['CODE']),
		output: one((item) => expect(item).toEqual({ CODE: 'paid', deleted: true })),
	},
	'automationTrigger.execute': {
		auth: 'oAuth2',
		parameters: { CODE: 'paid', OWNER_TYPE_ID: 2, OWNER_ID: 1 },
		request: (params) =>
			expect(params).toMatchObject({
				CODE: expect.any(String),
				OWNER_TYPE_ID: 2,
				OWNER_ID: 1,
			}),
		output: one((item) =>
			expect(item).toEqual({
				CODE: 'paid',
				OWNER_TYPE_ID: 2,
				OWNER_ID: 1,
				executed: true,
			}),
		),
	},
};

export const crmCases: Cases = {
	...legacyCases('lead', 'crm.lead', { TITLE: 'Website lead' }, ['NAME', 'Anna']),
	...legacyCases('deal', 'crm.deal', { TITLE: 'Big deal' }, ['TYPE_ID', 'SALE']),
	...legacyCases('contact', 'crm.contact', { NAME: 'Boris' }, ['LAST_NAME', 'Petrov']),
	...legacyCases('company', 'crm.company', { TITLE: 'Acme' }, ['INDUSTRY', 'IT']),
	...commCases('lead', 'crm.lead', { TITLE: 'Website lead' }),
	...commCases('contact', 'crm.contact', { NAME: 'Boris' }),
	...commCases('company', 'crm.company', { TITLE: 'Acme' }),
	...legacyCases('quote', 'crm.quote', { TITLE: 'Offer' }, ['COMMENTS', 'Valid for 30 days']),
	...productRowsCases('lead', 'crm.lead'),
	...productRowsCases('deal', 'crm.deal'),
	...productRowsCases('quote', 'crm.quote'),
	...linkedCases('deal', 'crm.deal.contact', 'Contacts', 'CONTACT_ID'),
	...linkedCases('contact', 'crm.contact.company', 'Companies', 'COMPANY_ID'),
	...linkedCases('company', 'crm.company.contact', 'Contacts', 'CONTACT_ID'),
	...itemCases('crmItem', { entityTypeId: 2 }, 2),
	...itemCases('invoice', {}, 31),
	...settingsCases,
	...['lead', 'deal', 'contact', 'company', 'quote'].reduce<Cases>((all, entity) => ({ ...all, ...userFieldCases(entity) }), {}),
	...crmUserFieldCases,
	...timelineCases,
	...catalogCases,
	...requisiteCases,
	...automationCases,
};
