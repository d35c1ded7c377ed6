import type {
	IDataObject,
	IHookFunctions,
	INodeType,
	INodeTypeDescription,
	IWebhookFunctions,
	IWebhookResponseData,
} from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { EVENT_OPTIONS, TYPED_EVENT_VALUES, otherEventNames, resolveEventNames } from './events';
import { withRecord } from './fetchRecord';
import { authOf, eventItem, parseEventBody } from './payload';
import { checkExists, create, isSubscribeMode, remove, subscriptionState } from './subscription';
import { SECRET_PARAM, secretsMatch } from './verify';
import { BITRIX24_DESCRIPTION } from '../Bitrix24/about';
import { authenticationProperty, credentialsDescription } from '../Bitrix24/transport/connection';

function reply(ctx: IWebhookFunctions, status: number, body: IDataObject) {
	const res = ctx.getResponseObject();
	res.statusCode = status;
	res.setHeader('Content-Type', 'application/json; charset=utf-8');
	res.end(JSON.stringify(body));
}

function rejected(ctx: IWebhookFunctions, status: 401 | 403, message: string): IWebhookResponseData {
	reply(ctx, status, { error: status === 401 ? 'unauthorized' : 'forbidden', message });
	return { noWebhookResponse: true };
}

/** Outgoing webhook mode binds nothing, but a typo in "Other Event Names" must still fail activation. */
function checkOtherEvents(ctx: IHookFunctions) {
	try {
		otherEventNames(ctx.getNodeParameter('otherEvents', '') as string);
	} catch (error) {
		throw new NodeOperationError(ctx.getNode(), (error as Error).message);
	}
}

export class Bitrix24Trigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Bitrix24 Trigger',
		name: 'bitrix24Trigger',
		icon: 'file:bitrix24.svg',
		group: ['trigger'],
		version: 1,
		subtitle: '={{$parameter["mode"] === "subscribe" ? "Subscribed events" : "Outgoing webhook"}}',
		// shown for the merged Bitrix24 entry of the node creator; the Mode options say how events arrive
		description: BITRIX24_DESCRIPTION,
		defaults: { name: 'Bitrix24 Trigger' },
		inputs: [],
		outputs: ['main'],
		credentials: credentialsDescription,
		webhooks: [
			{
				name: 'default',
				httpMethod: 'POST',
				responseMode: 'onReceived',
				path: 'webhook',
			},
		],
		properties: [
			authenticationProperty,
			{
				displayName: 'Mode',
				name: 'mode',
				type: 'options',
				noDataExpression: true,
				options: [
					{
						name: 'Outgoing Webhook',
						value: 'outgoingWebhook',
						description: 'You create an outgoing webhook in Bitrix24 with this node’s URL; works with any credential',
					},
					{
						name: 'Subscribe Automatically',
						value: 'subscribe',
						description: 'The node binds the events itself on activation and unbinds them on deactivation (OAuth2 only)',
					},
				],
				default: 'outgoingWebhook',
			},
			{
				displayName:
					'Subscribe Automatically needs the Bitrix24 OAuth2 credential: Bitrix24 lets only applications bind events. With this credential, activation fails. Switch Authentication to OAuth2, or use Mode "Outgoing Webhook".',
				name: 'subscribeNotice',
				type: 'notice',
				default: '',
				displayOptions: { show: { mode: ['subscribe'], authentication: ['webhook', 'apiKey'] } },
			},
			{
				displayName:
					'In Bitrix24 open Developer resources → Other → Outgoing webhook. Paste this node’s Production URL (Webhook URLs above) as the handler address, tick the same events, save, then copy the webhook’s Application Token into the field below. Requests without that token are refused.',
				name: 'outgoingNotice',
				type: 'notice',
				default: '',
				displayOptions: { show: { mode: ['outgoingWebhook'] } },
			},
			{
				displayName: 'Application Token',
				name: 'applicationToken',
				type: 'string',
				typeOptions: { password: true },
				default: '',
				required: true,
				description: 'The Application Token Bitrix24 shows in the outgoing webhook’s settings; every event is checked against it',
				displayOptions: { show: { mode: ['outgoingWebhook'] } },
			},
			{
				displayName: 'Events',
				name: 'events',
				type: 'multiOptions',
				options: EVENT_OPTIONS,
				default: [],
				displayOptions: { show: { mode: ['subscribe'] } },
				description:
					'The Bitrix24 events to bind, named "Area: What Happened". Open Lines, connector and chat-bot events are not offered: Bitrix24 sends them only to the app that registered the connector or bot.',
			},
			{
				displayName: 'Events',
				name: 'events',
				type: 'multiOptions',
				options: EVENT_OPTIONS,
				default: [],
				displayOptions: { show: { mode: ['outgoingWebhook'] } },
				description: 'Only these events start the workflow; others are acknowledged and ignored. Leave empty to accept every event the outgoing webhook sends.',
			},
			{
				displayName: 'Other Event Names',
				name: 'otherEvents',
				type: 'string',
				default: '',
				placeholder: 'e.g. ONCRMDEALADD, CATALOG.PRODUCT.ON.ADD',
				description:
					'Bitrix24 event names not in the list (a new event, or one for your own app), separated by commas. Names are not case-sensitive.',
			},
			{
				displayName: 'Entity Type ID',
				name: 'entityTypeId',
				type: 'number',
				default: 0,
				typeOptions: { minValue: 0 },
				description: 'The smart process type for the per-type smart process events (e.g. 147; 31 is smart invoices). See CRM Smart Process Type → Get Many in the Bitrix24 node.',
				displayOptions: { show: { events: TYPED_EVENT_VALUES } },
			},
			{
				displayName: 'Options',
				name: 'options',
				type: 'collection',
				placeholder: 'Add Option',
				default: {},
				options: [
					{
						displayName: 'Fetch the Record',
						name: 'fetchRecord',
						type: 'boolean',
						default: false,
						description:
							'Whether to read the changed record (deal, item, task, user…) and add it as "record". Deleted records and events without a read method carry a "note" instead.',
					},
				],
			},
		],
	};

	webhookMethods = {
		default: {
			async checkExists(this: IHookFunctions): Promise<boolean> {
				if (!isSubscribeMode(this)) {
					checkOtherEvents(this);
					return true;
				}
				return await checkExists(this);
			},
			async create(this: IHookFunctions): Promise<boolean> {
				if (!isSubscribeMode(this)) {
					checkOtherEvents(this);
					return true;
				}
				return await create(this);
			},
			async delete(this: IHookFunctions): Promise<boolean> {
				if (!isSubscribeMode(this)) return true;
				return await remove(this);
			},
		},
	};

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		const req = this.getRequestObject();
		const payload = parseEventBody(req.body ?? (req as { rawBody?: Buffer }).rawBody);
		const subscribe = this.getNodeParameter('mode', 'outgoingWebhook') === 'subscribe';

		if (subscribe) {
			// The app's application_token is only ever learned from events, so the origin is proven by the
			// per-activation secret that only Bitrix24 received, inside the handler URL.
			const query = (this.getQueryData() ?? {}) as IDataObject;
			const presented = query[SECRET_PARAM];
			if (presented === undefined || presented === '') return rejected(this, 401, 'Missing handler secret');
			const { secret } = this.getWorkflowStaticData('node') as ReturnType<typeof subscriptionState>;
			if (!secretsMatch(presented, secret)) return rejected(this, 403, 'Invalid handler secret');
		} else {
			const presented = authOf(payload).applicationToken;
			if (!presented) return rejected(this, 401, 'Missing auth[application_token]');
			const expected = this.getNodeParameter('applicationToken', '') as string;
			if (!secretsMatch(presented, expected)) return rejected(this, 403, 'Invalid application token');
		}

		const item = eventItem(payload);
		const selected = this.getNodeParameter('events', []) as string[];
		const typeId = this.getNodeParameter('entityTypeId', 0) as number;
		const wanted = [
			...resolveEventNames(selected.filter((e) => !TYPED_EVENT_VALUES.includes(e) || typeId > 0), typeId),
			...otherEventNames(this.getNodeParameter('otherEvents', '') as string, true),
		];
		// Subscribe mode binds only the chosen events; anything else (e.g. a stale binding) is not ours.
		// An outgoing webhook with no events chosen in the node passes every event it sends.
		const unwanted = wanted.length ? !wanted.includes(String(item.event)) : subscribe;
		if (!item.event || unwanted) {
			reply(this, 200, { result: 'ignored' });
			return { noWebhookResponse: true };
		}

		// Bitrix24 does not retry and slows down handlers that answer late: acknowledge first.
		reply(this, 200, { result: 'ok' });

		const options = this.getNodeParameter('options', {}) as IDataObject;
		let output = item;
		if (options.fetchRecord === true) {
			try {
				output = await withRecord(this, item);
			} catch (error) {
				// the request is already answered, so the failure travels with the event instead of being lost
				const err = error as Error & { description?: string; context?: IDataObject };
				output = {
					...item,
					record: null,
					fetchError: {
						message: err.message,
						...(err.description ? { description: err.description } : {}),
						...(err.context?.bitrixCode ? { code: err.context.bitrixCode } : {}),
					},
				};
			}
		}
		return { noWebhookResponse: true, workflowData: [this.helpers.returnJsonArray([output])] };
	}
}
