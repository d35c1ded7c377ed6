import type { IDataObject } from 'n8n-workflow';

import type { OperationSpec } from '../../types';
import { crud } from '../crud';
import { str } from '../shared';
import { listOf } from './output';

/** messageservice.* registers the application as an SMS provider; application (OAuth2) auth only. */
const app = (op: OperationSpec): OperationSpec => ({ ...op, appOnly: true });

const code = str('CODE', 'Provider Code', { required: true, placeholder: 'e.g. my_sms', description: 'The provider code (a-z, A-Z, 0-9, ., -, _)' });
const handler = str('HANDLER', 'Handler URL', { placeholder: 'e.g. https://example.com/webhook/sms', description: 'The URL Bitrix24 posts each outgoing message to' });
const description = str('DESCRIPTION', 'Description');

const withCode = (flag: string) => (result: unknown, request: IDataObject | unknown[]) => ({ CODE: (request as IDataObject).CODE as string, [flag]: result !== false });

export const smsProvider = crud({
	value: 'smsProvider',
	name: 'SMS Provider',
	group: 'System',
	description: 'Send SMS from Bitrix24 through your own service',
	prefix: 'messageservice.sender',
	noun: 'SMS provider',
	article: 'an',
	key: [code],
	create: [code, str('NAME', 'Name', { required: true }), { ...handler, required: true }],
	fields: [description],
	updateFirst: [str('NAME', 'Name'), handler],
	every: { appOnly: true },
	verbs: ['create', 'getMany', 'update', 'delete'],
	override: {
		// the only type the docs support
		create: { action: 'Register an SMS provider', fixed: { TYPE: 'SMS' }, output: withCode('created') },
		getMany: { action: "Get the application's SMS providers", kind: 'get', output: listOf('CODE') },
		update: { output: withCode('updated') },
		delete: { output: withCode('deleted') },
	},
	more: [
		app({
			value: 'updateMessageStatus',
			name: 'Update Message Status',
			action: 'Report the delivery status of a message',
			method: 'messageservice.message.status.update',
			kind: 'action',
			params: [
				code,
				str('MESSAGE_ID', 'Message ID', { required: true, description: 'The message ID your handler received with the message' }),
				{
					name: 'STATUS',
					label: 'Status',
					type: 'options',
					required: true,
					options: [
						{ name: 'Queued', value: 'queued' },
						{ name: 'Sent', value: 'sent' },
						{ name: 'Delivered', value: 'delivered' },
						{ name: 'Undelivered', value: 'undelivered' },
						{ name: 'Failed', value: 'failed' },
					],
					default: 'delivered',
				},
			],
			output: (result, request) => ({ ...(request as IDataObject), updated: result !== false }),
		}),
	],
});
