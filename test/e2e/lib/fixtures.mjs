// Workflow fixtures are JSON files in test/e2e/workflows with __PLACEHOLDER__ tokens; credentials
// are built from the running emulator (or a real portal, for `npm start`).
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const WORKFLOW_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'workflows');

/** n8n ids: at most 16 characters. */
export function makeId(prefix) {
	const id = prefix.replace(/[^A-Za-z0-9]/g, '');
	if (id.length > 16) throw new Error(`id "${id}" is longer than 16 characters`);
	return id.padEnd(16, '0');
}

/** Reads a fixture and fills its placeholders. Unfilled placeholders are an error. */
export function workflowFromFixture(name, vars) {
	let text = fs.readFileSync(path.join(WORKFLOW_DIR, `${name}.json`), 'utf8');
	for (const [key, value] of Object.entries(vars)) text = text.split(`__${key}__`).join(String(value));
	const left = text.match(/__[A-Z0-9_]+__/);
	if (left) throw new Error(`fixture ${name}: placeholder ${left[0]} was not filled`);
	return JSON.parse(text);
}

export function writeWorkflows(dir, workflows) {
	fs.mkdirSync(dir, { recursive: true });
	for (const wf of workflows) fs.writeFileSync(path.join(dir, `${wf.id}.json`), JSON.stringify(wf, null, 2));
}

export const CRED = {
	webhook: { type: 'bitrix24WebhookApi', auth: 'webhook' },
	oAuth2: { type: 'bitrix24OAuth2Api', auth: 'oAuth2' },
	apiKey: { type: 'bitrix24ApiKeyApi', auth: 'apiKey' },
};

export function webhookCredential(id, name, webhookUrl, plan = 'none') {
	return { id, name, type: CRED.webhook.type, data: { webhookUrl, plan, maxWaitSeconds: 120 } };
}

export function oauthCredential(id, name, { portalUrl, clientId, clientSecret, tokenUrl, tokens }, plan = 'none') {
	return {
		id,
		name,
		type: CRED.oAuth2.type,
		data: {
			portalUrl,
			clientId,
			clientSecret,
			accessTokenUrl: tokenUrl,
			grantType: 'authorizationCode',
			authentication: 'body',
			scope: '',
			authQueryParameters: '',
			plan,
			maxWaitSeconds: 120,
			...(tokens ? { oauthTokenData: tokens } : {}),
		},
	};
}

export function apiKeyCredential(id, name, { portalUrl, userId = '1', apiKey, sendKeyAs = 'header', headerName = 'X-Api-Key', parameterName = 'auth' }, plan = 'none') {
	return {
		id,
		name,
		type: CRED.apiKey.type,
		data: { portalUrl, userId: String(userId), apiKey, sendKeyAs, headerName, parameterName, plan, maxWaitSeconds: 120 },
	};
}

export function randomKey(bytes = 16) {
	return crypto.randomBytes(bytes).toString('hex');
}
