import type { IDataObject } from 'n8n-workflow';

import { parseJson } from '../../params';
import type { OperationSpec, ParamSpec, ResourceSpec } from '../../types';
import { crud } from '../crud';
import { act, bool, changed, json, num, str, yn } from '../shared';

const chatId = str('CHAT_ID', 'Chat ID', { required: true, description: 'ID of the Open Lines chat (dialog)' });
const configId = num('CONFIG_ID', 'Open Line ID', { required: true, default: 0, dropdown: 'getOpenLines' });
const clientId = str('CLIENT_ID', 'Client ID', { description: 'With a webhook: the CLIENT_ID the bot was registered with' });



export const openLineBot: ResourceSpec = {
	value: 'openLineBot',
	name: 'Open Line Bot',
	group: 'Open Lines',
	description: 'What a chat bot does inside an Open Lines dialog',
	operations: [
		act('sendMessage', 'Send Message', 'Send an automatic message as the bot', 'imopenlines.bot.session.message.send', [chatId], {
			optional: [
				{
					name: 'NAME',
					label: 'Message Type',
					type: 'options',
					default: 'DEFAULT',
					options: [
						{ name: 'Text', value: 'DEFAULT', description: 'Send the Text below' },
						{ name: 'Welcome Message', value: 'WELCOME', description: "The line's greeting; Text is ignored" },
					],
				},
				str('MESSAGE', 'Text'),
			],
			output: changed('CHAT_ID'),
		}),
		act('switchToOperator', 'Switch to Operator', 'Hand the dialog to a free operator', 'imopenlines.bot.session.operator', [chatId], { output: changed('CHAT_ID') }),
		act('transfer', 'Transfer', 'Transfer the dialog to a user or line', 'imopenlines.bot.session.transfer', [
			chatId,
			str('TRANSFER_ID', 'Transfer To', { required: true, placeholder: 'e.g. 12 or queue3', description: 'A user ID, or queue<ID> for another open line' }),
		], {
			optional: [yn('LEAVE', 'Bot Leaves', 'Whether the bot leaves the chat right after the transfer'), clientId],
			output: changed('CHAT_ID'),
		}),
		act('finish', 'Finish', 'Finish the dialog as the bot', 'imopenlines.bot.session.finish', [chatId], { optional: [clientId], output: changed('CHAT_ID') }),
	],
};

/** Settings JSON merged into PARAMS after the named inputs, so neither overwrites the other. */
const lineSettings: NonNullable<OperationSpec['extra']>[number] = {
	property: {
		displayName: 'Settings (JSON)',
		name: 'settings',
		type: 'json',
		default: '{}',
		description: 'Open line settings as in imopenlines.config.add PARAMS, e.g. {"QUEUE": [1], "CRM": "Y"}',
	},
	apply: (value, params, ctx, itemIndex) => {
		const settings = parseJson(ctx, value, 'Settings (JSON)', itemIndex, 'object') as IDataObject;
		if (Object.keys(settings).length || params.PARAMS) params.PARAMS = { ...settings, ...((params.PARAMS as IDataObject) ?? {}) };
	},
};

export const openLineConfig = crud({
	value: 'openLineConfig',
	name: 'Open Line',
	group: 'Open Lines',
	description: 'Open line settings',
	prefix: 'imopenlines.config',
	noun: 'open line',
	key: [configId],
	create: [str('LINE_NAME', 'Name', { to: 'PARAMS.LINE_NAME' })],
	updateFirst: [str('LINE_NAME', 'Name', { to: 'PARAMS.LINE_NAME' }), yn('ACTIVE', 'Active', 'Whether the line is active', { to: 'PARAMS.ACTIVE' })],
	override: {
		create: { extra: [lineSettings] },
		get: {
			optional: [yn('WITH_QUEUE', 'With Queue', 'Whether to return the operator queue'), yn('SHOW_OFFLINE', 'Show Offline Operators', 'Whether the queue includes offline operators')],
			optionalName: 'options',
		},
		getMany: {
			v1Value: 'getAll',
			method: 'imopenlines.config.list.get',
			optional: [json('PARAMS', 'Query (JSON)', { description: 'select, order and filter, e.g. {"filter": {"ACTIVE": "Y"}}' })],
			optionalName: 'options',
			paging: { mode: 'all' },
		},
		update: { extra: [lineSettings], output: changed('CONFIG_ID', 'updated') },
		delete: { output: changed('CONFIG_ID', 'deleted') },
	},
	more: [
		{ value: 'getPath', name: 'Get Public Path', action: 'Get the public address of open lines', method: 'imopenlines.config.path.get', kind: 'get' },
		{
			value: 'joinNetwork',
			name: 'Join Network Line',
			action: 'Connect a Bitrix24 Network open line',
			method: 'imopenlines.network.join',
			kind: 'create',
			params: [str('CODE', 'Line Code', { required: true, description: 'The 32-character code of the public open line' })],
			output: (result) => ({ botId: result as number }),
		},
	],
});

const crmEntity: ParamSpec[] = [
	{
		name: 'CRM_ENTITY_TYPE',
		label: 'CRM Entity Type',
		type: 'options',
		default: 'deal',
		options: [
			{ name: 'Company', value: 'company' },
			{ name: 'Contact', value: 'contact' },
			{ name: 'Deal', value: 'deal' },
			{ name: 'Lead', value: 'lead' },
		],
	},
	num('CRM_ENTITY', 'CRM Entity ID', { required: true, default: 0 }),
];

const crmUser = (value: string, name: string, action: string, method: string): OperationSpec =>
	act(value, name, action, method, [...crmEntity, str('USER_ID', 'User ID', { required: true, locator: 'user' })], {
		optional: [num('CHAT_ID', 'Chat ID', { description: "The CRM record's latest chat when empty" })],
		output: (result, request) => ({ chatId: result as number, userId: (request as IDataObject).USER_ID as number }),
	});

export const openLineCrmChat: ResourceSpec = {
	value: 'openLineCrmChat',
	name: 'Open Line CRM Chat',
	group: 'Open Lines',
	description: 'Open Lines chats linked to CRM records',
	operations: [
		{
			value: 'get',
			name: 'Get Many',
			action: 'Get the chats of a CRM record',
			method: 'imopenlines.crm.chat.get',
			kind: 'get',
			params: crmEntity,
			optional: [yn('ACTIVE_ONLY', 'Active Only', 'Whether to return only active chats', { default: true })],
			optionalName: 'options',
		},
		{
			value: 'getLastId',
			name: 'Get Last Chat ID',
			action: 'Get the latest chat ID of a CRM record',
			method: 'imopenlines.crm.chat.getLastId',
			kind: 'get',
			params: crmEntity,
			output: (result) => ({ chatId: result as number }),
		},
		crmUser('addUser', 'Add User', 'Add a user to a CRM record chat', 'imopenlines.crm.chat.user.add'),
		crmUser('removeUser', 'Remove User', 'Remove a user from a CRM record chat', 'imopenlines.crm.chat.user.delete'),
	],
};

export const openLineMessage: ResourceSpec = {
	value: 'openLineMessage',
	name: 'Open Line Message',
	group: 'Open Lines',
	operations: [
		{
			value: 'sendToCrmChat',
			name: 'Send to CRM Chat',
			action: 'Send a message to a CRM record chat',
			method: 'imopenlines.crm.message.add',
			kind: 'create',
			params: [...crmEntity, str('USER_ID', 'Sender User ID', { required: true, locator: 'user' }), chatId, str('MESSAGE', 'Text', { required: true })],
		},
		act('saveQuickAnswer', 'Save as Quick Answer', 'Save a message as a quick answer', 'imopenlines.message.quick.save', [chatId, str('MESSAGE_ID', 'Message ID', { required: true })], {
			output: changed('MESSAGE_ID'),
		}),
		act('sendToNetwork', 'Send to Network Line User', 'Send a message from a Network open line', 'imopenlines.network.message.add', [
			str('CODE', 'Line Code', { required: true, description: 'The 32-character code of the open line' }),
			str('USER_ID', 'Recipient User ID', { required: true, locator: 'user' }),
			str('MESSAGE', 'Text', { required: true }),
		], {
			optional: [
				json('ATTACH', 'Attachment (JSON)', { shape: 'any' }),
				json('KEYBOARD', 'Keyboard (JSON)', { shape: 'any' }),
				yn('URL_PREVIEW', 'Link Preview', 'Whether to show link previews'),
			],
			output: changed('USER_ID'),
		}),
	],
};

/** imconnector.*: a custom channel of an application; Bitrix24 allows these only with OAuth2. */
const connectorCode = str('CONNECTOR', 'Connector ID', { required: true, placeholder: 'e.g. myconnector' });
const line = num('LINE', 'Open Line ID', { required: true, default: 0, dropdown: 'getOpenLines' });
const messages = (description: string) => json('MESSAGES', 'Messages (JSON)', { required: true, shape: 'array', description });
const connectorCall = (value: string, name: string, action: string, method: string, params: ParamSpec[], extra: Partial<OperationSpec> = {}): OperationSpec =>
	act(value, name, action, method, params, { appOnly: true, ...extra });
const flags: ParamSpec[] = [
	['DEL_EXTERNAL_MESSAGES', 'Delete Incoming Messages', 'Whether incoming messages can be deleted'],
	['EDIT_INTERNAL_MESSAGES', 'Edit Operator Messages', 'Whether operator messages can be edited'],
	['DEL_INTERNAL_MESSAGES', 'Delete Operator Messages', 'Whether operator messages can be deleted'],
	['NEWSLETTER', 'Newsletters', 'Whether CRM newsletters can use the channel'],
	['NEED_SYSTEM_MESSAGES', 'System Messages', 'Whether system messages go to the channel'],
	['NEED_SIGNATURE', 'Operator Signature', "Whether messages carry the operator's signature"],
	['CHAT_GROUP', 'Group Chats', 'Whether chats are grouped by chat.id (group chats) instead of user.id'],
].map(([name, label, description]) => bool(name, label, description));

export const connector: ResourceSpec = {
	value: 'connector',
	name: 'Open Line Connector',
	group: 'Open Lines',
	description: "An application's own messaging channel (OAuth2 only)",
	operations: [
		connectorCall('register', 'Register', 'Register a connector', 'imconnector.register', [
			str('ID', 'Connector ID', { required: true, description: 'Unique code; Bitrix24 lowercases it' }),
			str('NAME', 'Name', { required: true }),
			json('ICON', 'Icon (JSON)', { required: true, description: 'e.g. {"DATA_IMAGE": "data:image/svg+xml;charset=US-ASCII,...", "COLOR": "#a6ffa3"}' }),
			str('PLACEMENT_HANDLER', 'Settings Page URL', { required: true, description: 'Your page Bitrix24 opens to configure the connector' }),
		], {
			kind: 'create',
			optional: [json('ICON_DISABLED', 'Inactive Icon (JSON)'), ...flags],
			output: (result, request) => ({ id: (request as IDataObject).ID as string, registered: (result as IDataObject)?.result === true || result === true }),
		}),
		connectorCall('unregister', 'Unregister', 'Unregister a connector', 'imconnector.unregister', [str('ID', 'Connector ID', { required: true })], {
			kind: 'delete',
			output: (result, request) => ({ id: (request as IDataObject).ID as string, deleted: (result as IDataObject)?.result === true || result === true }),
		}),
		connectorCall('activate', 'Activate', 'Turn a connector on for an open line', 'imconnector.activate', [connectorCode, line], { fixed: { ACTIVE: 1 }, output: changed('CONNECTOR') }),
		connectorCall('deactivate', 'Deactivate', 'Turn a connector off for an open line', 'imconnector.activate', [connectorCode, line], { fixed: { ACTIVE: 0 }, output: changed('CONNECTOR') }),
		connectorCall('getStatus', 'Get Status', 'Get the status of a connector', 'imconnector.status', [connectorCode], {
			kind: 'get',
			optional: [num('LINE', 'Open Line ID', { dropdown: 'getOpenLines' })],
			optionalName: 'options',
		}),
		connectorCall('getMany', 'Get Many', 'Get the available connectors', 'imconnector.list', [], {
			v1Value: 'getAll',
			kind: 'get',
			// {code: name}: one item per connector
			output: (result) => Object.entries((result ?? {}) as IDataObject).map(([id, name]) => ({ id, name })),
		}),
		connectorCall('setData', 'Set Channel Data', "Save the channel's external settings", 'imconnector.connector.data.set', [
			connectorCode,
			line,
			json('DATA', 'Data (JSON)', { required: true, description: 'e.g. {"id": "channel-1", "url": "https://example.com", "name": "My channel"}' }),
		], { output: changed('CONNECTOR') }),
		connectorCall('sendMessages', 'Send Messages', 'Pass incoming messages to Bitrix24', 'imconnector.send.messages', [connectorCode, line, messages('Array of {user, message, chat} objects')]),
		connectorCall('updateMessages', 'Update Messages', 'Pass edited incoming messages', 'imconnector.update.messages', [connectorCode, line, messages('Array of {user, message, chat} objects')]),
		connectorCall('deleteMessages', 'Delete Messages', 'Pass deleted incoming messages', 'imconnector.delete.messages', [connectorCode, line, messages('Array of {user, message, chat} objects')]),
		connectorCall('setDelivered', 'Set Delivered', 'Report operator messages as delivered', 'imconnector.send.status.delivery', [connectorCode, line, messages('Array of {im, message, chat} objects')]),
		connectorCall('setRead', 'Set Read', 'Report operator messages as read', 'imconnector.send.status.reading', [connectorCode, line, messages('Array of {im, message, chat} objects')]),
		connectorCall('setChatName', 'Set Chat Name', 'Rename a chat of the connector', 'imconnector.chat.name.set', [
			connectorCode,
			line,
			str('CHAT_ID', 'External Chat ID', { required: true, description: 'The chat ID in the external system' }),
			str('NAME', 'Name', { required: true }),
		], { optional: [num('USER_ID', 'External User ID')] }),
	],
};

export const moreOpenLinesResources: ResourceSpec[] = [openLineBot, openLineConfig, openLineCrmChat, openLineMessage, connector];
