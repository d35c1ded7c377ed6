import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import type { OperationSpec, ParamSpec, ResourceSpec } from '../../types';
import { bool, json, list, num, str } from '../shared';

/**
 * imbot.v2.*: camelCase parameters. With a webhook every call must carry the bot's token (set at
 * registration); with OAuth2 the bot belongs to the application and the token is not needed.
 */
const botId = num('botId', 'Bot ID', { required: true, default: 0 });
const botToken = str('botToken', 'Bot Token', {
	password: true,
	description: 'The token given at registration; required with a webhook credential, not needed with OAuth2',
});
const dialogId = str('dialogId', 'Dialog ID', { required: true, placeholder: 'e.g. chat5 or 12', description: 'chat<ID> for a group chat or a user ID for a private dialog', locator: 'dialog' });
const messageId = num('messageId', 'Message ID', { required: true, default: 0 });
const commandId = num('commandId', 'Command ID', { required: true, default: 0 });
const userIds = list('userIds', 'User IDs', { required: true, description: 'Comma-separated user IDs' });
const userId = str('userId', 'User ID', { required: true });
const flag = (name: string, label: string, description: string, to = `fields.${name}`): ParamSpec => bool(name, label, description, { to });

/** Most imbot.v2 changes answer `{result: true}`: report which record changed. */
const done = (key: string, state: 'success' | 'deleted' | 'updated' = 'success') => (result: unknown, request: IDataObject | unknown[]) => ({
	id: (request as IDataObject)[key] as string,
	[state]: (result as IDataObject)?.result === true,
});

const op = (value: string, name: string, action: string, method: string, kind: OperationSpec['kind'], params: ParamSpec[], extra: Partial<OperationSpec> = {}): OperationSpec => ({
	value,
	name,
	action,
	method: `imbot.v2.${method}`,
	kind,
	params: [botId, botToken, ...params],
	...extra,
});

const messageFields: ParamSpec[] = [
	json('attach', 'Attachment (JSON)', { to: 'fields.attach', shape: 'array', description: 'Attachment blocks as a JSON array' }),
	json('keyboard', 'Keyboard (JSON)', { to: 'fields.keyboard', shape: 'array', description: 'Buttons as a JSON array' }),
	flag('system', 'System Message', 'Whether to send it as a system message'),
	flag('urlPreview', 'Link Preview', 'Whether to show link previews', 'fields.urlPreview'),
	num('replyId', 'Reply To Message ID', { to: 'fields.replyId' }),
];

const profile: ParamSpec[] = [
	str('lastName', 'Last Name', { to: 'fields.properties.lastName' }),
	str('workPosition', 'Position', { to: 'fields.properties.workPosition' }),
	str('color', 'Color', { to: 'fields.properties.color', placeholder: 'e.g. GREEN' }),
	{ name: 'gender', label: 'Gender', type: 'options', to: 'fields.properties.gender', default: 'M', options: [{ name: 'Male', value: 'M' }, { name: 'Female', value: 'F' }] },
	{
		name: 'eventMode',
		label: 'Event Mode',
		type: 'options',
		to: 'fields.eventMode',
		default: 'fetch',
		description: 'Fetch: poll events with Bot Event → Get; Webhook: Bitrix24 posts them to the Webhook URL',
		options: [{ name: 'Fetch', value: 'fetch' }, { name: 'Webhook', value: 'webhook' }],
	},
	str('webhookUrl', 'Webhook URL', { to: 'fields.webhookUrl' }),
	flag('isHidden', 'Hidden', 'Whether the bot is hidden'),
	flag('isReactionsEnabled', 'Reactions Enabled', 'Whether the bot receives reactions'),
	flag('isSupportOpenline', 'Supports Open Lines', 'Whether the bot can work in Open Lines'),
];

const botType: ParamSpec = {
	name: 'type',
	label: 'Type',
	type: 'options',
	to: 'fields.type',
	default: 'bot',
	options: [
		{ name: 'Bot', value: 'bot', description: 'Answers mentions and private messages' },
		{ name: 'Supervisor', value: 'supervisor', description: 'Sees every message in its chats' },
		{ name: 'Personal Assistant', value: 'personal', description: 'Sees every message; limited in search' },
		{ name: 'Open Lines', value: 'openline', description: 'Works in Open Lines' },
	],
};

export const bot: ResourceSpec = {
	value: 'bot',
	name: 'Bot',
	group: 'Chat Bots',
	description: 'Chat bots (imbot.v2)',
	operations: [
		{
			value: 'register',
			name: 'Register',
			action: 'Register a bot',
			method: 'imbot.v2.Bot.register',
			kind: 'create',
			params: [
				str('code', 'Code', { required: true, to: 'fields.code', description: 'Unique code of the bot within the application' }),
				str('name', 'Name', { required: true, to: 'fields.properties.name' }),
				str('botToken', 'Bot Token', {
					password: true,
					to: 'fields.botToken',
					description: 'A secret of up to 40 characters you choose; required with a webhook, and every later bot call must pass it',
				}),
			],
			optional: [botType, ...profile],
			unwrap: 'bot',
		},
		op('get', 'Get', 'Get a bot', 'Bot.get', 'get', [], { unwrap: 'bot' }),
		{
			value: 'getMany', v1Value: 'getAll',
			name: 'Get Many',
			action: 'Get many bots',
			method: 'imbot.v2.Bot.list',
			kind: 'getMany',
			params: [botToken],
			optional: [json('filter', 'Filter (JSON)', { description: 'e.g. {"type": "supervisor"}' })],
			optionalName: 'options',
			paging: { mode: 'offset', pageSize: 50, offsetKey: 'offset', limitKey: 'limit', itemsPath: 'bots' },
		},
		// the type is fixed at registration: Bot.update documents no `type` field
		op('update', 'Update', 'Update a bot', 'Bot.update', 'update', [], {
			optional: [
				str('name', 'Name', { to: 'fields.properties.name' }),
				str('newBotToken', 'New Bot Token', { to: 'fields.botToken', description: 'Replaces the token; this call still passes the old one in Bot Token' }),
				...profile,
			],
			optionalName: 'updateFields',
			fixed: { fields: {} },
			unwrap: 'bot',
		}),
		op('unregister', 'Unregister', 'Unregister a bot', 'Bot.unregister', 'delete', [], { output: done('botId', 'deleted') }),
	],
};

export const botMessage: ResourceSpec = {
	value: 'botMessage',
	name: 'Bot Message',
	group: 'Chat Bots',
	description: 'Messages sent as a bot',
	operations: [
		op('send', 'Send', 'Send a message as a bot', 'Chat.Message.send', 'create', [dialogId, str('message', 'Text', { required: true, to: 'fields.message' })], {
			optional: messageFields,
		}),
		op('get', 'Get', 'Get a message', 'Chat.Message.get', 'get', [messageId], { unwrap: 'message' }),
		op('update', 'Update', 'Update a bot message', 'Chat.Message.update', 'update', [messageId], {
			optional: [str('message', 'Text', { to: 'fields.message' }), ...messageFields.slice(0, 2), messageFields[3]],
			optionalName: 'updateFields',
			fixed: { fields: {} },
			output: done('messageId', 'updated'),
		}),
		op('delete', 'Delete', 'Delete a bot message', 'Chat.Message.delete', 'delete', [messageId], {
			optional: [bool('complete', 'Delete Completely', 'Whether to remove it from the database instead of marking it deleted')],
			optionalName: 'options',
			output: done('messageId', 'deleted'),
		}),
		op('read', 'Mark as Read', 'Mark a dialog as read by the bot', 'Chat.Message.read', 'action', [dialogId], {
			optional: [num('messageId', 'Up to Message ID')],
			optionalName: 'options',
			// answers {chatId, lastId, counter, viewedMessages}, not {result: true}: passed on as it is
		}),
		op('addReaction', 'Add Reaction', 'Add a reaction to a message', 'Chat.Message.Reaction.add', 'action', [messageId, str('reaction', 'Reaction', { required: true, placeholder: 'e.g. like' })], {
			output: done('messageId'),
		}),
		op('removeReaction', 'Remove Reaction', 'Remove a reaction from a message', 'Chat.Message.Reaction.delete', 'action', [messageId, str('reaction', 'Reaction', { required: true, placeholder: 'e.g. like' })], {
			output: done('messageId'),
		}),
		op('typing', 'Show Typing', 'Show that the bot is typing', 'Chat.InputAction.notify', 'action', [dialogId], {
			optional: [num('duration', 'Duration (Seconds)', { description: 'From 1 to 600' }), str('statusMessageCode', 'Status Code', { description: 'Another status than "typing"' })],
			optionalName: 'options',
			output: done('dialogId'),
		}),
	],
};

export const botChat: ResourceSpec = {
	value: 'botChat',
	name: 'Bot Chat',
	group: 'Chat Bots',
	description: 'Chats managed by a bot',
	operations: [
		op('create', 'Create', 'Create a chat as a bot', 'Chat.add', 'create', [], {
			optional: [
				str('title', 'Title', { to: 'fields.title' }),
				str('description', 'Description', { to: 'fields.description' }),
				list('userIds', 'Member IDs', { to: 'fields.userIds' }),
				num('ownerId', 'Owner ID', { to: 'fields.ownerId' }),
				str('message', 'First Message', { to: 'fields.message' }),
				str('color', 'Color', { to: 'fields.color', placeholder: 'e.g. MINT' }),
			],
			unwrap: 'chat',
		}),
		op('get', 'Get', 'Get a chat as a bot', 'Chat.get', 'get', [dialogId], { unwrap: 'chat' }),
		op('addUsers', 'Add Members', 'Add members to a bot chat', 'Chat.User.add', 'action', [dialogId, userIds], { output: done('dialogId') }),
		op('removeUser', 'Remove Member', 'Remove a member from a bot chat', 'Chat.User.delete', 'action', [dialogId, userId], { output: done('dialogId') }),
		op('getUsers', 'Get Members', 'Get the members of a chat', 'Chat.User.list', 'get', [dialogId], {
			optional: [num('limit', 'Limit', { default: 50, description: 'From 1 to 200' })],
			optionalName: 'options',
		}),
		op('addManagers', 'Add Managers', 'Make members chat managers', 'Chat.Manager.add', 'action', [dialogId, userIds], { output: done('dialogId') }),
		op('removeManagers', 'Remove Managers', 'Take the manager role away', 'Chat.Manager.delete', 'action', [dialogId, userIds], { output: done('dialogId') }),
		op('setOwner', 'Set Owner', 'Make a member the bot chat owner', 'Chat.setOwner', 'action', [dialogId, userId], { output: done('dialogId') }),
		op('leave', 'Leave', 'Make the bot leave a chat', 'Chat.leave', 'action', [dialogId], { output: done('dialogId') }),
	],
};

const commandFields: ParamSpec[] = [
	str('title', 'Title', { to: 'fields.title' }),
	str('params', 'Parameters Hint', { to: 'fields.params', description: 'What to type after the command' }),
	flag('common', 'Common', 'Whether the command works in any chat, not only with the bot'),
	flag('hidden', 'Hidden', 'Whether the command is left out of the command list'),
	flag('extranetSupport', 'Extranet Support', 'Whether extranet users can use it'),
];

export const botCommand: ResourceSpec = {
	value: 'botCommand',
	name: 'Bot Command',
	group: 'Chat Bots',
	description: 'Slash commands of a bot',
	operations: [
		op('register', 'Register', 'Register a bot command', 'Command.register', 'create', [str('command', 'Command', { required: true, to: 'fields.command', placeholder: 'e.g. help' })], {
			optional: commandFields,
			unwrap: 'command',
		}),
		op('getMany', 'Get Many', 'Get the commands of a bot', 'Command.list', 'getMany', [], { unwrap: 'commands', v1Value: 'getAll' }),
		op('update', 'Update', 'Update a bot command', 'Command.update', 'update', [commandId], {
			optional: [str('command', 'Command', { to: 'fields.command' }), ...commandFields],
			optionalName: 'updateFields',
			fixed: { fields: {} },
			unwrap: 'command',
		}),
		op('unregister', 'Unregister', 'Unregister a bot command', 'Command.unregister', 'delete', [commandId], { output: done('commandId', 'deleted') }),
		op('answer', 'Answer', 'Answer a command', 'Command.answer', 'action', [commandId, messageId, dialogId, str('message', 'Text', { required: true, to: 'fields.message' })], {
			optional: messageFields.slice(0, 2),
			output: done('commandId'),
		}),
	],
};

export const botEvent: ResourceSpec = {
	value: 'botEvent',
	name: 'Bot Event',
	group: 'Chat Bots',
	description: 'Polling of bot events (fetch mode)',
	operations: [
		op('get', 'Get', 'Fetch new bot events', 'Event.get', 'getMany', [], {
			description: 'Passing Offset confirms every event below it; take it from the last event ID + 1',
			optional: [
				num('offset', 'Offset', { description: 'Confirms events with lower IDs; leave empty on the first call' }),
				num('limit', 'Limit', { default: 100, description: 'From 1 to 1000' }),
				bool('withUserEvents', 'With User Events', 'Whether to include ONIMV2* user events'),
			],
			optionalName: 'options',
			unwrap: 'events',
		}),
	],
};

/** The file comes from the item's binary data unless given as base64: Bitrix24 wants it base64-encoded in fields.content. */
async function withFileContent(this: IExecuteFunctions, params: IDataObject, itemIndex: number): Promise<IDataObject> {
	const property = params.binaryProperty as string;
	delete params.binaryProperty;
	const fields = (params.fields ?? {}) as IDataObject;
	if (fields.content) {
		params.fields = { ...fields, name: fields.name || 'file' };
		return params;
	}
	const binary = this.helpers.assertBinaryData(itemIndex, property);
	const buffer = await this.helpers.getBinaryDataBuffer(itemIndex, property);
	params.fields = { ...fields, name: fields.name || binary.fileName || 'file', content: buffer.toString('base64') };
	return params;
}

export const botFile: ResourceSpec = {
	value: 'botFile',
	name: 'Bot File',
	group: 'Chat Bots',
	operations: [
		op('upload', 'Upload', 'Send a file as a bot', 'File.upload', 'create', [
			dialogId,
			str('binaryProperty', 'Input Binary Field', { required: true, default: 'data', description: 'Name of the binary field that holds the file' }),
		], {
			optional: [
				str('name', 'File Name', { to: 'fields.name', description: 'With extension; the binary file name when empty' }),
				str('message', 'Message', { to: 'fields.message' }),
				str('content', 'File Content (Base64)', { to: 'fields.content', description: 'Send this base64 text instead of the binary field' }),
			],
			prepare: withFileContent,
			batchable: false,
		}),
		op('download', 'Get Download URL', 'Get a download link for a file', 'File.download', 'get', [num('fileId', 'File ID', { required: true, default: 0 })]),
	],
};

export const botResources: ResourceSpec[] = [bot, botMessage, botChat, botCommand, botEvent, botFile];
