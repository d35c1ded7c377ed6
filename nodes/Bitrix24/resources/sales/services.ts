import type { IDataObject } from 'n8n-workflow';

import type { ParamSpec, ResourceSpec } from '../../types';
import { crud } from '../crud';
import { act, changed, id, json, num, since2, str, yn } from '../shared';

/**
 * Payment systems, delivery services and cashboxes of the online store (sale.paysystem.*,
 * sale.delivery.*, sale.cashbox.*). These older methods take UPPER_CASE top-level parameters and
 * answer bare values; all new in node version 2.
 */

/** Lists that take SELECT/FILTER/ORDER and answer every row at once. */
const upperList = { mode: 'all' as const, filterKey: 'FILTER', orderKey: 'ORDER', selectKey: 'SELECT' };
const settings = (name: string, label: string, extra: Partial<ParamSpec> = {}): ParamSpec => json(name, label, { description: 'As the method page describes it', ...extra });
/** Methods that answer `true` for a change: the record and the flag. */
const updated = changed('ID', 'updated');

// ---------- payment systems ----------

const paySystemId = id('ID', 'Payment System ID');
const paymentPair = [id('PAYMENT_ID', 'Payment ID'), id('PAY_SYSTEM_ID', 'Payment System ID')];

export const salesPaySystem = crud({
	value: 'salesPaySystem',
	name: 'Payment System',
	group: 'Sales',
	description: 'Payment systems backed by an application\'s payment handler (sale.paysystem.*)',
	prefix: 'sale.paysystem',
	noun: 'payment system',
	key: [paySystemId],
	create: [
		str('NAME', 'Name', { required: true }),
		num('PERSON_TYPE_ID', 'Payer Type ID', { required: true, default: 0, description: 'See Payer Type → Get Many' }),
		str('BX_REST_HANDLER', 'Handler Code', { required: true, description: 'Code of a payment system handler (see Payment System Handler → Get Many)' }),
	],
	fields: [
		str('DESCRIPTION', 'Description'),
		yn('ACTIVE', 'Active', 'Whether the payment system is active'),
		yn('NEW_WINDOW', 'Open in New Window', 'Whether the payment page opens in a new window'),
		str('XML_ID', 'External ID'),
		{
			name: 'ENTITY_REGISTRY_TYPE',
			label: 'Used For',
			type: 'options',
			default: 'ORDER',
			options: [
				{ name: 'CRM Estimates', value: 'CRM_QUOTE' },
				{ name: 'CRM Invoices', value: 'CRM_INVOICE' },
				{ name: 'Orders, Deals and Smart Processes', value: 'ORDER' },
			],
		},
		settings('SETTINGS', 'Settings (JSON)'),
	],
	paging: upperList,
	verbs: ['create', 'getMany', 'update', 'delete'],
	every: { since: 2 },
	override: {
		update: {
			params: [paySystemId],
			optional: [str('NAME', 'Name', { to: 'FIELDS.NAME' }), str('DESCRIPTION', 'Description', { to: 'FIELDS.DESCRIPTION' }), yn('ACTIVE', 'Active', 'Whether the payment system is active', { to: 'FIELDS.ACTIVE' })],
			output: updated,
		},
	},
	more: since2([
		act('getSettings', 'Get Settings', 'Get the settings of a payment system', 'sale.paysystem.settings.get', [paySystemId, num('PERSON_TYPE_ID', 'Payer Type ID', { required: true, default: 0 })], { kind: 'get' }),
		act(
			'updateSettings',
			'Update Settings',
			'Update the settings of a payment system',
			'sale.paysystem.settings.update',
			[paySystemId, settings('SETTINGS', 'Settings (JSON)', { required: true, description: 'e.g. {"REST_SERVICE_KEY": {"TYPE": "VALUE", "VALUE": "key"}}' })],
			{ kind: 'update', optional: [num('PERSON_TYPE_ID', 'Payer Type ID')], output: updated },
		),
		act('getPaymentSettings', 'Get Payment Settings', 'Get the payment system settings of a payment', 'sale.paysystem.settings.payment.get', paymentPair, { kind: 'get' }),
		act('payPayment', 'Pay Payment', 'Pay a payment through a payment system', 'sale.paysystem.pay.payment', paymentPair, {
			output: (result, request) => ({ paymentId: (request as IDataObject).PAYMENT_ID as string, success: result !== false }),
		}),
	]),
});

/** `*.handler.*` of payment systems and cashboxes: a code, a name and the settings an application serves. */
function handlerFamily(value: string, name: string, prefix: string, noun: string, extra: ParamSpec[]): ResourceSpec {
	const key = id('ID', `${name} ID`);
	return crud({
		value,
		name,
		group: 'Sales',
		prefix,
		noun,
		key: [key],
		create: [str('NAME', 'Name', { required: true }), str('CODE', 'Code', { required: true }), settings('SETTINGS', 'Settings (JSON)', { required: true })],
		fields: [num('SORT', 'Sort'), ...extra],
		paging: { mode: 'all' },
		verbs: ['create', 'getMany', 'update', 'delete'],
		every: { since: 2 },
		override: { update: { params: [key, settings('FIELDS', 'Fields (JSON)', { required: true, description: 'The fields to change, e.g. {"NAME": "New name"}' })], optional: undefined, optionalName: undefined, output: updated } },
	});
}

export const salesPaySystemHandler = handlerFamily('salesPaySystemHandler', 'Payment System Handler', 'sale.paysystem.handler', 'payment system handler', []);

// ---------- delivery services ----------

const deliveryId = id('ID', 'Delivery Service ID');
const deliveryFields = [str('DESCRIPTION', 'Description'), num('SORT', 'Sort'), yn('ACTIVE', 'Active', 'Whether the delivery service is active')];

export const salesDeliveryService = crud({
	value: 'salesDeliveryService',
	name: 'Delivery Service',
	group: 'Sales',
	description: 'Delivery services backed by an application\'s delivery handler (sale.delivery.*)',
	prefix: 'sale.delivery',
	noun: 'delivery service',
	key: [deliveryId],
	create: [
		str('REST_CODE', 'Handler Code', { required: true, description: 'Code of a delivery handler (see Delivery Handler → Get Many)' }),
		str('NAME', 'Name', { required: true }),
		str('CURRENCY', 'Currency', { required: true, default: 'USD' }),
	],
	fields: [...deliveryFields, settings('CONFIG', 'Settings (JSON)', { shape: 'array', description: 'e.g. [{"CODE": "API_KEY", "VALUE": "key"}]' })],
	paging: upperList,
	verbs: [{ value: 'getMany', name: 'Get Many', action: 'Get many delivery services', method: 'sale.delivery.getlist', kind: 'getMany', paging: upperList, since: 2 }, 'create', 'update', 'delete'],
	every: { since: 2 },
	override: {
		update: { optional: [str('NAME', 'Name'), str('CURRENCY', 'Currency'), ...deliveryFields], output: updated },
	},
	more: since2([
		act('getConfig', 'Get Settings', 'Get the settings of a delivery service', 'sale.delivery.config.get', [deliveryId]),
		act('updateConfig', 'Update Settings', 'Update the settings of a delivery service', 'sale.delivery.config.update', [deliveryId], {
			kind: 'update',
			optional: [settings('CONFIG', 'Settings (JSON)', { shape: 'array', description: 'e.g. [{"CODE": "API_KEY", "VALUE": "key"}]' })],
			output: updated,
		}),
	]),
});

const extraServiceId = id('ID', 'Extra Service ID');
const extraServiceFields = [yn('ACTIVE', 'Active', 'Whether the service is active'), str('CODE', 'Code'), num('SORT', 'Sort'), str('DESCRIPTION', 'Description'), num('PRICE', 'Price')];

export const salesDeliveryExtraService = crud({
	value: 'salesDeliveryExtraService',
	name: 'Delivery Extra Service',
	group: 'Sales',
	description: 'Options a delivery offers, such as door delivery or movers (sale.delivery.extra.service.*)',
	prefix: 'sale.delivery.extra.service',
	noun: 'delivery extra service',
	key: [extraServiceId],
	create: [
		num('DELIVERY_ID', 'Delivery Service ID', { required: true, default: 0 }),
		{
			name: 'TYPE',
			label: 'Type',
			type: 'options',
			required: true,
			default: 'checkbox',
			options: [
				{ name: 'List', value: 'enum' },
				{ name: 'Quantity', value: 'quantity' },
				{ name: 'Single Service', value: 'checkbox' },
			],
		},
		str('NAME', 'Name', { required: true }),
		json('ITEMS', 'List Items (JSON)', { required: true, shape: 'array', default: '[]', description: 'For the List type, e.g. [{"TITLE": "Floor 1", "CODE": "F1", "PRICE": 5}]' }),
	],
	fields: extraServiceFields,
	verbs: [
		{
			value: 'getMany',
			name: 'Get Many',
			action: 'Get the extra services of a delivery service',
			method: 'sale.delivery.extra.service.get',
			kind: 'getMany',
			params: [num('DELIVERY_ID', 'Delivery Service ID', { required: true, default: 0 })],
			since: 2,
		},
		'create',
		'update',
		'delete',
	],
	every: { since: 2 },
	override: { update: { optional: [str('NAME', 'Name'), ...extraServiceFields, json('ITEMS', 'List Items (JSON)', { shape: 'array' })], output: updated } },
});

export const salesDeliveryHandler = crud({
	value: 'salesDeliveryHandler',
	name: 'Delivery Handler',
	group: 'Sales',
	description: 'Delivery handlers an application serves (sale.delivery.handler.*)',
	prefix: 'sale.delivery.handler',
	noun: 'delivery handler',
	key: [id('ID', 'Delivery Handler ID')],
	create: [
		str('NAME', 'Name', { required: true }),
		str('CODE', 'Code', { required: true }),
		settings('SETTINGS', 'Settings (JSON)', { required: true, description: 'e.g. {"CALCULATE_URL": "https://…", "CONFIG": [...]}' }),
		settings('PROFILES', 'Profiles (JSON)', { required: true, shape: 'array', default: '[]', description: 'e.g. [{"NAME": "Courier", "CODE": "COURIER"}]' }),
	],
	fields: [num('SORT', 'Sort'), str('DESCRIPTION', 'Description')],
	paging: { mode: 'all' },
	verbs: ['create', 'getMany', 'update', 'delete'],
	every: { since: 2 },
	override: {
		update: {
			optional: [str('NAME', 'Name'), str('CODE', 'Code'), num('SORT', 'Sort'), str('DESCRIPTION', 'Description'), settings('SETTINGS', 'Settings (JSON)'), settings('PROFILES', 'Profiles (JSON)', { shape: 'array' })],
			output: updated,
		},
	},
});

const requestKey = [num('DELIVERY_ID', 'Delivery Service ID', { required: true, default: 0 }), str('REQUEST_ID', 'Request ID', { required: true, description: 'The delivery request ID in the application' })];
const requestDone = (flag: 'updated' | 'deleted' | 'success') => (result: unknown, request: IDataObject | unknown[]) => ({ requestId: (request as IDataObject).REQUEST_ID as string, [flag]: result !== false });

export const salesDeliveryRequest: ResourceSpec = {
	value: 'salesDeliveryRequest',
	name: 'Delivery Request',
	group: 'Sales',
	description: 'Delivery requests of an application\'s delivery service (sale.delivery.request.*)',
	operations: since2([
		act('update', 'Update', 'Update a delivery request', 'sale.delivery.request.update', requestKey, {
			kind: 'update',
			optional: [
				yn('FINALIZE', 'Finalize', 'Whether the request is final and can no longer change'),
				settings('STATUS', 'Status (JSON)', { description: 'e.g. {"TEXT": "In transit", "SEMANTIC": "process"}' }),
				settings('PROPERTIES', 'Properties (JSON)', { shape: 'array', description: 'e.g. [{"NAME": "Tracking", "VALUE": "TRK-1"}]' }),
				yn('OVERWRITE_PROPERTIES', 'Replace Properties', 'Whether the properties replace the request\'s current ones'),
			],
			optionalName: 'updateFields',
			output: requestDone('updated'),
		}),
		act('delete', 'Delete', 'Delete a delivery request', 'sale.delivery.request.delete', requestKey, { kind: 'delete', output: requestDone('deleted') }),
		act(
			'sendMessage',
			'Send Message',
			'Send a message about a delivery request',
			'sale.delivery.request.sendmessage',
			[
				...requestKey,
				{
					name: 'ADDRESSEE',
					label: 'To',
					type: 'options',
					required: true,
					default: 'MANAGER',
					options: [
						{ name: 'Manager', value: 'MANAGER' },
						{ name: 'Recipient', value: 'RECIPIENT' },
					],
				},
				// MESSAGE is a text input elsewhere in the node: this JSON input has its own name
				settings('requestMessage', 'Message (JSON)', { required: true, to: 'MESSAGE', description: 'e.g. {"SUBJECT": "Delivery", "BODY": "Your order ships today"}' }),
			],
			{ output: requestDone('success') },
		),
	]),
};

// ---------- cashboxes ----------

const cashboxId = id('ID', 'Cashbox ID');

export const salesCashbox = crud({
	value: 'salesCashbox',
	name: 'Cashbox',
	group: 'Sales',
	description: 'Cashboxes backed by an application\'s cashbox handler (sale.cashbox.*)',
	prefix: 'sale.cashbox',
	noun: 'cashbox',
	plural: 'cashboxes',
	key: [cashboxId],
	create: [
		str('NAME', 'Name', { required: true }),
		str('REST_CODE', 'Handler Code', { required: true, description: 'Code of a cashbox handler (see Cashbox Handler → Get Many)' }),
		str('EMAIL', 'Email', { required: true, placeholder: 'name@email.com', description: 'Where errors are reported' }),
	],
	fields: [
		str('OFD', 'Fiscal Data Operator'),
		settings('OFD_SETTINGS', 'Fiscal Data Operator Settings (JSON)'),
		str('NUMBER_KKM', 'Register Number'),
		yn('ACTIVE', 'Active', 'Whether the cashbox is active'),
		num('SORT', 'Sort'),
		yn('USE_OFFLINE', 'Offline', 'Whether the cashbox works offline'),
		settings('SETTINGS', 'Settings (JSON)'),
	],
	paging: upperList,
	verbs: ['create', 'getMany', 'update', 'delete'],
	every: { since: 2 },
	override: { update: { params: [cashboxId, settings('FIELDS', 'Fields (JSON)', { required: true, description: 'The fields to change, e.g. {"NAME": "Front desk"}' })], optional: undefined, optionalName: undefined, output: updated } },
	more: since2([
		act('applyCheck', 'Apply Receipt Result', 'Save the result of printing a receipt', 'sale.cashbox.check.apply', [str('UUID', 'Receipt UUID', { required: true })], {
			optional: [
				str('PRINT_END_TIME', 'Printed At'),
				str('REG_NUMBER_KKT', 'Register Number'),
				str('FISCAL_DOC_ATTR', 'Fiscal Sign'),
				str('FISCAL_DOC_NUMBER', 'Fiscal Document Number'),
				str('FISCAL_RECEIPT_NUMBER', 'Fiscal Receipt Number'),
				str('FN_NUMBER', 'Fiscal Drive Number'),
				str('SHIFT_NUMBER', 'Shift Number'),
			],
			output: (result, request) => ({ uuid: (request as IDataObject).UUID as string, success: result !== false }),
		}),
	]),
});

export const salesCashboxHandler = handlerFamily('salesCashboxHandler', 'Cashbox Handler', 'sale.cashbox.handler', 'cashbox handler', [
	yn('SUPPORTS_FFD105', 'Supports FFD 1.05', 'Whether the cashbox supports fiscal data format 1.05'),
]);

export const salesServiceResources: ResourceSpec[] = [
	salesPaySystem,
	salesPaySystemHandler,
	salesDeliveryService,
	salesDeliveryExtraService,
	salesDeliveryHandler,
	salesDeliveryRequest,
	salesCashbox,
	salesCashboxHandler,
];
