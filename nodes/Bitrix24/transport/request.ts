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
}

export interface Command {
	method: string;
	params: IDataObject | unknown[];
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
	status?: number;
	code: string;
	description: string;
	network?: string;
	notJson?: string;
}

function excerpt(text: string): string {
	return text
		.replace(/<[^>]*>/g, ' ')
		.replace(/\s+/g, ' ')
		.trim()
		.slice(0, 160);
}

function describeBody(status: number | undefined, body: unknown): Failure {
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
		if (data.error !== undefined) return { status, code, description };
	}
	const text = typeof body === 'string' ? body : body === undefined ? '' : JSON.stringify(body);
	return {
		status,
		code: status && status >= 500 ? 'HTTP_' + status : '',
		description: `Bitrix24 answered HTTP ${status ?? '?'} with a body that is not Bitrix24 JSON`,
		notJson: excerpt(text),
	};
}

function classify(error: unknown): Failure {
	// n8n wraps the HTTP failure in a NodeApiError: the status is in httpCode and the body in context.data
	const err = error as {
		cause?: { response?: { status?: number; data?: unknown }; code?: string; message?: string };
		httpCode?: string | null;
		context?: { data?: unknown };
		errorResponse?: { code?: string };
		code?: string;
		message?: string;
	};
	const status = err?.cause?.response?.status ?? (err?.httpCode ? Number(err.httpCode) : undefined);
	const body = err?.cause?.response?.data ?? err?.context?.data;
	if (!status || Number.isNaN(status)) {
		const message = err?.cause?.message ?? err?.message ?? '';
		const network = err?.cause?.code ?? err?.errorResponse?.code ?? err?.code ?? /\b(E[A-Z]{3,})\b/.exec(message)?.[1] ?? (/socket hang up/i.test(message) ? 'ECONNRESET' : 'NETWORK_ERROR');
		return { code: network, network, description: err?.cause?.message ?? err?.message ?? 'The connection to Bitrix24 failed' };
	}
	return describeBody(status, body);
}

function failureError(node: INode, conn: Connection, failure: Failure, itemIndex: number | undefined, hint?: string) {
	return bitrixApiError(
		node,
		{
			code: failure.code,
			description: failure.notJson ? `${failure.description}: "${failure.notJson}"` : failure.description,
			httpCode: failure.status,
			itemIndex,
			hint,
		},
		conn.secrets,
	);
}

/** A write that may or may not have run: reported, never re-sent, so nothing is created twice. */
function outcomeUnknown(node: INode, conn: Connection, what: string, itemIndex?: number, httpCode?: number) {
	return bitrixApiError(
		node,
		{
			code: 'OUTCOME_UNKNOWN',
			description: `${what}; Bitrix24 may or may not have applied it`,
			httpCode,
			itemIndex,
			hint: 'The request was not sent again so nothing is created twice. Check the record in Bitrix24 before running this item again.',
		},
		conn.secrets,
	);
}

function backoffSeconds(attempt: number): number {
	return Math.min(30, 0.5 * 2 ** attempt) * (0.75 + Math.random() * 0.5);
}

async function send(ctx: B24Context, conn: Connection, method: string, params: IDataObject | unknown[]): Promise<unknown> {
	const options: IHttpRequestOptions = {
		method: 'POST',
		url: `${conn.restBase}${method}`,
		headers: { Accept: 'application/json', 'User-Agent': 'n8n-nodes-b24' },
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
	return await ctx.helpers.httpRequestWithAuthentication.call(ctx, conn.credentialType, options);
}

/** The one place that talks HTTP to Bitrix24: auth, encoding, limits, retries, errors and redaction. */
export async function callMethod(
	ctx: B24Context,
	method: string,
	params: IDataObject | unknown[] = {},
	options: CallOptions = {},
): Promise<Envelope> {
	let conn = await getConnection(ctx);
	const clock = getClock();
	const limiter = limiterFor(conn.portalKey, conn.plan);
	const idempotent = options.idempotent ?? isReadMethod(method);
	const methodKey = method.toLowerCase();
	let tokenRetried = false;
	let networkRetries = 0;

	for (let attempt = 0; ; attempt++) {
		const pace = limiter.pacing(methodKey);
		if (pace > 0) await clock.sleep(Math.min(pace, conn.maxWaitSeconds));
		await limiter.acquire();
		let failure: Failure;
		try {
			const body = await send(ctx, conn, method, params);
			if (body && typeof body === 'object' && !Array.isArray(body) && 'result' in body) {
				const envelope = body as Envelope;
				limiter.observe(methodKey, envelope.time);
				return envelope;
			}
			failure = describeBody(200, body);
		} catch (error) {
			if (error instanceof NodeApiError && error.context?.bitrixCode !== undefined) throw error;
			failure = classify(error);
		}

		if (failure.code === 'QUERY_LIMIT_EXCEEDED' && attempt < MAX_RATE_RETRIES) {
			// refused before it ran, so even a write is safe to send again
			limiter.saturate();
			await clock.sleep(backoffSeconds(attempt));
			continue;
		}
		if (failure.code === 'OPERATION_TIME_LIMIT') {
			const resetAt = limiter.resetAtFor(methodKey);
			// without a fresh operating_reset_at, the next one-minute basket is the earliest relief
			const wait = resetAt && resetAt > clock.now() ? resetAt - clock.now() : 60;
			if (attempt < 4 && wait <= conn.maxWaitSeconds) {
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
			if (!idempotent) {
				throw outcomeUnknown(ctx.getNode(), conn, `The connection broke after ${method} was sent (${failure.network})`, options.itemIndex);
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
			if (!idempotent) {
				throw outcomeUnknown(ctx.getNode(), conn, `Bitrix24 answered HTTP ${failure.status} (${failure.code || 'server error'}) after ${method} was sent`, options.itemIndex, failure.status);
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

/** Runs up to 50 commands in one HTTP call; per-command results and errors come back keyed. */
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
	const envelope = await callMethod(ctx, 'batch', { halt: options.halt ? 1 : 0, cmd }, { ...options, idempotent });
	const body = asRecord<unknown>(envelope.result);
	const conn = await getConnection(ctx);
	const limiter = limiterFor(conn.portalKey, conn.plan);
	const times = asRecord<IDataObject>(body.result_time);
	for (const key of keys) limiter.observe(commands[key].method.toLowerCase(), times[key]);
	return {
		result: asRecord(body.result),
		errors: redact(asRecord(body.result_error), conn.secrets),
		total: asRecord(body.result_total),
		next: asRecord(body.result_next),
	};
}

