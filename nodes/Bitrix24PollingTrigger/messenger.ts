import type { IDataObject, IPollFunctions } from 'n8n-workflow';

import { callMethod } from '../Bitrix24/transport/request';

/**
 * Messenger events by polling (im.v2.Event.*): Bitrix24 records chat events for a subscribed user
 * and hands them out on `im.v2.Event.get`; passing `offset` confirms (removes) everything before it.
 * Works with any credential, no public URL. The queue belongs to the credential's user: a second
 * reader of the same user takes events from this one (documented), and events are kept 24 hours.
 */
export const MESSENGER_EVENT_TYPES = ['ONIMV2MESSAGEADD', 'ONIMV2MESSAGEUPDATE', 'ONIMV2MESSAGEDELETE', 'ONIMV2REACTIONCHANGE', 'ONIMV2JOINCHAT'];

export interface MessengerState {
	signature?: string;
	/** nextOffset of the last read: the first event not yet handed to the workflow. */
	imOffset?: number;
}

const PAGE = 100;
/** Pages read per poll at most; the rest waits for the next poll (hasMore). */
const MAX_PAGES = 10;

interface EventPage {
	events: IDataObject[];
	nextOffset?: number;
	hasMore: boolean;
}

async function read(ctx: IPollFunctions, offset: number | undefined, limit = PAGE): Promise<EventPage> {
	const params: IDataObject = { limit };
	if (offset !== undefined) params.offset = offset;
	const envelope = await callMethod(ctx, 'im.v2.Event.get', params, { idempotent: true });
	const result = (envelope.result ?? {}) as IDataObject;
	const next = Number(result.nextOffset);
	return {
		events: Array.isArray(result.events) ? (result.events as IDataObject[]) : [],
		nextOffset: Number.isFinite(next) ? next : undefined,
		hasMore: result.hasMore === true,
	};
}

function item(event: IDataObject): IDataObject {
	return { eventId: event.eventId, event: event.type, date: event.date, ...((event.data as IDataObject) ?? {}) };
}

/**
 * One poll. The first one subscribes and skips what is queued (starts from now); later ones read
 * from the stored offset, which also confirms what the previous poll emitted. Manual runs read
 * without an offset, so they confirm nothing.
 */
export async function pollMessenger(
	ctx: IPollFunctions,
	state: MessengerState,
	signature: string,
	types: string[],
	manual: boolean,
): Promise<IDataObject[]> {
	const wanted = (e: IDataObject) => !types.length || types.includes(String(e.type ?? '').toUpperCase());
	if (manual) {
		await callMethod(ctx, 'im.v2.Event.subscribe', {}, { idempotent: true });
		return (await read(ctx, undefined, 5)).events.filter(wanted).map(item);
	}
	const fresh = state.signature !== signature || state.imOffset === undefined;
	if (fresh) await callMethod(ctx, 'im.v2.Event.subscribe', {}, { idempotent: true });
	let offset = fresh ? undefined : state.imOffset;
	const out: IDataObject[] = [];
	for (let i = 0; i < MAX_PAGES; i++) {
		const page = await read(ctx, offset);
		if (!fresh) out.push(...page.events.filter(wanted).map(item));
		if (page.nextOffset !== undefined) offset = page.nextOffset;
		if (!page.hasMore || !page.events.length) break;
	}
	state.signature = signature;
	state.imOffset = offset ?? 0;
	return out;
}
