// HTTP server and dispatch: /rest/ (webhook, OAuth, API key), /oauth/ (the
// OAuth server), /rest/download.json (Drive downloads) and /_emulator/ (the
// control API for out-of-process tests).
import * as http from 'http';
import * as crypto from 'crypto';
import type { AddressInfo } from 'net';
import { URL } from 'url';
import { AuthRegistry, ALL_SCOPES, scopeAllowed, Webhook } from './auth';
import { runBatch } from './batch';
import { CatalogEntry, checkRequired, isPositional, loadCatalog, missingRequired, positionalNames, undocumentedParams } from './catalog';
import { VirtualClock } from './clock';
import type { Core, FieldDef, HandlerMap } from './core';
import { decodeBody, mergeParams, parseQuery } from './encoding';
import { EventBus, OFFLINE_TABLE } from './events';
import { DEFAULT_FAULT_ERRORS, FaultQueue, HTML_502, HTML_504 } from './faults';
import { LeakyBucket, OperatingTime } from './limits';
import { Rec, Store } from './store';
import {
	B24Error, CallContext, Caller, CostModel, Counters, EmulatorOptions, Encoding, Fault, LogEntry, MethodResult, Params, Plan, TokenResponse,
} from './types';
import { allHandlers, genericHandler, registerSeeders, initialData } from './handlers';
import { RestV3 } from './restv3';

const DEFAULT_COST: CostModel = { page: 0.02, perCountedRow: 2e-6, perOffsetRow: 1e-6, get: 0.01, add: 0.05, update: 0.04, delete: 0.03, other: 0.01 };
// Only credentials are masked in the request log. `code` is not among them: a
// catalog section's or an SMS provider's CODE is ordinary data; the OAuth
// authorization code only travels to /oauth/token/, which is not logged.
const SECRET_KEYS = new Set(['auth', 'access_token', 'refresh_token', 'client_secret', 'application_token', 'password', 'bot_token', 'bottoken', 'client_token']);

function mask(v: unknown, extra: Set<string>): unknown {
	if (Array.isArray(v)) return v.map((x) => mask(x, extra));
	if (v && typeof v === 'object') {
		const o: Rec = {};
		for (const [k, x] of Object.entries(v as Rec)) o[k] = SECRET_KEYS.has(k.toLowerCase()) || extra.has(k) ? '***' : mask(x, extra);
		return o;
	}
	// batch command strings may carry a token of their own
	if (typeof v === 'string' && /(auth|access_token)=/i.test(v)) return v.replace(/((?:^|[?&])(?:auth|access_token)=)[^&]*/gi, '$1***');
	return v;
}

function json(res: http.ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
	const text = JSON.stringify(body);
	res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': Buffer.byteLength(text), ...headers });
	res.end(text);
}

function readBody(req: http.IncomingMessage): Promise<string> {
	return new Promise((resolve, reject) => {
		const chunks: Buffer[] = [];
		req.on('data', (c: Buffer) => chunks.push(c));
		req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
		req.on('error', reject);
	});
}

export interface RequestState {
	seq: number;
	method: string;
	encoding: Encoding;
	caller?: Caller;
	params: unknown;
	start: number;
}

export class EmulatorServer {
	readonly clock: VirtualClock;
	readonly store = new Store();
	readonly faults = new FaultQueue();
	readonly bucket: LeakyBucket;
	readonly operating: OperatingTime;
	readonly auth: AuthRegistry;
	readonly events: EventBus;
	readonly catalog: Map<string, CatalogEntry>;
	readonly handlers: HandlerMap;
	/** the /rest/api/ front (REST 3.0) */
	readonly v3: RestV3 = new RestV3(this);
	readonly core: Core;
	readonly log: LogEntry[] = [];
	private counts: Counters = { byMethod: {}, bySubMethod: {}, byStatus: {}, http: 0, batchSub: 0, queryLimitExceeded: 0, operationTimeLimit: 0, serverSeconds: 0 };
	private seq = 0;
	private server: http.Server;
	private sockets = new Set<import('net').Socket>();
	webhook!: Webhook;
	url = '';
	readonly fileSecret = crypto.randomBytes(8).toString('hex');

	constructor(public readonly options: EmulatorOptions = {}) {
		this.clock = new VirtualClock(options.timeScale ?? 1);
		const limitsOn = options.limits !== false;
		this.bucket = new LeakyBucket(this.clock, options.plan ?? 'standard', limitsOn);
		this.operating = new OperatingTime(this.clock, options.operatingLimitSeconds ?? 480, limitsOn);
		this.auth = new AuthRegistry(this.clock, options.accessTokenTtlSeconds ?? 3600, options.oauthScope ?? ALL_SCOPES.join(','), this);
		this.catalog = loadCatalog();
		this.handlers = allHandlers();
		const self = this;
		this.events = new EventBus({
			get domain() {
				return self.host;
			},
			get url() {
				return self.url;
			},
			memberId: this.auth.memberId,
			appAuth: (b) => {
				const t = this.auth.mint(b.userId, this.auth.oauthScope, { clientId: b.clientId });
				return { access_token: t.access_token, expires_in: t.expires_in, scope: t.scope, status: t.status };
			},
			now: () => this.clock.now(),
			offline: { all: () => this.store.all(OFFLINE_TABLE), insert: (rec) => this.store.insert(OFFLINE_TABLE, rec) },
		});
		const userFields = new Map<string, Map<string, FieldDef>>();
		this.core = {
			store: this.store,
			clock: this.clock,
			opts: {
				...options,
				plan: options.plan ?? 'standard',
				timeScale: options.timeScale ?? 1,
				operatingLimitSeconds: options.operatingLimitSeconds ?? 480,
				operatingBilling: options.operatingBilling ?? 'per-method',
				limits: limitsOn,
				accessTokenTtlSeconds: options.accessTokenTtlSeconds ?? 3600,
				batchUnresolvedRef: options.batchUnresolvedRef ?? 'empty',
			},
			cost: { ...DEFAULT_COST, ...(options.cost || {}) },
			catalog: this.catalog,
			get url() {
				return self.url;
			},
			get host() {
				return self.host;
			},
			memberId: this.auth.memberId,
			userFields,
			bus: this.events,
			applicationToken: this.auth.applicationToken,
			emit: (event, data) => this.events.emit(event, data),
			fileDownloadUrl: (id) => `${this.url}/rest/download.json?token=${encodeURIComponent(this.fileToken(id))}`,
			call: (ctx) => this.invoke(ctx).then((r) => r.res),
		};
		registerSeeders(this.store);
		this.server = http.createServer((req, res) => {
			this.handle(req, res).catch((e) => {
				if (!res.headersSent) json(res, 500, { error: 'INTERNAL_SERVER_ERROR', error_description: String((e as Error).stack || e) });
			});
		});
		this.server.on('connection', (s) => {
			this.sockets.add(s);
			s.on('close', () => this.sockets.delete(s));
		});
	}

	get host(): string {
		return this.url.replace(/^https?:\/\//, '');
	}

	async listen(port = 0): Promise<void> {
		await new Promise<void>((resolve, reject) => {
			this.server.once('error', reject);
			this.server.listen(port, '127.0.0.1', () => resolve());
		});
		const addr = this.server.address() as AddressInfo;
		this.url = `http://127.0.0.1:${addr.port}`;
		initialData(this.core);
		this.webhook = this.auth.addWebhook(this.options.webhookUserId ?? 1, this.options.webhookScopes ?? null);
		for (const [entity, n] of Object.entries(this.options.seed || {})) this.store.seed(entity, n);
	}

	async close(): Promise<void> {
		await this.events.settled().catch(() => undefined);
		for (const s of this.sockets) s.destroy();
		await new Promise<void>((resolve) => this.server.close(() => resolve()));
	}

	// ---------- ground truth ----------

	counters(): Counters {
		return JSON.parse(JSON.stringify(this.counts)) as Counters;
	}

	clearLog(): void {
		this.log.length = 0;
		this.counts = { byMethod: {}, bySubMethod: {}, byStatus: {}, http: 0, batchSub: 0, queryLimitExceeded: 0, operationTimeLimit: 0, serverSeconds: 0 };
	}

	private maskSet(): Set<string> {
		const s = new Set<string>();
		if (this.options.apiKey) s.add(this.options.apiKey.name);
		return s;
	}

	record(e: Omit<LogEntry, 'seq' | 'params'> & { seq?: number; params: unknown }): LogEntry {
		const entry: LogEntry = { ...e, seq: e.seq ?? ++this.seq, params: mask(e.params, this.maskSet()) };
		// what the docs do not list, or leave out, for this call (the registry walker fails on either)
		const known = e.api === 'v3' ? RestV3.entry(this.catalog.get(e.method)) : this.catalog.get(e.method);
		if (known && e.params && typeof e.params === 'object' && !Array.isArray(e.params)) {
			const extra = undocumentedParams(known, e.params, e.method);
			const missing = isPositional(e.method) ? [] : missingRequired(known, e.params as Params, e.method);
			if (extra.length) entry.undocumented = extra;
			if (missing.length) entry.missing = missing;
		}
		for (const k of Object.keys(entry) as Array<keyof LogEntry>) if (entry[k] === undefined) delete entry[k];
		this.log.push(entry);
		if (e.parent !== undefined) {
			this.counts.batchSub++;
			this.counts.bySubMethod[e.method] = (this.counts.bySubMethod[e.method] || 0) + 1;
		} else {
			this.counts.http++;
			this.counts.byMethod[e.method] = (this.counts.byMethod[e.method] || 0) + 1;
			this.counts.byStatus[String(e.status)] = (this.counts.byStatus[String(e.status)] || 0) + 1;
		}
		if (e.error === 'QUERY_LIMIT_EXCEEDED') this.counts.queryLimitExceeded++;
		if (e.error === 'OPERATION_TIME_LIMIT') this.counts.operationTimeLimit++;
		return entry;
	}

	/** A log sequence number for a request logged outside `rest()` (REST 3.0 faults). */
	nextSeq(): number {
		return ++this.seq;
	}

	// ---------- time block ----------

	timeBlock(start: number, cost: number, credential?: string, method?: string): Record<string, unknown> {
		const finish = Math.max(this.clock.now(), start + cost);
		const t: Record<string, unknown> = {
			start,
			finish,
			duration: finish - start,
			processing: cost,
			date_start: this.clock.isoDate(start),
			date_finish: this.clock.isoDate(finish),
		};
		if (this.operating.enabled && credential && method) {
			const st = this.operating.status(credential, method);
			t.operating_reset_at = Math.floor(st.resetAt ?? this.clock.now() + 600);
			t.operating = st.operating;
		}
		return t;
	}

	// ---------- one method call (top level or batch sub-command) ----------

	async invoke(ctx: CallContext): Promise<{ res: MethodResult; time: Record<string, unknown> }> {
		const start = this.clock.now();
		const entry = this.catalog.get(ctx.method);
		if (!entry && ctx.method !== 'batch') throw new B24Error(404, 'ERROR_METHOD_NOT_FOUND', 'Method not found!');
		// a REST 3.0-only method at the classic address (rest-v3.md#call)
		if (entry?.restV3 && ctx.api !== 'v3') throw new B24Error(404, 'ERROR_METHOD_NOT_FOUND', 'Method not found!');
		const caller = ctx.caller;
		if (entry?.auth === 'app' && caller.kind !== 'oauth') {
			throw new B24Error(403, 'WRONG_AUTH_TYPE', 'Current authorization type is denied for this method: application context required');
		}
		if (entry && !scopeAllowed(caller, entry.scope, entry.scopes)) {
			// OAuthException defaults to 401 for app tokens (api doc §2 caveat); webhooks get the documented 403
			throw new B24Error(caller.kind === 'oauth' ? 401 : 403, 'insufficient_scope', 'The request requires higher privileges than provided by the webhook token');
		}
		if (entry && isPositional(ctx.method)) this.positional(ctx, entry);
		if (entry) checkRequired(ctx.api === 'v3' ? RestV3.entry(entry)! : entry, ctx.params, ctx.method);

		const billing = this.core.opts.operatingBilling;
		// docs model: each method (also inside a batch) has its own budget and the outer batch is free;
		// measured model (b24jssdk #539): everything is billed to `batch`
		const billed = billing === 'batch' ? (ctx.inBatch ? undefined : ctx.method) : ctx.method === 'batch' ? undefined : ctx.method;
		if (billed && this.operating.blocked(caller.credentialKey, billed)) {
			throw new B24Error(429, 'OPERATION_TIME_LIMIT', 'Method is blocked due to operation time limit.');
		}
		let res: MethodResult;
		if (ctx.method === 'batch') {
			res = await runBatch(ctx, caller, {
				faults: this.faults,
				unresolved: this.core.opts.batchUnresolvedRef,
				invoke: (sub) => this.invoke(sub),
				logSub: (o) =>
					this.record({
						method: o.method,
						params: o.params,
						status: o.status,
						error: o.error,
						auth: caller.kind,
						authVia: caller.via,
						encoding: 'query',
						parent: (ctx as CallContext & { seq?: number }).seq,
						batchKey: o.key,
					}),
			});
			if (billing === 'batch') res.cost = this.lastBatchCost(res);
		} else {
			const h = (ctx.api === 'v3' ? this.v3.handlerFor(ctx.method) : undefined) || this.handlers[ctx.method] || genericHandler;
			res = await h(ctx, this.core);
		}
		const cost = res.cost ?? this.defaultCost(entry);
		if (billed) this.operating.add(caller.credentialKey, billed, cost);
		// ground truth for the benchmark: server seconds spent, batch sub-commands included once
		if (ctx.method !== 'batch') this.counts.serverSeconds += cost;
		if (this.options.simulateServerTime && cost > 0 && ctx.method !== 'batch') {
			await new Promise((r) => setTimeout(r, this.clock.realMs(cost)));
		}
		return { res, time: this.timeBlock(start, cost, caller.credentialKey, billed ?? ctx.method) };
	}

	private lastBatchCost(res: MethodResult): number {
		const times = (res.result as { result_time: unknown }).result_time;
		const list = Array.isArray(times) ? times : Object.values(times as Rec);
		return list.reduce((s: number, t) => s + Number((t as Rec).processing || 0), 0);
	}

	private defaultCost(entry?: CatalogEntry): number {
		const c = this.core.cost;
		switch (entry?.kind) {
			case 'create':
				return c.add;
			case 'update':
				return c.update;
			case 'delete':
				return c.delete;
			case 'get':
				return c.get;
			case 'getAll':
				return c.page;
			default:
				return c.other;
		}
	}

	/**
	 * Legacy task.*item.* methods read their arguments by position. The docs say
	 * named keys "give unpredictable results"; the emulator rejects them so the
	 * mistake shows up in tests instead of in production.
	 */
	private positional(ctx: CallContext, entry: CatalogEntry): void {
		const p = ctx.params as unknown;
		let args: unknown[];
		if (Array.isArray(p)) args = p;
		else {
			const keys = Object.keys(p as Rec);
			const named = keys.filter((k) => !/^\d+$/.test(k));
			if (named.length) {
				throw new B24Error(400, 'ERROR_CORE', `Method ${ctx.method} takes positional parameters (a JSON array or keys 0, 1, ...); named parameters are not accepted: ${named.join(', ')}`);
			}
			args = [];
			for (const k of keys) args[Number(k)] = (p as Rec)[k];
		}
		const names = positionalNames(entry);
		entry.required.forEach((name, i) => {
			if (args[i] === undefined || args[i] === null || args[i] === '') {
				throw new B24Error(400, 'ERROR_CORE', `Param #${i} (${name}) expected by method ${ctx.method}(), but not given.`);
			}
		});
		const named: Params = {};
		names.forEach((n, i) => {
			if (args[i] !== undefined) named[n] = args[i];
		});
		ctx.args = args;
		ctx.params = named;
	}

	// ---------- HTTP ----------

	private async handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
		const u = new URL(req.url || '/', 'http://127.0.0.1');
		const path = u.pathname;
		if (path.startsWith('/_emulator/')) return this.control(req, res, u);
		if (path.startsWith('/oauth/')) return this.oauth(req, res, u);
		if (path === '/rest/download.json' || path === '/rest/download') return this.download(res, u);
		if (path.startsWith('/rest/api/')) return this.v3.serve(req, res, u);
		if (path.startsWith('/rest/')) return this.rest(req, res, u);
		json(res, 404, { error: 'NOT_FOUND', error_description: 'Not found' });
	}

	private async rest(req: http.IncomingMessage, res: http.ServerResponse, u: URL): Promise<void> {
		const segs = u.pathname.slice('/rest/'.length).split('/').filter(Boolean);
		const bodyText = await readBody(req);
		const decoded = decodeBody(req.headers['content-type'], bodyText);
		const query = parseQuery(u.search.slice(1)) as Params;
		const encoding: Encoding = decoded.encoding === 'query' && Object.keys(query).length === 0 && req.method === 'POST' ? 'json' : decoded.encoding;
		const rawMethod = (segs.length === 3 ? segs[2] : segs.length === 1 ? segs[0] : segs.join('/')).toLowerCase();
		const method = rawMethod.replace(/\.json$/, '');
		const start = this.clock.now();
		const st: RequestState = { seq: ++this.seq, method, encoding, params: {}, start };

		const fail = (e: B24Error, caller?: Caller): void => {
			this.record({ seq: st.seq, method, params: st.params, status: e.status, error: e.code, auth: caller?.kind ?? 'none', authVia: caller?.via, encoding });
			const headers: Record<string, string> = {};
			if (e.code === 'QUERY_LIMIT_EXCEEDED') headers['Retry-After'] = '1';
			json(res, e.status, { error: e.code, error_description: e.description }, headers);
		};

		if (segs.length !== 1 && segs.length !== 3) return fail(new B24Error(404, 'ERROR_METHOD_NOT_FOUND', 'Method not found!'));
		if (decoded.error) return fail(new B24Error(400, 'INVALID_REQUEST', decoded.error));

		// PHP $_REQUEST: body over query; repeated keys: the last wins (parseQuery already did that)
		let params = mergeParams(query, decoded.params) as Params;
		st.params = params;

		// faults that fire before anything else
		const fault = this.faults.takeRequest(method);
		if (fault?.kind === 'delay') await new Promise((r) => setTimeout(r, fault.delayMs ?? 1000));
		if (fault?.kind === 'expiredToken') return fail(new B24Error(401, 'expired_token', 'The access token provided has expired.'));
		const preFault = fault && !fault.commit && ['status', 'html', 'reset'].includes(fault.kind) ? fault : undefined;
		// a stall always follows the write: the method ran, its answer is lost
		const postFault = fault && ((fault.commit && ['status', 'html', 'reset'].includes(fault.kind)) || fault.kind === 'stall') ? fault : undefined;
		if (preFault) return this.applyFault(preFault, req, res, st);

		// ---- auth ----
		let caller: Caller;
		try {
			const r = this.authenticate(req, segs, params, query, Array.isArray(decoded.params) ? {} : (decoded.params as Params));
			caller = r.caller;
			params = r.params;
			st.params = params;
		} catch (e) {
			if (e instanceof B24Error) return fail(e);
			throw e;
		}
		st.caller = caller;

		if (!this.bucket.take()) return fail(new B24Error(503, 'QUERY_LIMIT_EXCEEDED', 'Too many requests'), caller);

		const ctx: CallContext & { seq: number } = { method, params, caller, inBatch: false, seq: st.seq };
		let out: { res: MethodResult; time: Record<string, unknown> };
		try {
			out = await this.invoke(ctx);
		} catch (e) {
			if (!(e instanceof B24Error)) throw e;
			if (postFault) return this.applyFault(postFault, req, res, st);
			return fail(e, caller);
		}
		if (postFault) return this.applyFault(postFault, req, res, st);
		const body: Rec = { result: out.res.result };
		if (out.res.next !== undefined) body.next = out.res.next;
		if (out.res.total !== undefined) body.total = out.res.total;
		body.time = out.time;
		// the batch envelope's sub-entries were logged with parent = this seq already
		this.record({ seq: st.seq, method, params: ctx.params, status: 200, auth: caller.kind, authVia: caller.via, encoding });
		json(res, 200, body);
		this.events.flush();
	}

	applyFault(f: Fault, req: http.IncomingMessage, res: http.ServerResponse, st: RequestState): void {
		const caller = st.caller;
		if (f.kind === 'reset') {
			this.record({ seq: st.seq, method: st.method, params: st.params, status: 0, error: 'ECONNRESET', auth: caller?.kind ?? 'none', authVia: caller?.via, encoding: st.encoding });
			req.socket.destroy();
			this.events.flush();
			return;
		}
		if (f.kind === 'stall') {
			setTimeout(() => this.applyFault({ ...f, kind: 'html', status: f.status ?? 504 }, req, res, st), f.delayMs ?? 1000);
			return;
		}
		if (f.kind === 'html') {
			const status = f.status ?? 502;
			this.record({ seq: st.seq, method: st.method, params: st.params, status, error: 'HTML', auth: caller?.kind ?? 'none', authVia: caller?.via, encoding: st.encoding });
			const page = status === 504 ? HTML_504 : HTML_502;
			res.writeHead(status, { 'Content-Type': 'text/html', 'Content-Length': Buffer.byteLength(page) });
			res.end(page);
			this.events.flush();
			return;
		}
		const status = f.status ?? 500;
		const [code, desc] = DEFAULT_FAULT_ERRORS[status] || ['INTERNAL_SERVER_ERROR', 'Internal server error'];
		const e = new B24Error(status, f.error ?? code, f.description ?? desc);
		this.record({ seq: st.seq, method: st.method, params: st.params, status, error: e.code, auth: caller?.kind ?? 'none', authVia: caller?.via, encoding: st.encoding });
		json(res, status, { error: e.code, error_description: e.description });
		this.events.flush();
	}

	authenticate(req: http.IncomingMessage, segs: string[], params: Params, query: Params, body: Params): { caller: Caller; params: Params } {
		const clean = (p: Params): Params => {
			if (Array.isArray(p)) return p;
			const o = { ...p };
			delete o.auth;
			delete o.access_token;
			if (this.options.apiKey?.mode === 'query') delete o[this.options.apiKey.name];
			return o;
		};
		const checkUser = (c: Caller): Caller => {
			if (this.auth.deniedUsers.has(c.userId)) throw new B24Error(403, 'INVALID_CREDENTIALS', 'Invalid request credentials');
			return c;
		};
		if (segs.length === 3) {
			const w = this.auth.findWebhook(segs[0], segs[1]);
			if (!w) throw new B24Error(401, 'NO_AUTH_FOUND', 'Wrong authorization data');
			return {
				caller: checkUser({ kind: 'webhook', via: 'path', userId: w.userId, scopes: w.scopes, credentialKey: `webhook:${w.code}` }),
				params: clean(params),
			};
		}
		const header = String(req.headers.authorization || '');
		const bearer = /^Bearer\s+(.+)$/i.exec(header);
		if (bearer && !this.options.strictOAuthParams) {
			return { caller: checkUser(this.auth.checkToken(bearer[1].trim(), 'bearer')), params: clean(params) };
		}
		// a custom REST auth provider (self-hosted) is consulted first; a key that does not match may
		// still be an OAuth token when the provider shares the `auth` parameter name
		const ak = this.options.apiKey;
		if (ak) {
			const given = ak.mode === 'header' ? req.headers[ak.name.toLowerCase()] : query[ak.name];
			if (given !== undefined && String(given) === ak.key) {
				return {
					caller: checkUser({ kind: 'apikey', via: ak.mode, userId: ak.userId ?? 1, scopes: null, credentialKey: 'apikey' }),
					params: clean(params),
				};
			}
			const sharesOAuthName = ak.mode === 'query' && ['auth', 'access_token'].includes(ak.name);
			if (given !== undefined && !sharesOAuthName) throw new B24Error(401, 'NO_AUTH_FOUND', 'Wrong authorization data');
		}
		const pick = (o: Params): unknown => (o && !Array.isArray(o) ? o.auth ?? o.access_token : undefined);
		// body over query, like $_REQUEST
		const token = pick(body) ?? pick(query);
		if (token !== undefined && token !== '') {
			return { caller: checkUser(this.auth.checkToken(String(token), 'param')), params: clean(params) };
		}
		throw new B24Error(401, 'NO_AUTH_FOUND', 'Wrong authorization data');
	}

	// ---------- OAuth server ----------

	private async oauth(req: http.IncomingMessage, res: http.ServerResponse, u: URL): Promise<void> {
		const path = u.pathname.replace(/\/+$/, '/');
		const query = parseQuery(u.search.slice(1)) as Params;
		if (path === '/oauth/authorize/') {
			const redirect = String(query.redirect_uri || this.options.oauthRedirectUri || '');
			if (query.client_id !== this.auth.clientId || !redirect) {
				// Bitrix shows the error on its own page and does not redirect
				const html = '<html><body><h1>Authorization error</h1><p>Unknown application or no redirect address.</p></body></html>';
				res.writeHead(400, { 'Content-Type': 'text/html' });
				res.end(html);
				return;
			}
			const code = this.auth.issueCode(this.webhook.userId, this.auth.oauthScope);
			const target = new URL(redirect);
			target.searchParams.set('code', code);
			if (query.state !== undefined) target.searchParams.set('state', String(query.state));
			target.searchParams.set('domain', this.host);
			target.searchParams.set('member_id', this.auth.memberId);
			target.searchParams.set('scope', this.auth.oauthScope);
			target.searchParams.set('server_domain', 'oauth.bitrix.info');
			res.writeHead(302, { Location: target.toString() });
			res.end();
			return;
		}
		if (path === '/oauth/token/') {
			let params: Params = { ...query };
			if (req.method === 'POST') {
				const text = await readBody(req);
				const d = decodeBody(req.headers['content-type'] || 'application/x-www-form-urlencoded', text);
				if (d.params && typeof d.params === 'object' && !Array.isArray(d.params)) params = { ...params, ...(d.params as Params) };
			}
			const [status, body] = this.auth.token(params);
			json(res, status, body);
			return;
		}
		json(res, 404, { error: 'invalid_request', error_description: 'Unknown OAuth endpoint' });
	}

	// ---------- Drive downloads ----------

	fileToken(id: number): string {
		const sig = crypto.createHmac('sha256', this.fileSecret).update(String(id)).digest('hex').slice(0, 16);
		return `disk|${id}|${sig}`;
	}

	private download(res: http.ServerResponse, u: URL): void {
		const token = u.searchParams.get('token') || '';
		const [kind, idStr] = token.split('|');
		const id = Number(idStr);
		const file = kind === 'disk' ? this.store.get('diskFile', id) : undefined;
		if (!file || token !== this.fileToken(id) || file.DELETED_TYPE) {
			json(res, 404, { error: 'NOT_FOUND', error_description: 'File not found' });
			return;
		}
		const bytes = Buffer.from(String(file.CONTENT_BASE64 || ''), 'base64');
		res.writeHead(200, {
			'Content-Type': 'application/octet-stream',
			'Content-Length': bytes.length,
			'Content-Disposition': `attachment; filename="${encodeURIComponent(String(file.NAME))}"`,
		});
		res.end(bytes);
	}

	// ---------- control API ----------

	private async control(req: http.IncomingMessage, res: http.ServerResponse, u: URL): Promise<void> {
		const path = u.pathname.replace(/\/+$/, '');
		const body = req.method === 'POST' ? await readBody(req) : '';
		const data = (): Rec => {
			try {
				return body ? (JSON.parse(body) as Rec) : {};
			} catch {
				return {};
			}
		};
		if (path === '/_emulator/log' && req.method === 'GET') return json(res, 200, this.log);
		if (path === '/_emulator/log/clear') {
			this.clearLog();
			return json(res, 200, { ok: true });
		}
		if (path === '/_emulator/counters') return json(res, 200, this.counters());
		if (path === '/_emulator/faults' && req.method === 'POST') {
			const d = data();
			if (d.clear) this.faults.clear();
			else this.faults.inject(d as unknown as Fault);
			return json(res, 200, { ok: true, pending: this.faults.pending() });
		}
		if (path === '/_emulator/faults' && req.method === 'DELETE') {
			this.faults.clear();
			return json(res, 200, { ok: true });
		}
		if (path === '/_emulator/seed' && req.method === 'POST') {
			const out: Record<string, number> = {};
			for (const [k, n] of Object.entries(data())) out[k] = this.store.seed(k, Number(n));
			return json(res, 200, out);
		}
		if (path.startsWith('/_emulator/store/')) {
			const entity = decodeURIComponent(path.slice('/_emulator/store/'.length));
			return json(res, 200, { entity, count: this.store.count(entity), records: this.store.all(entity) });
		}
		if (path === '/_emulator/tokens' && req.method === 'POST') {
			const d = data();
			return json(res, 200, this.issueTokens({ expired: Boolean(d.expired), scope: d.scope as string | undefined }));
		}
		if (path === '/_emulator/deliveries') return json(res, 200, this.events.deliveries);
		if (path === '/_emulator/info') {
			return json(res, 200, { url: this.url, webhookUrl: this.webhookUrl, oauth: this.oauthInfo, virtualNow: this.clock.now(), bucket: this.bucket.peek() });
		}
		if (path === '/_emulator/time' && req.method === 'POST') {
			const d = data();
			if (d.advance !== undefined) this.clock.advance(Number(d.advance));
			if (d.timeScale !== undefined) this.clock.setScale(Number(d.timeScale));
			return json(res, 200, { virtualNow: this.clock.now() });
		}
		json(res, 404, { error: 'NOT_FOUND', error_description: 'Unknown control endpoint' });
	}

	get webhookUrl(): string {
		return `${this.url}/rest/${this.webhook.userId}/${this.webhook.code}/`;
	}

	get oauthInfo(): { clientId: string; clientSecret: string; tokenUrl: string; authorizeUrl: string } {
		return {
			clientId: this.auth.clientId,
			clientSecret: this.auth.clientSecret,
			tokenUrl: `${this.url}/oauth/token/`,
			authorizeUrl: `${this.url}/oauth/authorize/`,
		};
	}

	issueTokens(opts: { expired?: boolean; scope?: string } = {}): TokenResponse {
		return this.auth.mint(this.webhook.userId, opts.scope ?? this.auth.oauthScope, { expired: opts.expired });
	}

	setPlan(p: Plan): void {
		this.bucket.plan = p;
		this.core.opts.plan = p;
	}
}
