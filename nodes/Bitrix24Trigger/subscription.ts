import type { IDataObject, IHookFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { authKindOf } from '../Bitrix24/transport/connection';
import { callMethod } from '../Bitrix24/transport/request';
import { otherEventNames, resolveEventNames } from './events';
import { handlerBase, handlerUrl, newSecret } from './verify';

/** What the node keeps in its static data while subscribed. */
export interface SubscriptionState {
	secret?: string;
	handler?: string;
	events?: string[];
}

export interface Binding {
	event: string;
	handler: string;
}

export function subscriptionState(ctx: IHookFunctions): SubscriptionState {
	return ctx.getWorkflowStaticData('node') as SubscriptionState;
}

export function isSubscribeMode(ctx: IHookFunctions): boolean {
	return ctx.getNodeParameter('mode', 'outgoingWebhook') === 'subscribe';
}

export function assertOAuth2(ctx: IHookFunctions) {
	if (authKindOf(ctx) !== 'oAuth2') {
		throw new NodeOperationError(ctx.getNode(), 'Subscribe Automatically needs a Bitrix24 OAuth2 credential', {
			description:
				'Bitrix24 lets only applications (OAuth2) call event.bind. Switch Authentication to OAuth2, or set Mode to "Outgoing Webhook" and create the outgoing webhook in Bitrix24 yourself.',
		});
	}
}

export function wantedEvents(ctx: IHookFunctions): string[] {
	const selected = ctx.getNodeParameter('events', []) as string[];
	const typeId = ctx.getNodeParameter('entityTypeId', 0) as number;
	let names: string[];
	try {
		names = [...new Set([...resolveEventNames(selected, typeId), ...otherEventNames(ctx.getNodeParameter('otherEvents', '') as string)])];
	} catch (error) {
		throw new NodeOperationError(ctx.getNode(), (error as Error).message);
	}
	if (!names.length) throw new NodeOperationError(ctx.getNode(), 'Choose at least one event in "Events" or type one in "Other Event Names"');
	return names;
}

export function webhookUrlOf(ctx: IHookFunctions): string {
	const url = ctx.getNodeWebhookUrl('default');
	if (!url) throw new NodeOperationError(ctx.getNode(), 'n8n did not provide a webhook URL for this node');
	return url;
}

export async function listBindings(ctx: IHookFunctions): Promise<Binding[]> {
	const envelope = await callMethod(ctx, 'event.get', {}, { idempotent: true });
	const rows = Array.isArray(envelope.result) ? (envelope.result as IDataObject[]) : [];
	return rows
		.map((row) => ({ event: String(row.event ?? row.EVENT ?? '').toUpperCase(), handler: String(row.handler ?? row.HANDLER ?? '') }))
		.filter((b) => b.event && b.handler);
}

/** Bindings of this node (same n8n URL, whatever secret or event). */
export function ownBindings(bindings: Binding[], webhookUrl: string): Binding[] {
	const base = handlerBase(webhookUrl);
	return bindings.filter((b) => handlerBase(b.handler) === base);
}

/** True when Bitrix24 holds exactly one binding per wanted event, all with the current secret URL, and nothing stale. */
export function bindingsMatch(own: Binding[], handler: string, events: string[]): boolean {
	if (own.length !== events.length) return false;
	const seen = new Set<string>();
	for (const b of own) {
		if (b.handler !== handler || !events.includes(b.event) || seen.has(b.event)) return false;
		seen.add(b.event);
	}
	return true;
}

async function unbindAll(ctx: IHookFunctions, bindings: Binding[]) {
	for (const b of bindings) {
		await callMethod(ctx, 'event.unbind', { event: b.event, handler: b.handler }, { idempotent: true });
	}
}

export async function checkExists(ctx: IHookFunctions): Promise<boolean> {
	assertOAuth2(ctx);
	const state = subscriptionState(ctx);
	if (!state.secret) return false;
	const url = webhookUrlOf(ctx);
	const events = wantedEvents(ctx);
	const handler = handlerUrl(url, state.secret);
	const own = ownBindings(await listBindings(ctx), url);
	return bindingsMatch(own, handler, events);
}

/**
 * Binds every chosen event to this node's URL carrying a fresh secret. Bindings left for this URL
 * by earlier activations (another secret, events no longer chosen) are removed first, so the portal
 * ends with exactly one binding per event. A failure part-way unbinds what this call bound.
 */
export async function create(ctx: IHookFunctions): Promise<boolean> {
	assertOAuth2(ctx);
	const url = webhookUrlOf(ctx);
	const events = wantedEvents(ctx);
	await unbindAll(ctx, ownBindings(await listBindings(ctx), url));

	const secret = newSecret();
	const handler = handlerUrl(url, secret);
	const bound: Binding[] = [];
	try {
		for (const event of events) {
			await callMethod(ctx, 'event.bind', { event, handler }, { idempotent: true });
			bound.push({ event, handler });
		}
	} catch (error) {
		const cleanup = await unbindAll(ctx, bound).then(
			() => undefined,
			(cleanupError: Error) => cleanupError,
		);
		if (cleanup && error instanceof Error) {
			(error as Error & { description?: string }).description = [
				(error as Error & { description?: string }).description,
				`Removing the bindings made before the failure also failed (${cleanup.message}); they are removed on the next activation.`,
			]
				.filter(Boolean)
				.join(' ');
		}
		throw error;
	}
	const state = subscriptionState(ctx);
	state.secret = secret;
	state.handler = handler;
	state.events = events;
	return true;
}

/** Removes every binding of this node's URL (current and stale) and forgets the secret. */
export async function remove(ctx: IHookFunctions): Promise<boolean> {
	const state = subscriptionState(ctx);
	if (authKindOf(ctx) !== 'oAuth2') {
		delete state.secret;
		delete state.handler;
		delete state.events;
		return true;
	}
	const url = webhookUrlOf(ctx);
	await unbindAll(ctx, ownBindings(await listBindings(ctx), url));
	delete state.secret;
	delete state.handler;
	delete state.events;
	return true;
}
