// Public entry point of the Bitrix24 emulator: startEmulator(options) -> Emulator.
// See README.md in this folder for the behaviour and the control API.
import { EmulatorServer } from './server';
import type { Delivery } from './events';
import { documentedData } from './events';
import type { Rec } from './store';
import type { Counters, EmulatorOptions, Fault, LogEntry, Plan, TokenResponse } from './types';

export * from './types';
export type { Delivery } from './events';

export interface EmulatorStore {
	count(entity: string): number;
	all(entity: string): Rec[];
	get(entity: string, id: number): Rec | undefined;
	insert(entity: string, record: Rec): Rec;
	remove(entity: string, id: number): boolean;
	duplicates(entity: string, field: string): Array<{ value: unknown; ids: number[] }>;
	seed(entity: string, n: number): number;
}

export interface MutationHandle {
	stop(): void;
	/** records inserted / deleted so far */
	inserted: number[];
	deleted: number[];
}

export interface EmulatorFaults {
	inject(f: Fault): void;
	clear(): void;
	pending(): Fault[];
	mutateDuringRead(opts: { entity: string; insertEvery?: number; deleteEvery?: number }): MutationHandle;
	otherClient(ratePerSecond: number): { stop(): void };
}

export interface Emulator {
	url: string;
	webhookUrl: string;
	webhook: { userId: number; code: string };
	oauth: { clientId: string; clientSecret: string; tokenUrl: string; authorizeUrl: string };
	issueTokens(opts?: { expired?: boolean; scope?: string }): TokenResponse;
	log: LogEntry[];
	calls(method?: string): LogEntry[];
	subCalls(method?: string): LogEntry[];
	clearLog(): void;
	counters(): Counters;
	store: EmulatorStore;
	faults: EmulatorFaults;
	deliveries: Delivery[];
	/** wait until every queued event delivery has finished */
	deliveriesSettled(): Promise<void>;
	outgoingWebhook(handlerUrl: string, events: string[], applicationToken: string): { id: number };
	/** fire any documented event (catalog/events.json) with a payload shaped like its doc page's example */
	fireEvent(event: string, ids?: Record<string, unknown>): void;
	/** an extra incoming webhook (e.g. scope-restricted or for another user) */
	addWebhook(opts?: { userId?: number; scopes?: string[] }): { userId: number; code: string; url: string };
	/** withdraw (false) or restore (true) a user's rights: calls as that user get 403 INVALID_CREDENTIALS */
	setUserRights(userId: number, allowed: boolean): void;
	setPlan(p: Plan): void;
	setTimeScale(n: number): void;
	/** virtual clock, Unix seconds */
	virtualNow(): number;
	/** move the virtual clock forward (expire tokens, drain the bucket, reset baskets) */
	advanceTime(virtualSeconds: number): void;
	/** current leaky-bucket level */
	bucketLevel(): number;
	/** seconds used by a method in the current operating window */
	operating(method: string, credential?: 'webhook' | 'oauth' | 'apikey'): { operating: number; resetAt?: number };
	stop(): Promise<void>;
}

export async function startEmulator(options: EmulatorOptions = {}): Promise<Emulator> {
	const srv = new EmulatorServer(options);
	await srv.listen(options.port ?? 0);
	const store = srv.store;

	const mutateDuringRead = (opts: { entity: string; insertEvery?: number; deleteEvery?: number }): MutationHandle => {
		const table = store.table(opts.entity).name;
		let pages = 0;
		let active = true;
		const handle: MutationHandle = { inserted: [], deleted: [], stop: () => (active = false) };
		store.pageHooks.push((t) => {
			if (!active || t !== table) return;
			pages++;
			if (opts.insertEvery && pages % opts.insertEvery === 0) {
				const before = store.count(table);
				if (store.seeders.has(table) || table.startsWith('dynamic_')) store.seed(table, 1);
				else store.insert(table, {});
				if (store.count(table) > before) handle.inserted.push(Number(store.table(table).ids[store.table(table).ids.length - 1]));
			}
			if (opts.deleteEvery && pages % opts.deleteEvery === 0) {
				// delete the oldest record: it shifts every later offset by one
				const first = store.table(table).ids[0];
				if (first !== undefined && store.remove(table, first)) handle.deleted.push(first);
			}
		});
		return handle;
	};

	const emulator: Emulator = {
		url: srv.url,
		webhookUrl: srv.webhookUrl,
		webhook: { userId: srv.webhook.userId, code: srv.webhook.code },
		oauth: srv.oauthInfo,
		issueTokens: (o) => srv.issueTokens(o),
		log: srv.log,
		calls: (m) => srv.log.filter((e) => e.parent === undefined && (!m || e.method === m.toLowerCase())),
		subCalls: (m) => srv.log.filter((e) => e.parent !== undefined && (!m || e.method === m.toLowerCase())),
		clearLog: () => srv.clearLog(),
		counters: () => srv.counters(),
		store: {
			count: (e) => store.count(e),
			all: (e) => store.all(e),
			get: (e, id) => store.get(e, id),
			insert: (e, r) => store.insert(e, r),
			remove: (e, id) => store.remove(e, id),
			duplicates: (e, f) => store.duplicates(e, f),
			seed: (e, n) => store.seed(e, n),
		},
		faults: {
			inject: (f) => srv.faults.inject(f),
			clear: () => srv.faults.clear(),
			pending: () => srv.faults.pending(),
			mutateDuringRead,
			otherClient: (rate) => srv.bucket.competitor(rate),
		},
		deliveries: srv.events.deliveries,
		deliveriesSettled: () => srv.events.settled(),
		fireEvent: (event, ids) => srv.events.emit(event.toUpperCase(), documentedData(event.toUpperCase(), ids)),
		outgoingWebhook: (handlerUrl, events, applicationToken) => {
			let id = 0;
			for (const ev of events) {
				id = srv.events.bind({ event: ev.toUpperCase(), handler: handlerUrl, kind: 'outgoing', userId: srv.webhook.userId, eventType: 'online', applicationToken }).id;
			}
			return { id };
		},
		addWebhook: (o = {}) => {
			const w = srv.auth.addWebhook(o.userId ?? 1, o.scopes ?? null);
			return { userId: w.userId, code: w.code, url: `${srv.url}/rest/${w.userId}/${w.code}/` };
		},
		setUserRights: (userId, allowed) => {
			if (allowed) srv.auth.deniedUsers.delete(userId);
			else srv.auth.deniedUsers.add(userId);
		},
		setPlan: (p) => srv.setPlan(p),
		setTimeScale: (n) => srv.clock.setScale(n),
		virtualNow: () => srv.clock.now(),
		advanceTime: (s) => srv.clock.advance(s),
		bucketLevel: () => srv.bucket.peek(),
		operating: (method, credential = 'webhook') => {
			const key = credential === 'webhook' ? `webhook:${srv.webhook.code}` : credential === 'oauth' ? `app:${srv.auth.clientId}` : 'apikey';
			return srv.operating.status(key, method.toLowerCase());
		},
		stop: () => srv.close(),
	};
	return emulator;
}
