import type { IDataObject } from 'n8n-workflow';

import type { Portal } from '../../helpers/portal';
import { createdIn, one } from './catalog';
import { newRecord } from './crm';
import { seededRows } from './seed';
import type { Cases } from './types';

/** CRM breadth, part 1: single links, payments and deliveries, import, and CRM settings families. */

let portalRef: Portal;
const use = (portal: Portal) => (portalRef = portal);
const created = (table: string) => createdIn(() => portalRef, table);
const fieldList =
	(...names: string[]) =>
	(items: IDataObject[]) => {
		const fields = items.map((item) => item.field);
		for (const name of names) expect(fields).toContain(name);
		expect(items[0]).toHaveProperty('type');
	};

// ---------- single links: crm.{deal|lead|quote|company}.contact.*, crm.contact.company.* ----------

function linkCases(resource: string, prefix: string, owner: string, linked: string, key: string): Cases {
	let ownerId = '';
	/** A fresh owner with two linked records, linked through the node's Add. */
	const linkedOwner = async (portal: Portal): Promise<[string, string]> => {
		ownerId = await newRecord(portal, owner);
		const first = await newRecord(portal, linked);
		const second = await newRecord(portal, linked);
		await portal.json({ resource, operation: 'add', id: ownerId, [key]: first });
		await portal.json({ resource, operation: 'add', id: ownerId, [key]: second, additionalFields: { SORT: 50 } });
		return [first, second];
	};
	let linkedIds: [string, string] = ['', ''];
	return {
		[`${resource}.add`]: {
			parameters: async (portal) => ({
				id: (ownerId = await newRecord(portal, owner)),
				[key]: await newRecord(portal, linked),
				additionalFields: { IS_PRIMARY: true, SORT: 20 },
			}),
			request: (params) => expect(params).toEqual({ id: ownerId, fields: { [key]: expect.any(String), IS_PRIMARY: 'Y', SORT: 20 } }),
			// the method answers true; the node reports the link it made
			output: one((item) => expect(item).toEqual({ id: ownerId, [key]: expect.any(String), added: true })),
		},
		[`${resource}.get`]: {
			parameters: async (portal) => ((linkedIds = await linkedOwner(portal)), { id: ownerId }),
			request: (params) => expect(params).toEqual({ id: ownerId }),
			// the first link became primary (none was), the second kept its sort
			output: (items) =>
				expect(items).toEqual([
					{ [key]: Number(linkedIds[0]), SORT: 10, ROLE_ID: 0, IS_PRIMARY: 'Y' },
					{ [key]: Number(linkedIds[1]), SORT: 50, ROLE_ID: 0, IS_PRIMARY: 'N' },
				]),
		},
		[`${resource}.remove`]: {
			parameters: async (portal) => ((linkedIds = await linkedOwner(portal)), { id: ownerId, [key]: linkedIds[0] }),
			request: (params) => expect(params).toEqual({ id: ownerId, fields: { [key]: linkedIds[0] } }),
			output: one((item) => expect(item).toEqual({ id: ownerId, [key]: linkedIds[0], deleted: true })),
		},
		[`${resource}.set`]: {
			parameters: async (portal) => ({ id: (ownerId = await newRecord(portal, owner)), items: `[{"${key}": 1, "IS_PRIMARY": "Y"}, {"${key}": 2}]` }),
			request: (params) => expect(params).toEqual({ id: ownerId, items: [{ [key]: 1, IS_PRIMARY: 'Y' }, { [key]: 2 }] }),
			output: one((item) => expect(item).toEqual({ id: ownerId, updated: true })),
		},
		[`${resource}.removeAll`]: {
			parameters: async (portal) => (await linkedOwner(portal), { id: ownerId }),
			request: (params) => expect(params).toEqual({ id: ownerId }),
			output: one((item) => expect(item).toEqual({ id: ownerId, deleted: true })),
		},
		[`${resource}.getFields`]: {
			request: (params) => expect(params).toEqual({}),
			// crm-*-contact-fields.md: SORT, IS_PRIMARY and the linked record's ID
			output: fieldList('SORT', 'IS_PRIMARY', key),
		},
	};
}

// ---------- payments and deliveries of CRM items ----------

/** A deal with one product row, through the node; returns the deal's and the row's IDs. */
async function dealWithRow(portal: Portal): Promise<[string, number]> {
	const deal = await newRecord(portal, 'deal');
	const [row] = await portal.json({ resource: 'productRow', operation: 'create', ownerType: 'D', ownerId: Number(deal), additionalFields: { productName: 'Chair', price: 40, quantity: 2 } });
	return [deal, Number(row.id)];
}
/** A payment of a fresh deal, through the node; returns its ID. */
async function newPayment(portal: Portal): Promise<string> {
	const [deal] = await dealWithRow(portal);
	const [out] = await portal.json({ resource: 'payment', operation: 'create', entityTypeId: 2, entityId: deal });
	return String(out.id);
}
let paymentId = '';
let rowId = 0;
let dealId = '';
const changedId = (id: () => string) => one((item) => expect(item).toEqual({ id: id(), success: true }));

const paymentCases: Cases = {
	'payment.create': {
		parameters: async (portal) => (use(portal), { entityTypeId: 2, entityId: (dealId = (await dealWithRow(portal))[0]) }),
		request: (params) => expect(params).toEqual({ entityTypeId: 2, entityId: dealId }),
		// crm-item-payment-add.md: the new payment's ID
		output: created('generic:crm.item.payment'),
	},
	'payment.get': {
		// paid through the node first: get shows what pay changed
		parameters: async (portal) => {
			paymentId = await newPayment(portal);
			await portal.json({ resource: 'payment', operation: 'pay', id: paymentId });
			return { id: paymentId };
		},
		request: (params) => expect(params).toEqual({ id: paymentId }),
		// crm-item-payment-get.md: id, accountNumber, paid, datePaid, empPaidId, paySystemId, sum, currency, paySystemName
		output: one((item) => expect(item).toMatchObject({ id: Number(paymentId), paid: 'Y', datePaid: expect.any(String), empPaidId: expect.any(Number) })),
	},
	'payment.getMany': {
		parameters: async (portal) => {
			[dealId] = await dealWithRow(portal);
			const [payment] = await portal.json({ resource: 'payment', operation: 'create', entityTypeId: 2, entityId: dealId });
			paymentId = String(payment.id);
			return { entityTypeId: 2, entityId: dealId, returnAll: true };
		},
		request: (params) => expect(params).toEqual({ entityTypeId: 2, entityId: dealId }),
		output: (items) => expect(items.map((item) => item.id)).toEqual([Number(paymentId)]),
	},
	'payment.update': {
		parameters: async (portal) => ({ id: (paymentId = await newPayment(portal)), updateFields: { paySystemId: 6 } }),
		request: (params) => expect(params).toEqual({ id: paymentId, fields: { paySystemId: 6 } }),
		output: one((item) => expect(item).toEqual({ id: paymentId, updated: true })),
	},
	'payment.delete': {
		parameters: async (portal) => ({ id: (paymentId = await newPayment(portal)) }),
		request: (params) => expect(params).toEqual({ id: paymentId }),
		output: one((item) => expect(item).toEqual({ id: paymentId, deleted: true })),
	},
	'payment.pay': {
		parameters: async (portal) => ({ id: (paymentId = await newPayment(portal)) }),
		request: (params) => expect(params).toEqual({ id: paymentId }),
		output: changedId(() => paymentId),
	},
	'payment.unpay': {
		parameters: async (portal) => {
			paymentId = await newPayment(portal);
			await portal.json({ resource: 'payment', operation: 'pay', id: paymentId });
			return { id: paymentId };
		},
		request: (params) => expect(params).toEqual({ id: paymentId }),
		output: changedId(() => paymentId),
	},
	'payment.getPublicUrl': {
		parameters: async (portal) => ({ id: (paymentId = await newPayment(portal)) }),
		request: (params) => expect(params).toEqual({ id: paymentId }),
		// salescenter-payment-get-public-url.md: result.payment { url, shortUrl }
		output: one((item) => expect(item).toEqual({ url: expect.stringContaining(`/${paymentId}/`), shortUrl: expect.any(String) })),
	},
	'paymentProduct.create': {
		parameters: async (portal) => {
			use(portal);
			[, rowId] = await dealWithRow(portal);
			const [out] = await portal.json({ resource: 'payment', operation: 'create', entityTypeId: 2, entityId: (await dealWithRow(portal))[0] });
			paymentId = String(out.id);
			return { paymentId, rowId, quantity: 2 };
		},
		request: (params) => expect(params).toEqual({ paymentId, rowId, quantity: 2 }),
		output: created('generic:crm.item.payment.product'),
	},
	'paymentProduct.getMany': {
		parameters: async (portal) => {
			paymentId = await newPayment(portal);
			[, rowId] = await dealWithRow(portal);
			await portal.json({ resource: 'paymentProduct', operation: 'create', paymentId, rowId, quantity: 3 });
			return { paymentId, returnAll: true };
		},
		// the filter is required: an empty one when none is given
		request: (params) => expect(params).toEqual({ paymentId, filter: {} }),
		output: (items) => expect(items).toEqual([{ id: expect.any(Number), paymentId: Number(paymentId), rowId, quantity: 3 }]),
	},
	'paymentProduct.setQuantity': {
		parameters: async (portal) => {
			paymentId = await newPayment(portal);
			[, rowId] = await dealWithRow(portal);
			const [out] = await portal.json({ resource: 'paymentProduct', operation: 'create', paymentId, rowId, quantity: 1 });
			return { id: (dealId = String(out.id)), quantity: 5 };
		},
		request: (params) => expect(params).toEqual({ id: dealId, quantity: 5 }),
		output: changedId(() => dealId),
	},
	'paymentProduct.delete': {
		parameters: async (portal) => {
			paymentId = await newPayment(portal);
			[, rowId] = await dealWithRow(portal);
			const [out] = await portal.json({ resource: 'paymentProduct', operation: 'create', paymentId, rowId, quantity: 1 });
			return { id: (dealId = String(out.id)) };
		},
		request: (params) => expect(params).toEqual({ id: dealId }),
		output: one((item) => expect(item).toEqual({ id: dealId, deleted: true })),
	},
	'paymentDelivery.create': {
		parameters: async (portal) => (use(portal), { paymentId: (paymentId = await newPayment(portal)), deliveryId: 228 }),
		request: (params) => expect(params).toEqual({ paymentId, deliveryId: 228 }),
		output: created('generic:crm.item.payment.delivery'),
	},
	'paymentDelivery.getMany': {
		parameters: async (portal) => {
			paymentId = await newPayment(portal);
			await portal.json({ resource: 'paymentDelivery', operation: 'create', paymentId, deliveryId: 228 });
			return { paymentId, returnAll: true, listOptions: { filter: '{"deliveryId": 228}' } };
		},
		request: (params) => expect(params).toEqual({ paymentId, filter: { deliveryId: 228 } }),
		output: (items) => expect(items).toEqual([expect.objectContaining({ id: expect.any(Number), paymentId: Number(paymentId), deliveryId: 228 })]),
	},
	'paymentDelivery.setDelivery': {
		parameters: async (portal) => {
			paymentId = await newPayment(portal);
			const [out] = await portal.json({ resource: 'paymentDelivery', operation: 'create', paymentId, deliveryId: 228 });
			return { id: (dealId = String(out.id)), deliveryId: 229 };
		},
		request: (params) => expect(params).toEqual({ id: dealId, deliveryId: 229 }),
		output: changedId(() => dealId),
	},
	'paymentDelivery.delete': {
		parameters: async (portal) => {
			paymentId = await newPayment(portal);
			const [out] = await portal.json({ resource: 'paymentDelivery', operation: 'create', paymentId, deliveryId: 228 });
			return { id: (dealId = String(out.id)) };
		},
		request: (params) => expect(params).toEqual({ id: dealId }),
		output: one((item) => expect(item).toEqual({ id: dealId, deleted: true })),
	},
	// deliveries are made by the shop (no REST method adds one): seeded as crm-item-delivery-list.md shows them
	'delivery.get': {
		parameters: (portal) => (
			seededRows(portal, 'crm.item.delivery', [{ ID: 4077, id: 4077, accountNumber: '3657/2', deducted: 'N', deliveryId: 228, priceDelivery: 79.99, currency: 'USD', deliveryName: 'Uber Taxi (Cargo)' }]),
			{ id: '4077' }
		),
		request: (params) => expect(params).toEqual({ id: '4077' }),
		output: one((item) => expect(item).toMatchObject({ id: 4077, accountNumber: '3657/2', deliveryId: 228, priceDelivery: 79.99, deliveryName: 'Uber Taxi (Cargo)' })),
	},
	'delivery.getMany': {
		parameters: (portal) => (
			seededRows(portal, 'crm.item.delivery', [
				{ ID: 4077, id: 4077, accountNumber: '3657/2', deducted: 'N', deliveryId: 228, priceDelivery: 79.99, currency: 'USD', deliveryName: 'Uber Taxi (Cargo)' },
				{ ID: 4078, id: 4078, accountNumber: '3657/3', deducted: 'Y', deliveryId: 228, priceDelivery: 10, currency: 'USD', deliveryName: 'Courier' },
			]),
			{ entityTypeId: 2, entityId: '3657', returnAll: true, listOptions: { filter: '{"deducted": "N"}' } }
		),
		request: (params) => expect(params).toEqual({ entityTypeId: 2, entityId: '3657', filter: { deducted: 'N' } }),
		output: (items) => expect(items).toEqual([expect.objectContaining({ id: 4077, accountNumber: '3657/2', deducted: 'N' })]),
	},
	'productRow.get': {
		parameters: async (portal) => ({ id: String(([dealId, rowId] = await dealWithRow(portal))[1]) }),
		request: (params) => expect(params).toEqual({ id: String(rowId) }),
		// crm-item-productrow-get.md: { productRow: {...} }, unwrapped to the row
		output: one((item) => expect(item).toMatchObject({ id: rowId, ownerType: 'D', ownerId: Number(dealId), productName: 'Chair', price: 40, quantity: 2 })),
	},
	'productRow.getAvailableForPayment': {
		parameters: async (portal) => {
			[dealId, rowId] = await dealWithRow(portal);
			return { ownerType: 'D', ownerId: dealId };
		},
		request: (params) => expect(params).toEqual({ ownerType: 'D', ownerId: dealId }),
		output: (items) => expect(items).toEqual([expect.objectContaining({ id: rowId, ownerType: 'D', ownerId: Number(dealId), productName: 'Chair' })]),
	},
	'productRow.getFields': {
		request: (params) => expect(params).toEqual({}),
		// crm-item-productrow-fields.md: { fields: {...} }, one item per field
		output: fieldList('id', 'ownerId', 'ownerType', 'productId', 'price', 'quantity'),
	},
};

// ---------- import, recurring deals, call lists, automated solutions, duplicate search, order links ----------

/** A recurring template of a fresh deal, through the node; returns [template ID, deal ID]. */
async function newRecurring(portal: Portal): Promise<[string, string]> {
	const deal = await newRecord(portal, 'deal', { OPPORTUNITY: 300 });
	const [out] = await portal.json({ resource: 'recurringDeal', operation: 'create', DEAL_ID: deal, additionalFields: { IS_LIMIT: 'T', LIMIT_REPEAT: 2 } });
	return [String(out.id), deal];
}
/** A call list of contacts 11 and 12, through the node; returns its ID. */
async function newCallList(portal: Portal): Promise<string> {
	const [out] = await portal.json({ resource: 'callList', operation: 'create', ENTITY_TYPE: 'CONTACT', ENTITIES: '11, 12' });
	return String(out.id);
}
async function newSolution(portal: Portal): Promise<string> {
	const [out] = await portal.json({ resource: 'automatedSolution', operation: 'create', title: 'HR' });
	return String(out.id);
}
let recordId = '';

const moreCases: Cases = {
	'crmImport.importOne': {
		parameters: { entityTypeId: 2, fields: '{"title": "Imported deal", "opportunity": 100}', options: { useOriginalUfNames: true } },
		request: (params) => expect(params).toEqual({ entityTypeId: 2, fields: { title: 'Imported deal', opportunity: 100 }, useOriginalUfNames: 'Y' }),
		// crm-item-import.md: { item: { id } }, unwrapped
		output: one((item) => expect(item).toEqual({ id: expect.any(Number) })),
	},
	'crmImport.importMany': {
		parameters: { entityTypeId: 2, data: '[{"title": "Deal A"}, {"title": "Deal B"}]' },
		request: (params) => expect(params).toEqual({ entityTypeId: 2, data: [{ title: 'Deal A' }, { title: 'Deal B' }] }),
		// crm-item-batch-import.md: { items: [{ item: { id } }, ...] }: one output item per record, in order
		output: (items) => {
			expect(items).toEqual([
				{ index: 0, id: expect.any(Number) },
				{ index: 1, id: expect.any(Number) },
			]);
			expect(items[1].id).not.toBe(items[0].id);
		},
	},
	'recurringDeal.create': {
		parameters: async (portal) => ({
			DEAL_ID: (dealId = await newRecord(use(portal), 'deal')),
			additionalFields: { ACTIVE: true, IS_LIMIT: 'T', LIMIT_REPEAT: 3, PARAMS: '{"MODE": "multiple", "MULTIPLE_TYPE": "month", "MULTIPLE_INTERVAL": 1}' },
		}),
		request: (params) =>
			expect(params).toEqual({
				fields: { DEAL_ID: dealId, ACTIVE: 'Y', IS_LIMIT: 'T', LIMIT_REPEAT: 3, PARAMS: { MODE: 'multiple', MULTIPLE_TYPE: 'month', MULTIPLE_INTERVAL: 1 } },
			}),
		output: created('generic:crm.deal.recurring'),
	},
	'recurringDeal.get': {
		parameters: async (portal) => ([recordId, dealId] = await newRecurring(portal), { id: recordId }),
		request: (params) => expect(params).toEqual({ id: recordId }),
		output: one((item) => expect(item).toMatchObject({ ID: recordId, DEAL_ID: dealId, IS_LIMIT: 'T' })),
	},
	'recurringDeal.getMany': {
		parameters: async (portal) => ([recordId, dealId] = await newRecurring(portal), { returnAll: true, listOptions: { filter: `{"DEAL_ID": ${dealId}}` } }),
		request: (params) => expect(params).toMatchObject({ filter: { DEAL_ID: Number(dealId) } }),
		// crm-deal-recurring-list.md: lower-case id and deal_id
		output: (items) => expect(items).toEqual([expect.objectContaining({ id: recordId, deal_id: dealId })]),
	},
	'recurringDeal.update': {
		parameters: async (portal) => ([recordId] = await newRecurring(portal), { id: recordId, updateFields: { ACTIVE: false } }),
		request: (params) => expect(params).toEqual({ id: recordId, fields: { ACTIVE: 'N' } }),
		output: one((item) => expect(item).toEqual({ id: recordId, updated: true })),
	},
	'recurringDeal.delete': {
		parameters: async (portal) => ([recordId] = await newRecurring(portal), { id: recordId }),
		request: (params) => expect(params).toEqual({ id: recordId }),
		output: one((item) => expect(item).toEqual({ id: recordId, deleted: true })),
	},
	'recurringDeal.expose': {
		parameters: async (portal) => ([recordId, dealId] = await newRecurring(portal), { id: recordId }),
		request: (params) => expect(params).toEqual({ id: recordId }),
		// crm-deal-recurring-expose.md: { DEAL_ID } of the new deal
		output: one((item) => {
			expect(item).toEqual({ DEAL_ID: expect.any(Number) });
			expect(item.DEAL_ID).toBeGreaterThan(Number(dealId));
		}),
	},
	'recurringDeal.getFields': {
		request: (params) => expect(params).toEqual({}),
		output: fieldList('ID', 'DEAL_ID', 'ACTIVE', 'IS_LIMIT', 'PARAMS'),
	},
	'callList.create': {
		parameters: (portal) => (use(portal), { ENTITY_TYPE: 'CONTACT', ENTITIES: '11, 12', additionalFields: { WEBFORM_ID: 3 } }),
		request: (params) => expect(params).toEqual({ ENTITY_TYPE: 'CONTACT', ENTITIES: ['11', '12'], WEBFORM_ID: 3 }),
		output: created('generic:crm.calllist'),
	},
	'callList.get': {
		parameters: async (portal) => ({ ID: (recordId = await newCallList(portal)) }),
		request: (params) => expect(params).toEqual({ ID: recordId }),
		output: one((item) => expect(item).toMatchObject({ ID: recordId, ENTITY_TYPE: 'CONTACT' })),
	},
	'callList.getMany': {
		parameters: async (portal) => ((recordId = await newCallList(portal)), { returnAll: true }),
		request: (params) => expect(params).toEqual({}),
		output: (items) => expect(items.map((item) => item.ID)).toContain(recordId),
	},
	'callList.update': {
		parameters: async (portal) => ({ LIST_ID: (recordId = await newCallList(portal)), ENTITY_TYPE: 'CONTACT', ENTITIES: '13' }),
		request: (params) => expect(params).toEqual({ LIST_ID: recordId, ENTITY_TYPE: 'CONTACT', ENTITIES: ['13'] }),
		output: one((item) => expect(item).toEqual({ id: recordId, updated: true })),
	},
	'callList.getItems': {
		parameters: async (portal) => ({ LIST_ID: (recordId = await newCallList(portal)), options: { FILTER: '{"STATUS": "IN_WORK"}' } }),
		request: (params) => expect(params).toEqual({ LIST_ID: recordId, FILTER: { STATUS: 'IN_WORK' } }),
		// crm-calllist-items-get.md: [{ ID, STATUS, ENTITY_TYPE }]
		output: (items) =>
			expect(items).toEqual([
				{ ID: 11, STATUS: 'IN_WORK', ENTITY_TYPE: 3 },
				{ ID: 12, STATUS: 'IN_WORK', ENTITY_TYPE: 3 },
			]),
	},
	'callList.getStatuses': {
		request: (params) => expect(params).toEqual({}),
		output: (items) => expect(items.map((item) => item.STATUS_ID)).toEqual(['IN_WORK', 'SUCCESS', 'WRONG_NUMBER', 'STOP_CALLING']),
	},
	'automatedSolution.create': {
		parameters: { title: 'HR', additionalFields: { typeIds: '1, 2' } },
		request: (params) => expect(params).toEqual({ fields: { title: 'HR', typeIds: ['1', '2'] } }),
		// crm-automated-solution-add.md: { automatedSolution: { id, title, typeIds } }, unwrapped
		output: one((item) => expect(item).toMatchObject({ id: expect.any(Number), title: 'HR' })),
	},
	'automatedSolution.get': {
		parameters: async (portal) => ({ id: (recordId = await newSolution(portal)) }),
		request: (params) => expect(params).toEqual({ id: recordId }),
		output: one((item) => expect(item).toMatchObject({ id: Number(recordId), title: 'HR' })),
	},
	'automatedSolution.getMany': {
		parameters: async (portal) => ((recordId = await newSolution(portal)), { returnAll: true }),
		request: (params) => expect(params).toMatchObject({ start: 0 }),
		output: (items) => expect(items).toContainEqual(expect.objectContaining({ id: Number(recordId), title: 'HR' })),
	},
	'automatedSolution.update': {
		parameters: async (portal) => ({ id: (recordId = await newSolution(portal)), updateFields: { title: 'People' } }),
		request: (params) => expect(params).toEqual({ id: recordId, fields: { title: 'People' } }),
		output: one((item) => expect(item).toMatchObject({ id: Number(recordId), title: 'People' })),
	},
	'automatedSolution.delete': {
		parameters: async (portal) => ({ id: (recordId = await newSolution(portal)) }),
		request: (params) => expect(params).toEqual({ id: recordId }),
		output: one((item) => expect(item).toEqual({ id: recordId, deleted: true })),
	},
	'automatedSolution.getFields': {
		request: (params) => expect(params).toEqual({}),
		output: fieldList('id', 'title', 'typeIds'),
	},
	'duplicateSearchField.register': {
		parameters: (portal) => (use(portal), { entityTypeId: 1, fieldCode: 'TITLE' }),
		request: (params) => expect(params).toEqual({ entityTypeId: 1, fieldCode: 'TITLE' }),
		// crm-duplicate-volatile-type-register.md: { id } of the registration (a repeat answers the existing one)
		output: one((item) => {
			expect(Number(item.id)).toBeGreaterThan(0);
			const stored = portalRef.emu.store.all('crm.duplicate.volatile').filter((row) => row.entityTypeId === 1 && row.fieldCode === 'TITLE');
			expect(stored.map((row) => Number(row.ID))).toEqual([Number(item.id)]);
		}),
	},
	'duplicateSearchField.getMany': {
		parameters: async (portal) => (await portal.json({ resource: 'duplicateSearchField', operation: 'register', entityTypeId: 3, fieldCode: 'POST' }), { returnAll: true }),
		request: (params) => expect(params).toEqual({}),
		output: (items) => expect(items).toContainEqual({ id: expect.any(Number), entityTypeId: 3, fieldCode: 'POST' }),
	},
	'duplicateSearchField.unregister': {
		parameters: async (portal) => {
			const [out] = await portal.json({ resource: 'duplicateSearchField', operation: 'register', entityTypeId: 4, fieldCode: 'TITLE' });
			return { id: (recordId = String(out.id)) };
		},
		request: (params) => expect(params).toEqual({ id: recordId }),
		output: one((item) => expect(item).toEqual({ id: recordId, deleted: true })),
	},
	'duplicateSearchField.getAvailable': {
		parameters: { options: { entityTypeId: 1 } },
		request: (params) => expect(params).toEqual({ entityTypeId: 1 }),
		// crm-duplicate-volatile-type-fields.md: [{ entityTypeId, fieldCode, fieldTitle }]
		output: (items) => expect(items).toContainEqual({ entityTypeId: 1, fieldCode: 'TITLE', fieldTitle: expect.any(String) }),
	},
	'orderEntity.create': {
		parameters: async (portal) => ({ orderId: 5125, ownerTypeId: 2, ownerId: Number((dealId = await newRecord(portal, 'deal'))) }),
		request: (params) => expect(params).toEqual({ fields: { orderId: 5125, ownerTypeId: 2, ownerId: Number(dealId) } }),
		// crm-order-entity-add.md: { dealOrder: { orderId, ownerId, ownerTypeId } }, unwrapped
		output: one((item) => expect(item).toEqual({ orderId: 5125, ownerId: Number(dealId), ownerTypeId: 2 })),
	},
	'orderEntity.getMany': {
		parameters: async (portal) => {
			await portal.json({ resource: 'orderEntity', operation: 'create', orderId: 5127, ownerTypeId: 2, ownerId: 1 });
			return { returnAll: true };
		},
		request: (params) => expect(params).toMatchObject({ start: 0 }),
		output: (items) => expect(items).toContainEqual(expect.objectContaining({ orderId: 5127, ownerId: 1 })),
	},
	'orderEntity.delete': {
		parameters: { orderId: 5127, ownerTypeId: 2, ownerId: 1 },
		request: (params) => expect(params).toEqual({ fields: { orderId: 5127, ownerTypeId: 2, ownerId: 1 } }),
		output: one((item) => expect(item).toEqual({ orderId: 5127, ownerTypeId: 2, ownerId: 1, deleted: true })),
	},
	'orderEntity.getFields': {
		request: (params) => expect(params).toEqual({}),
		// crm-order-entity-get-fields.md: { orderEntity: { orderId, ownerId, ownerTypeId } }
		output: fieldList('orderId', 'ownerId', 'ownerTypeId'),
	},
	'currency.getBase': {
		parameters: (portal) => (
			seededRows(portal, 'crm.currency', [
				{ CURRENCY: 'USD', BASE: 'N' },
				{ CURRENCY: 'EUR', BASE: 'Y' },
			]),
			{}
		),
		request: (params) => expect(params).toEqual({}),
		// crm-currency-base-get.md: the code of the base currency
		output: one((item) => expect(item).toEqual({ currency: 'EUR' })),
	},
	'currency.setBase': {
		parameters: (portal) => (seededRows(portal, 'crm.currency', [{ CURRENCY: 'USD', BASE: 'Y' }, { CURRENCY: 'EUR', BASE: 'N' }]), { id: 'EUR' }),
		request: (params) => expect(params).toEqual({ id: 'EUR' }),
		output: one((item) => expect(item).toEqual({ id: 'EUR', success: true })),
	},
	'currency.getFields': {
		request: (params) => expect(params).toEqual({}),
		output: fieldList('CURRENCY', 'AMOUNT_CNT', 'AMOUNT', 'BASE'),
	},
	'currency.getLocalizations': {
		parameters: { id: 'USD' },
		request: (params) => expect(params).toEqual({ id: 'USD' }),
		// crm-currency-localizations-get.md: { <language>: { FORMAT_STRING, FULL_NAME, ... } }: one item per language
		output: (items) => {
			expect(items.length).toBeGreaterThan(0);
			for (const item of items) expect(item).toEqual(expect.objectContaining({ language: expect.any(String), FORMAT_STRING: expect.anything(), FULL_NAME: expect.anything() }));
		},
	},
	'currency.setLocalizations': {
		parameters: { id: 'USD', localizations: '{"en": {"FULL_NAME": "US Dollar", "FORMAT_STRING": "$#"}}' },
		request: (params) => expect(params).toEqual({ id: 'USD', localizations: { en: { FULL_NAME: 'US Dollar', FORMAT_STRING: '$#' } } }),
		output: one((item) => expect(item).toEqual({ id: 'USD', updated: true })),
	},
	'currency.deleteLocalizations': {
		parameters: { id: 'USD', lids: 'de, fr' },
		request: (params) => expect(params).toEqual({ id: 'USD', lids: ['de', 'fr'] }),
		output: one((item) => expect(item).toEqual({ id: 'USD', deleted: true })),
	},
	'currency.getLocalizationFields': {
		request: (params) => expect(params).toEqual({}),
		output: fieldList('FULL_NAME', 'FORMAT_STRING', 'DECIMALS'),
	},
	'crmEnum.getOwnerTypes': {
		request: (params) => expect(params).toEqual({}),
		output: (items) => expect(items).toContainEqual(expect.objectContaining({ ID: expect.any(Number), NAME: expect.any(String), SYMBOL_CODE: expect.any(String) })),
	},
	'crmEnum.getAddressTypes': {
		request: (params) => expect(params).toEqual({}),
		output: (items) => expect(items).toContainEqual(expect.objectContaining({ ID: expect.any(Number), NAME: expect.any(String) })),
	},
	'crmEnum.getOrderOwnerTypes': {
		request: (params) => expect(params).toEqual({}),
		output: (items) => expect(items).toContainEqual(expect.objectContaining({ id: expect.any(Number), name: expect.any(String), code: expect.any(String) })),
	},
	'crmEnum.getSettingsModes': {
		request: (params) => expect(params).toEqual({}),
		output: (items) => expect(items).toContainEqual(expect.objectContaining({ ID: expect.any(Number), NAME: expect.any(String) })),
	},
	'crmEnum.getFields': {
		request: (params) => expect(params).toEqual({}),
		output: fieldList('ID', 'NAME', 'SYMBOL_CODE', 'SYMBOL_CODE_SHORT'),
	},
};

export const crm2Cases: Cases = {
	...linkCases('dealContactLink', 'crm.deal.contact', 'deal', 'contact', 'CONTACT_ID'),
	...linkCases('leadContactLink', 'crm.lead.contact', 'lead', 'contact', 'CONTACT_ID'),
	...linkCases('quoteContactLink', 'crm.quote.contact', 'quote', 'contact', 'CONTACT_ID'),
	...linkCases('companyContactLink', 'crm.company.contact', 'company', 'contact', 'CONTACT_ID'),
	...linkCases('contactCompanyLink', 'crm.contact.company', 'contact', 'company', 'COMPANY_ID'),
	...paymentCases,
	...moreCases,
};
