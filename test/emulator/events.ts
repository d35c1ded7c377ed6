// Event bindings (event.bind / outgoing webhooks) and delivery: a form-encoded
// POST per binding, sent after the change, once, with no retries.
import * as http from 'http';
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
}

/** Documented event names the emulator accepts in event.bind. */
export const KNOWN_EVENTS = new Set<string>([
	...['LEAD', 'DEAL', 'CONTACT', 'COMPANY', 'QUOTE', 'DYNAMICITEM', 'TYPE', 'ACTIVITY', 'TIMELINECOMMENT', 'REQUISITE', 'BANKDETAIL', 'INVOICE', 'PRODUCT', 'PRODUCTSECTION', 'CURRENCY', 'MEASURE', 'DEALRECURRING']
		.flatMap((e) => ['ADD', 'UPDATE', 'DELETE'].map((a) => `ONCRM${e}${a}`)),
	'ONCRMDEALMOVETOCATEGORY', 'ONCRMTIMELINEITEMACTION', 'ONCRMADDRESSREGISTER', 'ONCRMADDRESSUNREGISTER',
	'ONTASKADD', 'ONTASKUPDATE', 'ONTASKDELETE', 'ONTASKCOMMENTADD', 'ONTASKCOMMENTUPDATE', 'ONTASKCOMMENTDELETE',
	'ONUSERADD', 'ONOPENLINEMESSAGEADD', 'ONOPENLINEMESSAGEUPDATE', 'ONOPENLINEMESSAGEDELETE', 'ONSESSIONSTART', 'ONSESSIONFINISH',
	'ONCALENDARENTRYADD', 'ONCALENDARENTRYUPDATE', 'ONCALENDARENTRYDELETE', 'ONSONETGROUPADD', 'ONSONETGROUPUPDATE', 'ONSONETGROUPDELETE',
	'ONEXTERNALCALLSTART', 'ONEXTERNALCALLBACKSTART', 'ONVOXIMPLANTCALLINIT', 'ONVOXIMPLANTCALLSTART', 'ONVOXIMPLANTCALLEND',
	'ONAPPINSTALL', 'ONAPPUPDATE', 'ONAPPUNINSTALL', 'ONAPPPAYMENT', 'ONAPPTEST', 'ONAPPMETHODCONFIRM', 'ONOFFLINEEVENT',
	'ONIMBOTMESSAGEADD', 'ONIMBOTMESSAGEUPDATE', 'ONIMBOTMESSAGEDELETE', 'ONIMBOTJOINCHAT', 'ONIMBOTDELETE', 'ONIMCOMMANDADD',
]);

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
		if (this.queue.length && !this.scheduled) {
			this.scheduled = true;
			// a timer as a fallback when no response flush comes (e.g. a reset fault)
			setTimeout(() => this.flush(), 5);
		}
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
