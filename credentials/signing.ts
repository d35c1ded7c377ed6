/**
 * How the webhook and API-key credentials sign requests; the transport imports the parsing from here,
 * so credentials/ never depends on nodes/.
 */
import type { ICredentialDataDecryptedObject, IDataObject, IHttpRequestOptions } from 'n8n-workflow';

/** Where a credential's REST calls go and what must never leak from them. */
export interface WebhookParts {
	portal: string;
	userId: string;
	code: string;
}

export type Plan = 'standard' | 'enterprise' | 'none';

export function normalizePortal(raw: string): string {
	let portal = (raw ?? '').trim();
	if (!portal) throw new Error('The Portal URL is empty. Enter your portal address, e.g. https://your-company.bitrix24.com');
	if (!/^https?:\/\//i.test(portal)) portal = `https://${portal}`;
	const url = new URL(portal);
	return `${url.protocol}//${url.host}`;
}

const WEBHOOK_HINT = 'Copy the inbound webhook URL from Bitrix24 (Developer resources → Other → Inbound webhook); it looks like https://your-company.bitrix24.com/rest/1/abc123xyz/';

/** Parses an inbound webhook URL, with a message that says what is wrong with a malformed one. */
export function parseWebhookUrl(raw: string): WebhookParts {
	const value = (raw ?? '').trim();
	if (!value) throw new Error(`The Webhook URL is empty. ${WEBHOOK_HINT}`);
	let url: URL;
	try {
		url = new URL(value);
	} catch {
		throw new Error(`The Webhook URL is not a valid URL. ${WEBHOOK_HINT}`);
	}
	if (url.protocol !== 'https:' && url.protocol !== 'http:') {
		throw new Error(`The Webhook URL must start with https://. ${WEBHOOK_HINT}`);
	}
	const segments = url.pathname.split('/').filter(Boolean);
	const rest = segments.indexOf('rest');
	if (rest === -1) throw new Error(`The Webhook URL has no /rest/ part. ${WEBHOOK_HINT}`);
	const [userId, code, ...extra] = segments.slice(rest + 1);
	if (!userId || !/^\d+$/.test(userId)) {
		throw new Error(`The Webhook URL is missing the user ID after /rest/. ${WEBHOOK_HINT}`);
	}
	if (!code || /\./.test(code)) {
		throw new Error(`The Webhook URL is missing the webhook code after the user ID. ${WEBHOOK_HINT}`);
	}
	if (extra.length) {
		throw new Error(
			`The Webhook URL ends with a method name ("${extra.join('/')}"); remove everything after the webhook code. ${WEBHOOK_HINT}`,
		);
	}
	const prefix = segments.slice(0, rest).join('/');
	return { portal: `${url.protocol}//${url.host}${prefix ? `/${prefix}` : ''}`, userId, code };
}

/** n8n's HTTP Request node passes credentials legacy options with `uri`; n8n's helpers use `url`. */
type RequestOptions = IHttpRequestOptions & { uri?: string };

const addressKey = (options: RequestOptions): 'uri' | 'url' => (options.uri !== undefined ? 'uri' : 'url');

function absoluteUrl(options: RequestOptions, fallbackBase?: string): URL | undefined {
	try {
		return new URL(options[addressKey(options)] ?? '', options.baseURL ?? fallbackBase);
	} catch {
		return undefined;
	}
}

const readdressed = (options: RequestOptions, target: URL): RequestOptions => ({ ...options, baseURL: undefined, [addressKey(options)]: target.toString() });

/**
 * Puts `USER_ID/CODE/` after `/rest/` for URLs on the portal; a relative URL is resolved against the
 * webhook. URLs on other hosts are left alone so the code never travels anywhere but the portal.
 */
export function signWithWebhookPath(options: RequestOptions, hook: WebhookParts): RequestOptions {
	const hookBase = `${hook.portal}/rest/${hook.userId}/${hook.code}/`;
	const target = absoluteUrl(options, hookBase);
	if (!target) return options;
	const portal = new URL(hook.portal);
	if (target.host !== portal.host) return options;
	const restPrefix = `${portal.pathname.replace(/\/$/, '')}/rest/`;
	if (!target.pathname.startsWith(restPrefix)) return options;
	const tail = target.pathname.slice(restPrefix.length);
	// signed download links (DOWNLOAD_URL) carry their own token and must be used unchanged
	if (/^download(\.json)?$/i.test(tail)) return readdressed(options, target);
	// REST 3.0 puts the webhook after /rest/api/ (api-reference/rest-v3.md: /rest/api/USER_ID/CODE/METHOD)
	const [base, rest] = /^api\//.test(tail) ? [`${restPrefix}api/`, tail.slice(4)] : [restPrefix, tail];
	if (!rest.startsWith(`${hook.userId}/${hook.code}/`)) {
		target.pathname = `${base}${hook.userId}/${hook.code}/${rest}`;
	}
	return readdressed(options, target);
}

export function isOnPortal(options: RequestOptions, portal: string): boolean {
	const target = absoluteUrl(options);
	return !!target && target.host === new URL(portal).host;
}

export type KeyPlacement = 'webhookPath' | 'queryParameter' | 'header';

/** Applies an API-key credential (portal + user + key) the way the portal expects it. */
export function signWithApiKey(options: RequestOptions, credentials: ICredentialDataDecryptedObject): RequestOptions {
	const portal = normalizePortal(credentials.portalUrl as string);
	const key = String(credentials.apiKey ?? '');
	const placement = (credentials.sendKeyAs as KeyPlacement) ?? 'webhookPath';
	if (placement === 'webhookPath') {
		const userId = String(credentials.userId ?? '').trim();
		if (!/^\d+$/.test(userId)) throw new Error('The User ID must be the numeric ID of the user who owns the key, e.g. 1');
		return signWithWebhookPath(options, { portal, userId, code: key });
	}
	const resolved = /^https?:/i.test(options[addressKey(options)] ?? '')
		? options
		: { ...options, baseURL: !options.baseURL ? `${portal}/rest/` : /^https?:/i.test(options.baseURL) ? options.baseURL : normalizePortal(options.baseURL) };
	if (!isOnPortal(resolved, portal)) return resolved;
	if (placement === 'queryParameter') {
		// REST 3.0 reads nothing from the query string (api-reference/rest-v3.md#call): the key would be dropped
		const target = absoluteUrl(resolved);
		if (target && /\/rest\/api\//.test(target.pathname)) {
			throw new Error(
				'This operation uses Bitrix24 REST 3.0 (/rest/api/), which does not read the query string, so a key sent as a Query Parameter never reaches it. In the Bitrix24 API Key credential set "Send Key As" to "Webhook Path" or "HTTP Header".',
			);
		}
		const name = String(credentials.parameterName || 'auth');
		return { ...resolved, qs: { ...(resolved.qs as IDataObject), [name]: key } };
	}
	const header = String(credentials.headerName || 'X-Api-Key');
	return { ...resolved, headers: { ...resolved.headers, [header]: key } };
}
