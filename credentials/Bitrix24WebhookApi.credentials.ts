import type {
	ICredentialDataDecryptedObject,
	ICredentialTestRequest,
	ICredentialType,
	IHttpRequestOptions,
	Icon,
	INodeProperties,
} from 'n8n-workflow';

import { parseWebhookUrl, signWithWebhookPath } from './signing';
import { limitProperties } from './shared';

export class Bitrix24WebhookApi implements ICredentialType {
	name = 'bitrix24WebhookApi';

	displayName = 'Bitrix24 Webhook API';

	icon: Icon = 'file:bitrix24.svg';

	documentationUrl = 'https://apidocs.bitrix24.com/local-integrations/local-webhooks.html';

	properties: INodeProperties[] = [
		{
			displayName: 'Webhook URL',
			name: 'webhookUrl',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			placeholder: 'https://your-company.bitrix24.com/rest/1/abc123xyz/',
			description:
				'The inbound webhook URL from Bitrix24 (Developer resources → Other → Inbound webhook). It holds a secret code: treat it like a password.',
		},
		...limitProperties,
	];

	async authenticate(
		credentials: ICredentialDataDecryptedObject,
		requestOptions: IHttpRequestOptions,
	): Promise<IHttpRequestOptions> {
		return signWithWebhookPath(requestOptions, parseWebhookUrl(credentials.webhookUrl as string));
	}

	test: ICredentialTestRequest = {
		request: {
			baseURL: '={{$credentials.webhookUrl}}',
			url: 'profile.json',
		},
	};
}
