// Who is calling: incoming webhook (path), OAuth access token (Bearer header or
// auth/access_token parameter) or a configured API key (custom on-premise auth
// provider). Also the OAuth server: /oauth/authorize/ and /oauth/token/.
import * as crypto from 'crypto';
import type { VirtualClock } from './clock';
import { B24Error, Caller, TokenResponse } from './types';

/** Every scope the emulator knows (the docs' list); webhooks and apps default to all. */
export const ALL_SCOPES = [
	'crm', 'task', 'tasks', 'user', 'user_brief', 'user_basic', 'user.userfield', 'department', 'im', 'imbot',
	'imopenlines', 'imconnector', 'disk', 'calendar', 'telephony', 'call', 'lists', 'sonet', 'socialnetwork',
	'entity', 'log', 'catalog', 'userfieldconfig', 'documentgenerator', 'bizproc', 'timeman', 'placement', 'pull',
	'main', 'messageservice', 'mailservice', 'humanresources', 'ai_admin', 'booking', 'sale', 'landing', 'vote',
	// scopes the REST 3.0 mail/note pages and the HCM Link pages name
	'mail', 'note', 'humanresources.hcmlink',
];

export function secret(bytes = 16): string {
	return crypto.randomBytes(bytes).toString('hex');
}

export interface Webhook {
	userId: number;
	code: string;
	scopes: string[] | null;
}

interface AccessToken {
	userId: number;
	scope: string;
	clientId: string;
	expiresAt: number;
}

interface RefreshToken {
	userId: number;
	scope: string;
	clientId: string;
}

interface AuthCode {
	userId: number;
	scope: string;
	expiresAt: number;
}

export class AuthRegistry {
	webhooks: Webhook[] = [];
	accessTokens = new Map<string, AccessToken>();
	refreshTokens = new Map<string, RefreshToken>();
	codes = new Map<string, AuthCode>();
	/** users whose rights are withdrawn: every call gets 403 INVALID_CREDENTIALS */
	deniedUsers = new Set<number>();
	readonly clientId = `local.${secret(7)}.${secret(4)}`;
	readonly clientSecret = secret(24);
	readonly memberId = secret(16);
	readonly applicationToken = secret(16);

	constructor(
		private clock: VirtualClock,
		public accessTtl: number,
		public oauthScope: string,
		private portal: { url: string },
	) {}

	addWebhook(userId: number, scopes: string[] | null = null): Webhook {
		const w = { userId, code: secret(8), scopes };
		this.webhooks.push(w);
		return w;
	}

	findWebhook(userId: string, code: string): Webhook | undefined {
		return this.webhooks.find((w) => w.code === code && String(w.userId) === userId);
	}

	mint(userId: number, scope: string, opts: { expired?: boolean; clientId?: string } = {}): TokenResponse {
		const now = this.clock.now();
		const access = secret(24);
		const refresh = secret(24);
		const ttl = this.accessTtl;
		const expiresAt = opts.expired ? now - 1 : now + ttl;
		const clientId = opts.clientId || this.clientId;
		this.accessTokens.set(access, { userId, scope, clientId, expiresAt });
		this.refreshTokens.set(refresh, { userId, scope, clientId });
		return {
			access_token: access,
			refresh_token: refresh,
			expires_in: ttl,
			expires: Math.floor(expiresAt),
			client_endpoint: `${this.portal.url}/rest/`,
			server_endpoint: `${this.portal.url}/rest/`,
			// the token response names the OAuth server here, not the portal (docs §2)
			domain: 'oauth.bitrix.info',
			member_id: this.memberId,
			scope,
			status: 'L',
			user_id: userId,
		};
	}

	/** Resolve an access token or throw the documented 401. */
	checkToken(token: string, via: 'bearer' | 'param'): Caller {
		const t = this.accessTokens.get(token);
		if (!t) throw new B24Error(401, 'invalid_token', 'The access token provided is invalid.');
		if (t.expiresAt <= this.clock.now()) throw new B24Error(401, 'expired_token', 'The access token provided has expired.');
		return {
			kind: 'oauth',
			via,
			userId: t.userId,
			scopes: t.scope.split(',').map((s) => s.trim()).filter(Boolean),
			credentialKey: `app:${t.clientId}`,
			clientId: t.clientId,
		};
	}

	issueCode(userId: number, scope: string): string {
		const code = secret(16);
		// codes live 30 s (virtual clock) and are single-use
		this.codes.set(code, { userId, scope, expiresAt: this.clock.now() + 30 });
		return code;
	}

	/** The token endpoint. Returns [status, body]. */
	token(q: Record<string, unknown>): [number, Record<string, unknown>] {
		const s = (k: string): string => (q[k] === undefined || q[k] === null ? '' : String(q[k]));
		const grant = s('grant_type');
		if (!grant) return [400, { error: 'invalid_request', error_description: 'grant_type is required' }];
		if (s('client_id') !== this.clientId || s('client_secret') !== this.clientSecret) {
			return [401, { error: 'invalid_client', error_description: 'Invalid client credentials' }];
		}
		if (grant === 'authorization_code') {
			const c = this.codes.get(s('code'));
			if (c) this.codes.delete(s('code')); // single use, even when expired
			if (!c || c.expiresAt <= this.clock.now()) {
				return [400, { error: 'invalid_grant', error_description: 'Invalid authorization code' }];
			}
			return [200, { ...this.mint(c.userId, c.scope) }];
		}
		if (grant === 'refresh_token') {
			const r = this.refreshTokens.get(s('refresh_token'));
			if (!r) return [400, { error: 'invalid_grant', error_description: 'Invalid refresh token' }];
			// rotation: the old refresh token stops working as soon as a new pair is issued
			this.refreshTokens.delete(s('refresh_token'));
			return [200, { ...this.mint(r.userId, r.scope, { clientId: r.clientId }) }];
		}
		return [400, { error: 'invalid_request', error_description: `Unsupported grant_type '${grant}'` }];
	}
}

/**
 * Whether the caller holds a scope the method accepts. `basic` methods are always
 * allowed. The catalog's `scopes` lists alternatives (user.get works with user,
 * user_brief or user_basic), so any one of them is enough.
 */
export function scopeAllowed(caller: Caller, scope: string, extra?: string[]): boolean {
	if (!caller.scopes) return true;
	const accepted = [scope, ...(extra || [])].filter(Boolean);
	if (accepted.includes('basic')) return true;
	return accepted.some((s) => caller.scopes!.includes(s));
}
