/** A running emulator plus ready credentials of all three types, and a way to run the node against it. */
import type { IBinaryKeyData, IDataObject, INodeExecutionData, INodeParameters } from 'n8n-workflow';

import { resetLimiters } from '../../nodes/Bitrix24/transport/limiter';
import { startEmulator } from '../emulator';
import type { EmulatorOptions } from '../emulator/types';
import { MemoryCredentials, runNode } from './harness';

export type Auth = 'webhook' | 'oAuth2' | 'apiKey';

export const CREDENTIAL_TYPE: Record<Auth, string> = {
	webhook: 'bitrix24WebhookApi',
	oAuth2: 'bitrix24OAuth2Api',
	apiKey: 'bitrix24ApiKeyApi',
};

export type Emulator = Awaited<ReturnType<typeof startEmulator>>;

export interface RunOptions {
	auth?: Auth;
	items?: IDataObject[];
	/** Binary data of the input items, by index (e.g. a file to upload). */
	binary?: Array<IBinaryKeyData | undefined>;
	continueOnFail?: boolean;
	/** The saved node's version (default: the newest). */
	typeVersion?: number;
	/** n8n's execution ID (default: one shared ID, as a retry inside one execution). */
	executionId?: string;
	/** Another stored credential of the `auth` type (default: the one named after it). */
	credentialId?: string;
}

export interface Portal {
	emu: Emulator;
	credentials: MemoryCredentials;
	run(parameters: INodeParameters, options?: RunOptions): Promise<INodeExecutionData[]>;
	json(parameters: INodeParameters, options?: RunOptions): Promise<IDataObject[]>;
	stop(): Promise<void>;
}

export async function startPortal(options: EmulatorOptions = {}, plan: 'standard' | 'enterprise' | 'none' = 'none'): Promise<Portal> {
	resetLimiters();
	const emu = await startEmulator({ plan: 'none', ...options });
	const credentials = new MemoryCredentials();
	credentials.set('webhook', 'bitrix24WebhookApi', { webhookUrl: emu.webhookUrl, plan });
	credentials.set('apiKey', 'bitrix24ApiKeyApi', {
		portalUrl: emu.url,
		userId: String(emu.webhook.userId),
		apiKey: emu.webhook.code,
		sendKeyAs: 'webhookPath',
		plan,
	});
	const tokens = await emu.issueTokens();
	credentials.set('oAuth2', 'bitrix24OAuth2Api', {
		portalUrl: emu.url,
		clientId: emu.oauth.clientId,
		clientSecret: emu.oauth.clientSecret,
		accessTokenUrl: emu.oauth.tokenUrl,
		oauthTokenData: tokens as unknown as IDataObject,
		plan,
	});
	const run: Portal['run'] = async (parameters, runOptions = {}) => {
		const auth = runOptions.auth ?? 'webhook';
		return await runNode({
			credentials,
			credentialId: runOptions.credentialId ?? auth,
			credentialType: CREDENTIAL_TYPE[auth],
			parameters,
			items: (runOptions.items ?? [{}]).map((json, i) => (runOptions.binary?.[i] ? { json, binary: runOptions.binary[i] } : { json })),
			continueOnFail: runOptions.continueOnFail,
			typeVersion: runOptions.typeVersion,
			executionId: runOptions.executionId,
		});
	};
	return {
		emu,
		credentials,
		run,
		json: async (parameters, runOptions) => (await run(parameters, runOptions)).map((item) => item.json),
		stop: async () => await emu.stop(),
	};
}

/** What `run` made the node send: its HTTP calls and the batch sub-commands inside them, from the emulator's log. */
export async function measure<T>(portal: Portal, run: () => Promise<T>) {
	const from = Math.max(0, ...portal.emu.log.map((entry) => entry.seq));
	const output = await run();
	const entries = portal.emu.log.filter((entry) => entry.seq > from);
	return { output, http: entries.filter((entry) => entry.parent === undefined), commands: entries.filter((entry) => entry.parent !== undefined) };
}
