// event.bind / event.unbind / event.get / events: app context only (the
// catalog marks them auth:"app", so webhooks never reach these handlers).
import type { HandlerMap } from '../core';
import { p } from '../core';
import { isKnownEvent, KNOWN_EVENTS } from '../events';
import { B24Error } from '../types';

export function eventHandlers(): HandlerMap {
	return {
		'event.bind': (ctx, core) => {
			const event = String(p(ctx, 'event') || '').toUpperCase();
			const handler = String(p(ctx, 'handler') || '');
			if (!isKnownEvent(event)) throw new B24Error(400, 'ERROR_EVENT_NOT_FOUND', 'Event not found');
			if (!/^https?:\/\//i.test(handler)) throw new B24Error(400, 'ERROR_ARGUMENT', 'Handler must be an absolute http(s) URL');
			const eventType = String(p(ctx, 'event_type') || 'online').toLowerCase() === 'offline' ? 'offline' : 'online';
			const authType = p(ctx, 'auth_type');
			core.bus.bind({
				event,
				handler,
				kind: 'app',
				userId: authType !== undefined && authType !== '' && Number(authType) > 0 ? Number(authType) : ctx.caller.userId,
				clientId: ctx.caller.clientId,
				authType: authType !== undefined && authType !== '' ? Number(authType) : undefined,
				eventType,
				applicationToken: core.applicationToken,
			});
			return { result: true };
		},
		'event.unbind': (ctx, core) => {
			const event = String(p(ctx, 'event') || '').toUpperCase();
			const handler = String(p(ctx, 'handler') || '');
			const eventType = p(ctx, 'event_type');
			const count = core.bus.unbind(
				(b) => b.kind === 'app' && b.clientId === ctx.caller.clientId && b.event === event && b.handler === handler && (eventType === undefined || b.eventType === String(eventType).toLowerCase()),
			);
			return { result: { count } };
		},
		'event.get': (ctx, core) => ({
			result: core.bus
				.bindings.filter((b) => b.kind === 'app' && b.clientId === ctx.caller.clientId)
				.map((b) => ({ event: b.event, handler: b.handler, auth_type: String(b.authType ?? 0), offline: b.eventType === 'offline' ? 1 : 0 })),
		}),
		events: () => ({ result: [...KNOWN_EVENTS].sort() }),
	};
}

