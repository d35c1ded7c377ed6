import type {
	ICredentialDataDecryptedObject,
	IExecuteFunctions,
	IHookFunctions,
	ILoadOptionsFunctions,
	INodeCredentialDescription,
	INodeProperties,
	IPollFunctions,
	IWebhookFunctions,
} from 'n8n-workflow';

import type { Plan } from '../../../credentials/signing';
import { normalizePortal, parseWebhookUrl } from '../../../credentials/signing';

export type B24Context = IExecuteFunctions | ILoadOptionsFunctions | IPollFunctions | IHookFunctions | IWebhookFunctions;

export type AuthKind = 'oAuth2' | 'webhook' | 'apiKey';

export const CREDENTIAL_TYPES: Record<AuthKind, string> = {
	webhook: 'bitrix24WebhookApi',
	oAuth2: 'bitrix24OAuth2Api',
	apiKey: 'bitrix24ApiKeyApi',
};

export interface Connection {
	auth: AuthKind;
	credentialType: string;
	/** The unsigned REST base, ending in /rest/; the credential adds the secret. */
	restBase: string;
	/** One limiter per portal host, shared by every credential that talks to it. */
	portalKey: string;
	plan: Plan;
	/** n8n processes sharing the portal's bucket (queue-mode workers); each keeps to its share */
	processes: number;
	maxWaitSeconds: number;
	secrets: string[];
	accessToken?: string;
	/** An API key sent as a query parameter: REST 3.0 reads no query string, so it cannot reach `/rest/api/`. */
	keyInQuery?: boolean;
}

export function authKindOf(ctx: B24Context): AuthKind {
	const value = ctx.getNode().parameters.authentication;
	return value === 'oAuth2' || value === 'apiKey' ? value : 'webhook';
}

function restBaseFor(auth: AuthKind, credentials: ICredentialDataDecryptedObject): string {
	if (auth === 'webhook') return `${parseWebhookUrl(credentials.webhookUrl as string).portal}/rest/`;
	if (auth === 'oAuth2') {
		const token = (credentials.oauthTokenData ?? {}) as { client_endpoint?: string };
		if (token.client_endpoint) return token.client_endpoint.replace(/\/?$/, '/');
	}
	return `${normalizePortal(credentials.portalUrl as string)}/rest/`;
}

export function connectionFrom(auth: AuthKind, credentials: ICredentialDataDecryptedObject): Connection {
	const restBase = restBaseFor(auth, credentials);
	const token = (credentials.oauthTokenData ?? {}) as { access_token?: string; refresh_token?: string };
	const secrets =
		auth === 'webhook'
			? [parseWebhookUrl(credentials.webhookUrl as string).code]
			: auth === 'apiKey'
				? [String(credentials.apiKey ?? '')]
				: [token.access_token ?? '', token.refresh_token ?? '', String(credentials.clientSecret ?? '')];
	return {
		auth,
		credentialType: CREDENTIAL_TYPES[auth],
		restBase,
		portalKey: new URL(restBase).host,
		plan: (credentials.plan as Plan) ?? 'standard',
		processes: Math.max(1, Math.floor(Number(credentials.sharingProcesses ?? 1)) || 1),
		maxWaitSeconds: Number(credentials.maxWaitSeconds ?? 600),
		// a key that ends up percent-encoded in a URL is a secret in that form too
		secrets: auth === 'apiKey' ? [...new Set([...secrets, encodeURIComponent(secrets[0])])] : secrets,
		accessToken: token.access_token,
		keyInQuery: auth === 'apiKey' && credentials.sendKeyAs === 'queryParameter',
	};
}

export async function getConnection(ctx: B24Context): Promise<Connection> {
	const auth = authKindOf(ctx);
	const credentials = await ctx.getCredentials(CREDENTIAL_TYPES[auth]);
	return connectionFrom(auth, credentials);
}

/** The credential list and the Authentication parameter every Bitrix24 node shares. */
export const credentialsDescription: INodeCredentialDescription[] = (Object.keys(CREDENTIAL_TYPES) as AuthKind[]).map((auth) => ({
	name: CREDENTIAL_TYPES[auth],
	required: true,
	displayOptions: { show: { authentication: [auth] } },
}));

export const authenticationProperty: INodeProperties = {
	displayName: 'Authentication',
	name: 'authentication',
	type: 'options',
	options: [
		{ name: 'Webhook', value: 'webhook' },
		{ name: 'OAuth2', value: 'oAuth2' },
		{ name: 'API Key', value: 'apiKey' },
	],
	default: 'webhook',
};
