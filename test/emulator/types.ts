// Shared types of the Bitrix24 emulator. Kept in one place so handlers, the
// server and the tests agree on shapes without importing each other.

export type Plan = 'standard' | 'enterprise' | 'none';

export interface ApiKeyOptions {
	mode: 'header' | 'query';
	name: string;
	key: string;
	userId?: number;
}

export interface CostModel {
	/** base cost of any list page (seconds of virtual server time) */
	page: number;
	/** extra cost per row of the table when the page counts the total (start >= 0) */
	perCountedRow: number;
	/** extra cost per skipped row for deep offsets */
	perOffsetRow: number;
	get: number;
	add: number;
	update: number;
	delete: number;
	other: number;
}

export interface EmulatorOptions {
	port?: number;
	plan?: Plan;
	timeScale?: number;
	seed?: Record<string, number>;
	strictOAuthParams?: boolean;
	apiKey?: ApiKeyOptions;
	operatingLimitSeconds?: number;
	operatingBilling?: 'per-method' | 'batch';
	limits?: boolean;
	accessTokenTtlSeconds?: number;
	/** scopes of the ready webhook; default: every scope */
	webhookScopes?: string[];
	/** user id of the ready webhook (default 1) */
	webhookUserId?: number;
	/** scope string of tokens minted by the OAuth server (comma list); default: every scope */
	oauthScope?: string;
	/** redirect used by /oauth/authorize/ when the request has no redirect_uri (the app setting) */
	oauthRedirectUri?: string;
	/** what a batch `$result[...]` reference that does not resolve turns into (docs are silent) */
	batchUnresolvedRef?: 'empty' | 'literal' | 'error';
	/** virtual server-time model for the operating limit */
	cost?: Partial<CostModel>;
	/** really sleep cost/timeScale per call, so batches take execution time (off by default) */
	simulateServerTime?: boolean;
}

export interface TokenResponse {
	access_token: string;
	refresh_token: string;
	expires_in: number;
	expires: number;
	client_endpoint: string;
	server_endpoint: string;
	domain: string;
	member_id: string;
	scope: string;
	status: string;
	user_id: number;
}

export type AuthKind = 'webhook' | 'oauth' | 'apikey' | 'none';
export type AuthVia = 'bearer' | 'param' | 'path' | 'header' | 'query';
export type Encoding = 'json' | 'form' | 'query';

export interface LogEntry {
	seq: number;
	method: string;
	params: unknown;
	status: number;
	error?: string;
	auth: AuthKind;
	authVia?: AuthVia;
	encoding: Encoding;
	parent?: number;
	batchKey?: string;
	/** top-level parameters the documented catalog does not list for the method */
	undocumented?: string[];
	/** required groups the call left unmet ("A|B" = one of them) */
	missing?: string[];
	/** called at /rest/api/ (REST 3.0) */
	api?: 'v3';
	/** answered from a stored Idempotency-Key response */
	replayed?: boolean;
}

export interface Counters {
	byMethod: Record<string, number>;
	bySubMethod: Record<string, number>;
	byStatus: Record<string, number>;
	http: number;
	batchSub: number;
	queryLimitExceeded: number;
	operationTimeLimit: number;
	/** virtual server seconds spent by every executed call (batch sub-commands counted, the outer batch not) */
	serverSeconds: number;
}

/** `stall`: the method runs, the answer never comes, and after `delayMs` the gateway gives up with its 504 page. */
export type FaultKind = 'status' | 'html' | 'reset' | 'delay' | 'expiredToken' | 'batchCommandError' | 'stall';

export interface Fault {
	method?: string;
	times?: number;
	kind: FaultKind;
	status?: number;
	error?: string;
	description?: string;
	commit?: boolean;
	delayMs?: number;
	batchKey?: string;
}

/** The caller as established by auth; batch sub-commands reuse it. */
export interface Caller {
	kind: AuthKind;
	via?: AuthVia;
	userId: number;
	scopes: string[] | null; // null = all scopes
	/** key of the operating-time budget: one per app or webhook */
	credentialKey: string;
	clientId?: string;
}

/** A Bitrix error: thrown by handlers, rendered as {error, error_description}. */
export class B24Error extends Error {
	constructor(
		public status: number,
		public code: string,
		public description: string,
	) {
		super(`${code}: ${description}`);
	}
}

/** What a handler returns; `next`/`total` are lifted to the envelope like the real server does. */
export interface MethodResult {
	result: unknown;
	next?: number;
	total?: number;
	/** virtual server seconds this call cost (operating budget) */
	cost?: number;
}

export type Params = Record<string, unknown>;

export interface CallContext {
	method: string;
	params: Params;
	/** positional args for task.*item.* methods */
	args?: unknown[];
	caller: Caller;
	inBatch: boolean;
	/** called at /rest/api/ (REST 3.0) */
	api?: 'v3';
}

export type Json = null | boolean | number | string | Json[] | { [k: string]: Json };
