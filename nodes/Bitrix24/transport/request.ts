import { randomUUID } from 'crypto';
import type { IDataObject, IHttpRequestOptions, INode } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import type { B24Context, Connection } from './connection';
import { getConnection } from './connection';
import { toQueryString } from './encode';
import { bitrixApiError, redact } from './errors';
import { getClock, limiterFor } from './limiter';

export interface Envelope {
	result: unknown;
	next?: number;
	total?: number;
	time?: IDataObject;
}

export interface CallOptions {
	itemIndex?: number;
	/** Safe to send again after an ambiguous failure (reads). Defaults to a guess from the method name. */
	idempotent?: boolean;
	/** How far a bulk job is, for the log line when a limit makes it wait ("4,750 of 10,000 items done"). */
	progress?: string;
	/** REST 3.0: `/rest/api/…`, JSON body only, `{error: {code, message, validation}}` (api-reference/rest-v3.md). */
	api?: 'v3';
}

/** The commands of a batch, by method: each is paced by its own operating-time budget. */
type MethodCounts = Record<string, number>;

/** Whose operating-time budget a call spends: Bitrix24 keeps one per webhook or app, so one per n8n credential. */
function budgetOwner(ctx: B24Context, conn: Connection): string {
	return `${conn.credentialType}:${ctx.getNode().credentials?.[conn.credentialType]?.id ?? ''}`;
}

/** Tells the n8n log (info level) why a run pauses, so a long import does not look stuck. */
function logWait(ctx: B24Context, method: string, seconds: number, progress?: string) {
	ctx.logger?.info(
		`Bitrix24: ${method} is at its operating-time budget; waiting ${Math.ceil(seconds).toLocaleString('en')} s${progress ? ` (${progress})` : ''}`,
	);
}

export interface Command {
	method: string;
	params: IDataObject | unknown[];
	/** REST 3.0 commands go one HTTP call each (see runCommands). */
	api?: 'v3';
	/** A query string written by the user (Batch operation), sent as is. */
	query?: string;
}

const READ_VERBS = /\.(get|list|getlist|fields|getfields|search|current|count|history\.get|types|items|getlastid|status)$/i;
const READ_METHODS = new Set(['profile', 'scope', 'methods', 'method.get', 'server.time', 'app.info', 'feature.get', 'user.admin', 'user.access', 'events', 'crm.duplicate.findbycomm']);

export function isReadMethod(method: string): boolean {
	const name = method.toLowerCase();
	return READ_METHODS.has(name) || READ_VERBS.test(name);
}

const MAX_RATE_RETRIES = 8;
const MAX_NETWORK_RETRIES = 3;
const NEVER_SENT = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN']);

interface Failure {
	/** The method that failed, named in the error's message. */
	method: string;
	status?: number;
	code: string;
	description: string;
	network?: string;
	notJson?: string;
}

/** The readable text of an error page: its title and headings, without markup (cut to size once redacted). */
function excerpt(text: string): string {
	const plain = text
		.replace(/<(script|style)[^>]*>[\s\S]*?<\/\1>/gi, ' ')
		.replace(/<[^>]*>/g, ' ')
		.replace(/&nbsp;/g, ' ')
		.replace(/\s+/g, ' ')
		.trim();
	// a page repeats its title in its heading ("502 Bad Gateway 502 Bad Gateway nginx")
	const words = plain.split(' ');
	const half = words.findIndex((_, k) => k > 0 && words.slice(0, k).join(' ') === words.slice(k, 2 * k).join(' '));
	return half > 0 ? words.slice(half).join(' ') : plain;
}

function describeBody(method: string, status: number | undefined, body: unknown): Failure {
	if (body && typeof body === 'object' && !Array.isArray(body)) {
		const data = body as { error?: unknown; error_description?: unknown };
		const code =
			typeof data.error === 'string'
				? data.error
				: data.error && typeof data.error === 'object'
					? String((data.error as IDataObject).code ?? '')
					: '';
		const description =
			typeof data.error_description === 'string'
				? data.error_description
				: data.error && typeof data.error === 'object'
					? String((data.error as IDataObject).message ?? '')
					: '';
		// REST 3.0 names the fields a request failed on (`validation: [{field, message}]`)
		const validation = data.error && typeof data.error === 'object' ? (data.error as IDataObject).validation : undefined;
		const details = Array.isArray(validation)
			? validation.map((entry) => (entry && typeof entry === 'object' ? `${String((entry as IDataObject).field ?? '')}: ${String((entry as IDataObject).message ?? '')}` : String(entry))).join('; ')
			: '';
		if (data.error !== undefined) return { method, status, code, description: details ? `${description} (${details})` : description };
	}
	const text = typeof body === 'string' ? body : body === undefined ? '' : JSON.stringify(body);
	const page = excerpt(text);
	const what = page ? ' with a page' : body === undefined ? '' : ' with an empty body';
	return {
		method,
		status,
		code: status && status >= 500 ? 'HTTP_' + status : '',
		description: `the portal answered HTTP ${status ?? '?'}${what}, not Bitrix24 JSON`,
		notJson: page,
	};
}

/**
 * The status and body of a failed HTTP call. n8n's NodeApiError keeps the status (`httpCode`) and a
 * JSON object body (`context.data`) but not a text body such as an HTML page: it resets `cause`
 * (n8n-core 1.122, n8n 1.123 and 2.41), hence `send` reads error answers itself where it can
 * (HttpAnswer). The other places are read in case an n8n version keeps the response there.
 */
function classify(method: string, error: unknown): Failure {
	if (error instanceof HttpAnswer) return describeBody(method, error.status, error.body);
	// n8n wraps the HTTP failure in a NodeApiError: the status is in httpCode, a JSON body in context.data
	const err = error as {
		cause?: { response?: { status?: number; data?: unknown }; code?: string; message?: string };
		response?: { status?: number; data?: unknown; body?: unknown };
		errorResponse?: { code?: string; response?: { status?: number; data?: unknown } };
		httpCode?: string | null;
		context?: { data?: unknown };
		code?: string;
		message?: string;
	};
	const response = err?.cause?.response ?? err?.errorResponse?.response ?? err?.response;
	const status = response?.status ?? (err?.httpCode ? Number(err.httpCode) : undefined);
	const body = response?.data ?? (response as { body?: unknown } | undefined)?.body ?? err?.context?.data;
	if (!status || Number.isNaN(status)) {
		const message = err?.cause?.message ?? err?.message ?? '';
		// n8n-core 1.x/2.x put a network failure's code (ECONNREFUSED…) in httpCode and rewrite the message
		const wrappedCode = err?.httpCode && /^E[A-Z_]{3,}$/.test(err.httpCode) ? err.httpCode : undefined;
		const network = err?.cause?.code ?? err?.errorResponse?.code ?? err?.code ?? wrappedCode ?? /\b(E[A-Z]{3,})\b/.exec(message)?.[1] ?? (/socket hang up/i.test(message) ? 'ECONNRESET' : 'NETWORK_ERROR');
		return { method, code: network, network, description: err?.cause?.message ?? err?.message ?? 'The connection to Bitrix24 failed' };
	}
	return describeBody(method, status, body);
}

/**
 * What the failure says, with at most 160 characters of the error page when the answer was not
 * Bitrix24 JSON; secrets go before the cut, so a page that echoes the URL cannot leave half a code.
 */
const failureText = (failure: Failure, secrets: string[]) =>
	failure.notJson ? `${failure.description}: "${redact(failure.notJson, secrets).slice(0, 160)}"` : failure.description;

function failureError(node: INode, conn: Connection, failure: Failure, itemIndex: number | undefined, hint?: string) {
	return bitrixApiError(
		node,
		{
			code: failure.code,
			description: failureText(failure, conn.secrets),
			method: failure.method,
			httpCode: failure.status,
			itemIndex,
			hint,
		},
		conn.secrets,
	);
}

/** A write that may or may not have run: reported, never re-sent, so nothing is created twice. */
function outcomeUnknown(node: INode, conn: Connection, failure: Failure, itemIndex?: number) {
	const what = failure.network
		? `the connection broke after the request was sent (${failure.network})`
		: `${failureText(failure, conn.secrets)}${failure.code ? ` [${failure.code}]` : ''}, after the request was sent`;
	return bitrixApiError(
		node,
		{
			code: 'OUTCOME_UNKNOWN',
			description: `${what}; Bitrix24 may or may not have applied it`,
			method: failure.method,
			httpCode: failure.status,
			itemIndex,
			hint: `${failure.status && failure.status >= 500 ? 'The portal, or a proxy in front of it, failed while answering. ' : ''}The request was not sent again so nothing is created twice. Check the record in Bitrix24 before running this item again.`,
		},
		conn.secrets,
	);
}

/** A 4xx/5xx answer read in full (status and body), thrown so callMethod's failure handling takes it. */
class HttpAnswer {
	constructor(
		readonly status: number,
		readonly body: unknown,
	) {}
}

function backoffSeconds(attempt: number): number {
	return Math.min(30, 0.5 * 2 ** attempt) * (0.75 + Math.random() * 0.5);
}

async function send(ctx: B24Context, conn: Connection, method: string, params: IDataObject | unknown[], api?: 'v3', idempotencyKey?: string): Promise<unknown> {
	const options: IHttpRequestOptions = {
		method: 'POST',
		// REST 3.0 sits under /rest/api/; the credential puts the webhook's USER_ID/CODE after it
		url: `${conn.restBase}${api === 'v3' ? 'api/' : ''}${method}`,
		headers: { Accept: 'application/json', 'User-Agent': 'n8n-nodes-b24', ...(idempotencyKey ? { 'Idempotency-Key': idempotencyKey } : {}) },
		json: true,
	};
	// Older self-hosted portals read the OAuth token only from `auth`; newer ones read the Bearer header first.
	if (conn.auth === 'oAuth2' && conn.accessToken) {
		if (Array.isArray(params)) {
			options.qs = { auth: conn.accessToken };
			options.body = params;
		} else {
			options.body = { ...params, auth: conn.accessToken };
		}
	} else {
		options.body = params;
	}
	// n8n's wrapped HTTP error drops a body that is not a JSON object (a proxy's HTML page): read error
	// answers in full instead. OAuth2 keeps n8n's throwing mode, which is what makes n8n refresh a token on 401.
	if (conn.auth === 'oAuth2') return await ctx.helpers.httpRequestWithAuthentication.call(ctx, conn.credentialType, options);
	const answer = (await ctx.helpers.httpRequestWithAuthentication.call(ctx, conn.credentialType, {
		...options,
		ignoreHttpStatusErrors: true,
		returnFullResponse: true,
	})) as { statusCode: number; body: unknown };
	if (answer.statusCode >= 400) throw new HttpAnswer(answer.statusCode, answer.body);
	return answer.body;
}

/** The one place that talks HTTP to Bitrix24: auth, encoding, limits, retries, errors and redaction. */
export async function callMethod(
	ctx: B24Context,
	method: string,
	params: IDataObject | unknown[] = {},
	options: CallOptions & { commands?: MethodCounts } = {},
): Promise<Envelope> {
	let conn = await getConnection(ctx);
	if (options.api === 'v3' && conn.keyInQuery) {
		// refused before anything is sent: not a network failure, and no retry can help
		throw bitrixApiError(
			ctx.getNode(),
			{
				code: 'KEY_PLACEMENT_UNSUPPORTED',
				description: 'this operation uses Bitrix24 REST 3.0 (/rest/api/), which reads no query string, so an API key sent as a Query Parameter never reaches it',
				method,
				itemIndex: options.itemIndex,
				hint: 'In the Bitrix24 API Key credential set "Send Key As" to "Webhook Path" or "HTTP Header".',
			},
			conn.secrets,
		);
	}
	const clock = getClock();
	const limiter = limiterFor(conn.portalKey, conn.plan, conn.processes);
	// REST 3.0 writes carry an Idempotency-Key, the same on every retry of this call: a re-sent write is
	// answered from Bitrix24's stored response (Idempotent-Replayed) instead of running twice
	const idempotencyKey = options.api === 'v3' && !isReadMethod(method) ? randomUUID() : undefined;
	const idempotent = options.idempotent ?? (isReadMethod(method) || idempotencyKey !== undefined);
	const methodKey = method.toLowerCase();
	const owner = budgetOwner(ctx, conn);
	let tokenRetried = false;
	let networkRetries = 0;

	for (let attempt = 0; ; attempt++) {
		// the method itself and, for a batch, every method inside it, before their budgets run out
		const needs: MethodCounts = { ...options.commands, [methodKey]: (options.commands?.[methodKey] ?? 0) + 1 };
		for (let waited = 0; ; ) {
			const pace = limiter.operatingWait(owner, needs);
			if (pace.seconds > 0 && waited < conn.maxWaitSeconds) {
				// past the maximum the call goes out anyway: Bitrix24's own answer decides
				const wait = Math.min(pace.seconds, conn.maxWaitSeconds - waited);
				logWait(ctx, pace.method ?? method, wait, options.progress);
				await clock.sleep(wait);
				waited += wait;
			}
			await limiter.acquire();
			// the bucket's queue may have held the call while other calls spent the budget: check again
			if (waited >= conn.maxWaitSeconds || limiter.operatingWait(owner, needs).seconds <= 0) break;
		}
		let failure: Failure;
		const release = limiter.charge(owner, needs);
		try {
			const sentAt = clock.now();
			const body = await send(ctx, conn, method, params, options.api, idempotencyKey);
			if (body && typeof body === 'object' && !Array.isArray(body) && 'result' in body) {
				const envelope = body as Envelope;
				limiter.observe(owner, methodKey, envelope.time, sentAt);
				return envelope;
			}
			failure = describeBody(method, 200, body);
		} catch (error) {
			if (error instanceof NodeApiError && error.context?.bitrixCode !== undefined) throw error;
			failure = classify(method, error);
		} finally {
			release();
		}

		if (failure.code === 'QUERY_LIMIT_EXCEEDED' && attempt < MAX_RATE_RETRIES) {
			// refused before it ran, so even a write is safe to send again
			limiter.saturate();
			await clock.sleep(backoffSeconds(attempt));
			continue;
		}
		if (failure.code === 'OPERATION_TIME_LIMIT') {
			// refused before it ran (the check comes before each call), so even a write is safe to send again
			const wait = limiter.refusedFor(owner, methodKey);
			if (attempt < 4 && wait <= conn.maxWaitSeconds) {
				logWait(ctx, method, wait, options.progress);
				await clock.sleep(wait);
				continue;
			}
			throw failureError(
				ctx.getNode(),
				conn,
				failure,
				options.itemIndex,
				`Bitrix24 blocked ${method} for this credential until its 10-minute operating-time budget frees up (about ${Math.ceil(wait)} s), longer than "Max Wait on Limits" (${conn.maxWaitSeconds} s). Raise that setting in the credential or run the job in smaller parts.`,
			);
		}
		if (
			conn.auth === 'oAuth2' &&
			!tokenRetried &&
			['expired_token', 'invalid_token', 'NO_AUTH_FOUND'].includes(failure.code)
		) {
			// n8n refreshed the token for the Bearer header; portals that read only `auth` need the new one too
			tokenRetried = true;
			const fresh = await getConnection(ctx);
			if (fresh.accessToken && fresh.accessToken !== conn.accessToken) {
				conn = { ...fresh, secrets: [...new Set([...conn.secrets, ...fresh.secrets])] };
				continue;
			}
		}
		if (failure.network) {
			if (NEVER_SENT.has(failure.network) || (idempotent && networkRetries < MAX_NETWORK_RETRIES)) {
				networkRetries++;
				if (networkRetries <= MAX_NETWORK_RETRIES) {
					await clock.sleep(backoffSeconds(networkRetries));
					continue;
				}
			}
			// a write that may have reached the portal, even one with an Idempotency-Key: a new run sends a new key
			if (!NEVER_SENT.has(failure.network) && (!idempotent || idempotencyKey)) {
				throw outcomeUnknown(ctx.getNode(), conn, failure, options.itemIndex);
			}
			throw failureError(ctx.getNode(), conn, failure, options.itemIndex, 'Check that the portal is reachable from n8n.');
		}
		// refused before execution (rate limit, manual block): never an unknown outcome
		const refused = failure.code === 'QUERY_LIMIT_EXCEEDED' || failure.code === 'OVERLOAD_LIMIT';
		if (failure.status && failure.status >= 500 && !refused) {
			if (idempotent && networkRetries < MAX_NETWORK_RETRIES) {
				networkRetries++;
				await clock.sleep(backoffSeconds(networkRetries));
				continue;
			}
			if (!idempotent || idempotencyKey) {
				throw outcomeUnknown(ctx.getNode(), conn, failure, options.itemIndex);
			}
		}
		throw failureError(ctx.getNode(), conn, failure, options.itemIndex);
	}
}

export interface BatchResult {
	result: Record<string, unknown>;
	errors: Record<string, { error: string; error_description: string }>;
	total: Record<string, number>;
	next: Record<string, number>;
}

const asRecord = <T>(value: unknown): Record<string, T> =>
	value && typeof value === 'object' ? (value as Record<string, T>) : {};

/** Rounds of re-sending commands the operating-time budget refused, per batch. */
const MAX_BUDGET_ROUNDS = 5;

/** A command that reads another command's answer cannot go out without that command. */
const REFERENCE = /\$(result|next|total|error|error_messages|time)\[/;

/**
 * Runs up to 50 commands in one HTTP call; per-command results and errors come back keyed. Bitrix24
 * checks each command's operating-time budget before running it, so a command refused with
 * OPERATION_TIME_LIMIT did not run: after its method's budget frees up (within "Max Wait on
 * Limits") it goes out again under its own key, alone with the other refused ones; commands that
 * ran keep their results. Halted batches and commands that reference other commands are not re-sent.
 */
export async function callBatch(
	ctx: B24Context,
	commands: Record<string, Command>,
	options: CallOptions & { halt?: boolean } = {},
): Promise<BatchResult> {
	const keys = Object.keys(commands);
	if (keys.length > 50) throw new Error('A Bitrix24 batch holds at most 50 commands');
	const cmd: Record<string, string> = {};
	for (const key of keys) {
		const { method, params, query: raw } = commands[key];
		const query = raw ?? toQueryString(params);
		cmd[key] = query ? `${method}?${query}` : method;
	}
	const idempotent = options.idempotent ?? keys.every((key) => isReadMethod(commands[key].method));
	const conn = await getConnection(ctx);
	const limiter = limiterFor(conn.portalKey, conn.plan, conn.processes);
	const owner = budgetOwner(ctx, conn);
	const methodOf = (key: string) => commands[key].method.toLowerCase();
	const countMethods = (list: string[]) => {
		const counts: MethodCounts = {};
		for (const key of list) counts[methodOf(key)] = (counts[methodOf(key)] ?? 0) + 1;
		return counts;
	};
	const out: BatchResult = { result: {}, errors: {}, total: {}, next: {} };
	let pending = keys;
	for (let round = 1; ; round++) {
		const sent = Object.fromEntries(pending.map((key) => [key, cmd[key]]));
		const envelope = await callMethod(ctx, 'batch', { halt: options.halt ? 1 : 0, cmd: sent }, { ...options, idempotent, commands: countMethods(pending) });
		const body = asRecord<unknown>(envelope.result);
		const times = asRecord<IDataObject>(body.result_time);
		const errors = asRecord<{ error: string; error_description: string }>(body.result_error);
		const results = asRecord<unknown>(body.result);
		const totals = asRecord<number>(body.result_total);
		const nexts = asRecord<number>(body.result_next);
		for (const key of pending) {
			// result_time follows the order the server ran the commands in
			limiter.observe(owner, methodOf(key), times[key]);
			delete out.errors[key];
			if (key in results) out.result[key] = results[key];
			if (key in totals) out.total[key] = totals[key];
			if (key in nexts) out.next[key] = nexts[key];
			if (errors[key]) out.errors[key] = errors[key];
		}
		const refused = options.halt ? [] : pending.filter((key) => out.errors[key]?.error === 'OPERATION_TIME_LIMIT' && !REFERENCE.test(cmd[key]));
		if (!refused.length || round >= MAX_BUDGET_ROUNDS) break;
		let wait = 0;
		let waitFor = '';
		const ran = new Set(pending.filter((key) => key in times).map(methodOf));
		for (const [method, count] of Object.entries(countMethods(refused))) {
			const seconds = limiter.refusedFor(owner, method, count, ran.has(method));
			if (seconds > wait) [wait, waitFor] = [seconds, method];
		}
		if (wait > conn.maxWaitSeconds) break;
		logWait(ctx, waitFor, wait, options.progress);
		await getClock().sleep(wait);
		pending = refused;
	}
	out.errors = redact(out.errors, conn.secrets);
	return out;
}

