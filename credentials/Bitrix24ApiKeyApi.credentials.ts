import type {
	ICredentialDataDecryptedObject,
	ICredentialTestRequest,
	ICredentialType,
	IHttpRequestOptions,
	Icon,
	INodeProperties,
} from 'n8n-workflow';

import { signWithApiKey } from './signing';
import { limitProperties } from './shared';

export class Bitrix24ApiKeyApi implements ICredentialType {
	name = 'bitrix24ApiKeyApi';

	displayName = 'Bitrix24 API Key API';

	icon: Icon = 'file:bitrix24.svg';

	documentationUrl = 'https://apidocs.bitrix24.com/settings/how-to-call-rest-api/authorization.html';

	properties: INodeProperties[] = [
		{
			displayName: 'Portal URL',
			name: 'portalUrl',
			type: 'string',
			default: '',
			required: true,
			placeholder: 'https://your-company.bitrix24.com',
		},
		{
			displayName: 'User ID',
			name: 'userId',
			type: 'string',
			default: '1',
			description: 'ID of the Bitrix24 user who owns the key (the number after /rest/ in a webhook URL)',
		},
		{
			displayName: 'API Key',
			name: 'apiKey',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description:
				'The secret: the code of an inbound webhook (the part after the user ID), or the key your self-hosted portal or gateway expects. Can come from an external secret store.',
		},
		{
			displayName: 'Send Key As',
			name: 'sendKeyAs',
			type: 'options',
			options: [
				{
					name: 'Webhook Path (Standard Bitrix24)',
					value: 'webhookPath',
					description: 'https://portal/rest/USER_ID/KEY/method',
				},
				{
					name: 'Query Parameter',
					value: 'queryParameter',
					description: 'For self-hosted portals with a custom REST auth provider',
				},
				{ name: 'HTTP Header', value: 'header', description: 'For portals behind a gateway' },
			],
			default: 'webhookPath',
		},
		{
			displayName: 'Parameter Name',
			name: 'parameterName',
			type: 'string',
			default: 'auth',
			displayOptions: { show: { sendKeyAs: ['queryParameter'] } },
		},
		{
			displayName: 'Header Name',
			name: 'headerName',
			type: 'string',
			default: 'X-Api-Key',
			displayOptions: { show: { sendKeyAs: ['header'] } },
		},
		...limitProperties,
	];

	async authenticate(
		credentials: ICredentialDataDecryptedObject,
		requestOptions: IHttpRequestOptions,
	): Promise<IHttpRequestOptions> {
		return signWithApiKey(requestOptions, credentials);
	}

	test: ICredentialTestRequest = {
		request: {
			baseURL: '={{$credentials.portalUrl}}',
			url: '/rest/profile.json',
		},
	};
}
