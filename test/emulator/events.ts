// Event bindings (event.bind / outgoing webhooks) and delivery: a form-encoded
// POST per binding, sent after the change, once, with no retries.
import * as fs from 'fs';
import * as http from 'http';
import * as path from 'path';
import { buildQuery } from './encoding';
import type { Rec } from './store';

export interface Binding {
	id: number;
	event: string;
	handler: string;
	kind: 'app' | 'outgoing';
	userId: number;
	clientId?: string;
	authType?: number;
	eventType: 'online' | 'offline';
	applicationToken: string;
}

export interface Delivery {
	event: string;
	handler: string;
	handlerId: number;
	status: number;
	error?: string;
	payload: Rec;
}

export interface EventAuthSource {
	domain: string;
	url: string;
	memberId: string;
	/** access token data for app bindings */
	appAuth(b: Binding): { access_token: string; expires_in: number; scope: string; status: string };
	now(): number;
	/** the offline event queue (event.offline.*), kept where the generic event.offline.* family reads it */
	offline?: { all(): Rec[]; insert(rec: Rec): Rec };
}

/** Store table of the offline queue: the generic family table of event.offline.* */
export const OFFLINE_TABLE = 'generic:event.offline';

/**
 * A documented event: catalog/events.json, made by scripts/events.mjs from the b24restdocs event
 * pages (the emulator's own copy; the node's list is generated separately).
 */
export interface DocumentedEvent {
	name: string;
	group: string;
	doc: string;
	scope: string;
	/** paths of the page's example payload, e.g. data.FIELDS.ID */
	payload: string[];
	appOnly: boolean;
	deprecated: boolean;
}

export const DOCUMENTED_EVENTS: DocumentedEvent[] = (
	JSON.parse(fs.readFileSync(path.join(__dirname, 'catalog', 'events.json'), 'utf8')) as { events: DocumentedEvent[] }
).events;

/** Documented event names the emulator accepts in event.bind. */
export const KNOWN_EVENTS = new Set<string>(DOCUMENTED_EVENTS.map((e) => e.name));

/**
 * A payload `data` shaped like the doc page's example for any documented event: every documented path
 * set, IDs from `ids` (e.g. {ID: 7}) where the path ends in that key, other leaves a sample string.
 */
export function documentedData(event: string, ids: Rec = {}): Rec {
	const spec = DOCUMENTED_EVENTS.find((e) => e.name === event);
	if (!spec) throw new Error(`${event} is not a documented event`);
	const data: Rec = {};
	for (const p of spec.payload) {
		const keys = p.split('.').slice(1).map((k) => k.replace(/\[\]$/, '').replace('{id}', '1'));
		if (!keys.length) continue;
		let node = data;
		for (const k of keys.slice(0, -1)) node = (node[k] ??= {}) as Rec;
		const leaf = keys[keys.length - 1];
		node[leaf] = leaf in ids ? ids[leaf] : `sample-${leaf}`;
	}
	return data;
}

export function isKnownEvent(name: string): boolean {
	return KNOWN_EVENTS.has(name) || /^ONCRMDYNAMICITEM(ADD|UPDATE|DELETE)_\d+$/.test(name);
}

export class EventBus {
	bindings: Binding[] = [];
	deliveries: Delivery[] = [];
	private nextId = 1;
	private queue: Array<{ b: Binding; event: string; data: Rec }> = [];
	private inflight = new Set<Promise<void>>();
	private scheduled = false;

	constructor(private src: EventAuthSource) {}

	bind(b: Omit<Binding, 'id'>): Binding {
		const existing = this.bindings.find((x) => x.event === b.event && x.handler === b.handler && x.kind === b.kind && x.clientId === b.clientId);
		if (existing) return existing;
		const nb = { ...b, id: this.nextId++ };
		this.bindings.push(nb);
		return nb;
	}

	unbind(pred: (b: Binding) => boolean): number {
		const before = this.bindings.length;
		this.bindings = this.bindings.filter((b) => !pred(b));
		return before - this.bindings.length;
	}

	/** Queue an event; delivery starts after the current response is written. */
	emit(event: string, data: Rec): void {
		for (const b of this.bindings) {
			if (b.event === event && b.eventType === 'online') this.queue.push({ b, event, data });
		}
		if (this.bindings.some((b) => b.event === event && b.eventType === 'offline')) this.queueOffline(event, data);
		if (this.queue.length && !this.scheduled) {
			this.scheduled = true;
			// a timer as a fallback when no response flush comes (e.g. a reset fault)
			setTimeout(() => this.flush(), 5);
		}
	}

	/**
	 * An offline binding records the change instead of calling anyone (offline-events.md). The queue
	 * keeps the object's latest state: a second change of the same object moves its record's time.
	 */
	private queueOffline(event: string, data: Rec): void {
		if (!this.src.offline) return;
		const stamp = new Date(Math.floor(this.src.now()) * 1000).toISOString().replace(/\.\d{3}Z$/, '+00:00');
		const key = JSON.stringify(data);
		const same = this.src.offline.all().find((r) => r.EVENT_NAME === event && JSON.stringify(r.EVENT_DATA) === key && !r.PROCESS_ID);
		if (same) {
			same.TIMESTAMP_X = stamp;
			return;
		}
		const rec = this.src.offline.insert({ EVENT_NAME: event, EVENT_DATA: data, EVENT_ADDITIONAL: false, TIMESTAMP_X: stamp, PROCESS_ID: '', ERROR: '0' });
		rec.MESSAGE_ID = String(rec.ID);
	}

	flush(): void {
		this.scheduled = false;
		const items = this.queue.splice(0);
		for (const it of items) {
			const p = this.deliver(it.b, it.event, it.data).finally(() => this.inflight.delete(p));
			this.inflight.add(p);
		}
	}

	/** Resolves when every queued and in-flight delivery has finished. */
	async settled(): Promise<void> {
		while (this.queue.length || this.inflight.size) {
			if (this.queue.length) this.flush();
			await Promise.all([...this.inflight]);
		}
	}

	payload(b: Binding, event: string, data: Rec): Rec {
		const auth: Rec = {
			domain: this.src.domain,
			client_endpoint: `${this.src.url}/rest/`,
			server_endpoint: `${this.src.url}/rest/`,
			member_id: this.src.memberId,
			application_token: b.applicationToken,
		};
		if (b.kind === 'app') Object.assign(auth, this.src.appAuth(b));
		return { event, event_handler_id: b.id, data, ts: Math.floor(this.src.now()), auth };
	}

	private deliver(b: Binding, event: string, data: Rec): Promise<void> {
		const payload = this.payload(b, event, data);
		const body = buildQuery(payload);
		const rec: Delivery = { event, handler: b.handler, handlerId: b.id, status: 0, payload };
		this.deliveries.push(rec);
		return new Promise<void>((resolve) => {
			let req: http.ClientRequest;
			try {
				req = http.request(b.handler, {
					method: 'POST',
					headers: { 'Content-Type': 'application/x-www-form-urlencoded', 'Content-Length': Buffer.byteLength(body), 'User-Agent': 'Bitrix24 Webhook Engine' },
					timeout: 5000,
				});
			} catch (e) {
				rec.error = String((e as Error).message);
				resolve();
				return;
			}
			req.on('response', (res) => {
				rec.status = res.statusCode || 0;
				res.resume();
				res.on('end', () => resolve());
				res.on('error', () => resolve());
			});
			req.on('timeout', () => req.destroy(new Error('timeout')));
			req.on('error', (e) => {
				rec.error = e.message; // no retries: the event is lost, as on the real queue server
				resolve();
			});
			req.end(body);
		});
	}
}
