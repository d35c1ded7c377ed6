import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import type { OperationSpec, ParamSpec, ResourceSpec } from '../../types';
import { act, changed, json, list, num, str, yn } from '../shared';

export const dialogId = str('DIALOG_ID', 'Dialog ID', {
	required: true,
	placeholder: 'e.g. chat42 or 12',
	description: 'chat<ID> for a group chat, sg<ID> for a workgroup chat, or a user ID for a private dialog',
	locator: 'dialog',
});
const chatId = str('CHAT_ID', 'Chat ID', { required: true, description: 'Numeric chat ID, without the "chat" prefix', locator: 'chat' });
const messageId = str('MESSAGE_ID', 'Message ID', { required: true });
const userId = str('USER_ID', 'User ID', { required: true, locator: 'user' });
const attach = json('ATTACH', 'Attachment (JSON)', { shape: 'any', description: 'Rich attachment blocks as a JSON object or array' });
const keyboard = json('KEYBOARD', 'Keyboard (JSON)', { shape: 'any', description: 'Buttons under the message as JSON' });
const menu = json('MENU', 'Menu (JSON)', { shape: 'any', description: "Extra items for the message's context menu as JSON" });
const colors = ['RED', 'GREEN', 'MINT', 'LIGHT_BLUE', 'DARK_BLUE', 'PURPLE', 'AQUA', 'PINK', 'LIME', 'BROWN', 'AZURE', 'KHAKI', 'SAND', 'MARENGO', 'GRAY', 'GRAPHITE'];
const color = (required: boolean): ParamSpec => ({
	name: 'COLOR',
	label: 'Color',
	type: 'options',
	required,
	default: 'RED',
	options: colors.map((value) => ({ name: value.charAt(0) + value.slice(1).toLowerCase().replace('_', ' '), value })),
});



export const message: ResourceSpec = {
	value: 'message',
	name: 'Message',
	group: 'Messenger',
	description: 'Chat messages sent as the connected user',
	operations: [
		{
			value: 'send',
			name: 'Send',
			action: 'Send a message',
			method: 'im.message.add',
			kind: 'create',
			params: [dialogId, str('MESSAGE', 'Text', { required: true, description: 'Message text; BB codes are supported' })],
			optional: [
				attach,
				keyboard,
				menu,
				yn('SYSTEM', 'System Message', 'Whether to send it as a system message'),
				yn('URL_PREVIEW', 'Link Preview', 'Whether to turn links into rich previews'),
				num('REPLY_ID', 'Reply To Message ID', { description: 'ID of a message in the same chat to reply to' }),
			],
		},
		{
			value: 'update',
			name: 'Update',
			action: 'Update a message',
			method: 'im.message.update',
			kind: 'update',
			params: [messageId],
			optional: [
				str('MESSAGE', 'Text', { description: 'New text; an empty text deletes the message' }),
				attach,
				keyboard,
				menu,
				yn('URL_PREVIEW', 'Link Preview', 'Whether to turn links into rich previews'),
				yn('IS_EDITED', 'Mark as Edited', 'Whether to show the "edited" mark'),
			],
			optionalName: 'updateFields',
			output: changed('MESSAGE_ID', 'updated'),
		},
		{ value: 'delete', name: 'Delete', action: 'Delete a message', method: 'im.message.delete', kind: 'delete', params: [messageId], output: changed('MESSAGE_ID', 'deleted') },
		act('like', 'Like', 'Like or unlike a message', 'im.message.like', [messageId], {
			optional: [
				{
					name: 'ACTION',
					label: 'Action',
					type: 'options',
					default: 'auto',
					options: [
						{ name: 'Toggle', value: 'auto' },
						{ name: 'Like', value: 'plus' },
						{ name: 'Remove Like', value: 'minus' },
					],
				},
			],
			output: changed('MESSAGE_ID'),
		}),
		act('share', 'Share', 'Create a chat, task, post or event from a message', 'im.message.share', [
			messageId,
			dialogId,
			{
				name: 'TYPE',
				label: 'Create',
				type: 'options',
				default: 'TASK',
				options: [
					{ name: 'Chat', value: 'CHAT' },
					{ name: 'Task', value: 'TASK' },
					{ name: 'Feed Post', value: 'POST' },
					{ name: 'Calendar Event', value: 'CALEND' },
				],
			},
		], { output: changed('MESSAGE_ID') }),
	],
};

export const chat: ResourceSpec = {
	value: 'chat',
	name: 'Chat',
	group: 'Messenger',
	description: 'Group chats and their members',
	operations: [
		{
			value: 'create',
			name: 'Create',
			action: 'Create a chat',
			method: 'im.chat.add',
			kind: 'create',
			optional: [
				str('TITLE', 'Title'),
				str('DESCRIPTION', 'Description'),
				list('USERS', 'Member IDs', { description: 'Comma-separated user IDs; you join as the owner' }),
				{
					name: 'TYPE',
					label: 'Type',
					type: 'options',
					default: 'CHAT',
					options: [
						{ name: 'Closed', value: 'CHAT' },
						{ name: 'Open', value: 'OPEN' },
					],
				},
				color(false),
				str('MESSAGE', 'First Message'),
				str('AVATAR', 'Avatar (Base64)', { description: 'Image as a base64 string' }),
				str('ENTITY_TYPE', 'Entity Type', { description: 'Links the chat to an external object, e.g. CRM' }),
				str('ENTITY_ID', 'Entity ID', { description: 'ID of the linked object within the entity type' }),
			],
		},
		{
			value: 'get',
			name: 'Get by Entity',
			action: 'Find the chat linked to an entity',
			method: 'im.chat.get',
			kind: 'get',
			params: [str('ENTITY_TYPE', 'Entity Type', { required: true, placeholder: 'e.g. CRM' }), str('ENTITY_ID', 'Entity ID', { required: true, placeholder: 'e.g. DEAL|12' })],
			// null when no chat is linked
			output: (result) => (result as IDataObject) ?? { ID: null },
		},
		{
			value: 'updateTitle',
			name: 'Rename',
			action: 'Rename a chat',
			method: 'im.chat.updateTitle',
			kind: 'update',
			params: [chatId, str('TITLE', 'Title', { required: true })],
			output: changed('CHAT_ID', 'updated'),
		},
		{ value: 'updateColor', name: 'Set Color', action: 'Set the color of a chat', method: 'im.chat.updateColor', kind: 'update', params: [chatId, color(true)], output: changed('CHAT_ID', 'updated') },
		act('setOwner', 'Set Owner', 'Make a member the chat owner', 'im.chat.setOwner', [chatId, userId], { output: changed('CHAT_ID') }),
		act('mute', 'Mute', 'Turn off notifications of a chat', 'im.chat.mute', [chatId], { fixed: { MUTE: 'Y' }, output: changed('CHAT_ID') }),
		act('unmute', 'Unmute', 'Turn on notifications of a chat', 'im.chat.mute', [chatId], { fixed: { MUTE: 'N' }, output: changed('CHAT_ID') }),
		act('leave', 'Leave', 'Leave a chat', 'im.chat.leave', [chatId], { output: changed('CHAT_ID') }),
		act('addUsers', 'Add Members', 'Add members to a chat', 'im.chat.user.add', [chatId, list('USERS', 'User IDs', { required: true, description: 'Comma-separated user IDs' })], {
			optional: [yn('HIDE_HISTORY', 'Hide History', 'Whether new members cannot see earlier messages')],
			output: changed('CHAT_ID'),
		}),
		act('removeUser', 'Remove Member', 'Remove a member from a chat', 'im.chat.user.delete', [chatId, userId], { output: changed('CHAT_ID') }),
		{
			value: 'getUsers',
			name: 'Get Member IDs',
			action: 'Get the member IDs of a chat',
			method: 'im.chat.user.list',
			kind: 'get',
			params: [chatId],
			output: (result) => ((result as number[]) ?? []).map((id) => ({ userId: id })),
		},
	],
};

export const dialog: ResourceSpec = {
	value: 'dialog',
	name: 'Dialog',
	group: 'Messenger',
	description: 'Any conversation: group chat or private dialog',
	operations: [
		{ value: 'get', name: 'Get', action: 'Get a dialog', method: 'im.dialog.get', kind: 'get', params: [dialogId] },
		{
			value: 'getMessages',
			name: 'Get Messages',
			action: 'Get messages of a dialog',
			description: 'Newest messages first',
			method: 'im.dialog.messages.get',
			kind: 'getMany',
			params: [dialogId],
			optional: [num('LAST_ID', 'Older Than Message ID', { description: 'Start below this message ID' })],
			optionalName: 'options',
			paging: { mode: 'cursor', pageSize: 50, itemsPath: 'messages' },
		},
		{
			value: 'getUsers',
			name: 'Get Members',
			action: 'Get the members of a dialog',
			method: 'im.dialog.users.list',
			kind: 'getMany',
			params: [dialogId],
			optional: [yn('SKIP_EXTERNAL', 'Skip System Users', 'Whether to leave out bots, connectors and other system users')],
			optionalName: 'options',
			paging: { mode: 'offset', pageSize: 200 },
		},
		{
			value: 'read',
			name: 'Mark as Read',
			action: 'Mark a dialog as read',
			method: 'im.dialog.read',
			kind: 'action',
			params: [dialogId],
			optional: [num('MESSAGE_ID', 'Up to Message ID', { description: 'Last read message; all messages when empty' })],
		},
		act('unread', 'Mark as Unread', 'Mark a dialog as unread from a message', 'im.dialog.unread', [dialogId, messageId], { output: changed('DIALOG_ID') }),
		act('writing', 'Send Typing Indicator', 'Show that you are typing', 'im.dialog.writing', [dialogId], { output: changed('DIALOG_ID') }),
	],
};

const recentFlags = [
	yn('SKIP_OPENLINES', 'Skip Open Lines', 'Whether to leave out Open Lines chats'),
	yn('SKIP_DIALOG', 'Skip Private Dialogs', 'Whether to leave out one-on-one dialogs'),
	yn('SKIP_CHAT', 'Skip Group Chats', 'Whether to leave out group chats'),
	yn('UNREAD_ONLY', 'Unread Only', 'Whether to return only dialogs with unread messages'),
	yn('ONLY_CHANNEL', 'Channels Only', 'Whether to return only channels'),
];

export const recent: ResourceSpec = {
	value: 'recent',
	name: 'Recent Chat',
	group: 'Messenger',
	description: "The user's recent chats list and unread counters",
	operations: [
		{
			value: 'getMany', v1Value: 'getAll',
			name: 'Get Many',
			action: 'Get recent chats',
			method: 'im.recent.list',
			kind: 'getMany',
			optional: recentFlags,
			optionalName: 'options',
			// OFFSET pages can overlap when chats move up meanwhile: rows are deduplicated by id
			paging: { mode: 'offset', pageSize: 200, itemsPath: 'items' },
		},
		act('pin', 'Pin', 'Pin a dialog to the top', 'im.recent.pin', [dialogId], { fixed: { PIN: 'Y' }, output: changed('DIALOG_ID') }),
		act('unpin', 'Unpin', 'Unpin a dialog', 'im.recent.pin', [dialogId], { fixed: { PIN: 'N' }, output: changed('DIALOG_ID') }),
		act('hide', 'Hide', 'Hide a dialog from the recent list', 'im.recent.hide', [dialogId], { output: changed('DIALOG_ID') }),
		act('markUnread', 'Flag as Unread', 'Flag a dialog as unread', 'im.recent.unread', [dialogId], { fixed: { ACTION: 'Y' }, output: changed('DIALOG_ID') }),
		act('unmarkUnread', 'Clear Unread Flag', 'Clear the unread flag of a dialog', 'im.recent.unread', [dialogId], { fixed: { ACTION: 'N' }, output: changed('DIALOG_ID') }),
		{ value: 'getCounters', name: 'Get Counters', action: 'Get unread counters', method: 'im.counters.get', kind: 'get' },
	],
};

const notifyOptional = [
	str('MESSAGE_OUT', 'Text for Email', { description: 'Text for external channels such as email' }),
	str('TAG', 'Tag', { description: 'A new notification with the same tag replaces the old one' }),
	str('SUB_TAG', 'Sub Tag'),
	attach,
	str('CLIENT_ID', 'Client ID', { description: 'Application ID; needed with a webhook when Tag or Sub Tag is set' }),
];
const notificationId = str('ID', 'Notification ID', { required: true });

function needOneKey(this: IExecuteFunctions, params: IDataObject, itemIndex: number): IDataObject {
	// 0 is the input's empty value: deleting by tag sends no ID
	if (!params.ID) delete params.ID;
	if (['ID', 'TAG', 'SUB_TAG'].some((key) => params[key] !== undefined && params[key] !== '')) return params;
	throw new NodeOperationError(this.getNode(), `Enter a Notification ID, Tag or Sub Tag [item ${itemIndex}]`, {
		itemIndex,
		description: 'Bitrix24 deletes notifications by ID, by tag or by sub tag.',
	});
}

export const notification: ResourceSpec = {
	value: 'notification',
	name: 'Notification',
	group: 'Messenger',
	operations: [
		{
			value: 'sendSystem',
			name: 'Send System',
			action: 'Send a system notification',
			method: 'im.notify.system.add',
			kind: 'create',
			params: [userId, str('MESSAGE', 'Text', { required: true })],
			optional: notifyOptional,
		},
		{
			value: 'sendPersonal',
			name: 'Send Personal',
			action: 'Send a personal notification',
			method: 'im.notify.personal.add',
			kind: 'create',
			params: [userId, str('MESSAGE', 'Text', { required: true })],
			optional: notifyOptional,
		},
		{
			value: 'getMany', v1Value: 'getAll',
			name: 'Get Many',
			action: "Get the user's notifications",
			description: 'Up to 50 per call; pass the last ID to read further',
			method: 'im.notify.get',
			kind: 'getMany',
			unwrap: 'notifications',
			optional: [
				num('LIMIT', 'Limit', { default: 50, description: 'Max number of results to return (at most 50)' }),
				num('LAST_ID', 'After Notification ID', { description: 'ID of the last notification of the previous page' }),
				num('LAST_TYPE', 'Last Type', { description: 'Paging stage from the previous page (1 confirmations, 3 regular)' }),
				yn('CONVERT_TEXT', 'Convert Text', 'Whether to convert BB codes in the text'),
			],
			optionalName: 'options',
		},
		{
			value: 'delete',
			name: 'Delete',
			action: 'Delete a notification',
			method: 'im.notify.delete',
			kind: 'delete',
			params: [
				{
					name: 'deleteBy',
					label: 'Delete By',
					type: 'options',
					since: 2,
					default: 'id',
					options: [
						{ name: 'Notification ID', value: 'id' },
						{ name: 'Tag', value: 'tag' },
						{ name: 'Sub Tag', value: 'subTag' },
					],
				},
				str('ID', 'Notification ID', { description: 'Leave empty to delete by tag', until: 1 }),
				str('ID', 'Notification ID', { required: true, since: 2, showWhen: { deleteBy: ['id'] } }),
				str('TAG', 'Tag', { required: true, since: 2, showWhen: { deleteBy: ['tag'] }, description: 'Deletes every notification with this tag' }),
				str('SUB_TAG', 'Sub Tag', { required: true, since: 2, showWhen: { deleteBy: ['subTag'] }, description: 'Deletes every notification with this sub tag' }),
			],
			optional: [str('TAG', 'Tag', { until: 1 }), str('SUB_TAG', 'Sub Tag', { until: 1 }), str('CLIENT_ID', 'Client ID', { description: 'Application ID; needed with a webhook' })],
			prepare: needOneKey,
		},
		act('markRead', 'Mark as Read', 'Mark a notification as read', 'im.notify.read', [notificationId], {
			fixed: { ACTION: 'Y' },
			optional: [yn('ONLY_CURRENT', 'Only This One', 'Whether to mark only this notification, not also the newer ones')],
			output: changed('ID'),
		}),
		act('markUnread', 'Mark as Unread', 'Mark a notification as unread', 'im.notify.read', [notificationId], {
			fixed: { ACTION: 'N' },
			optional: [yn('ONLY_CURRENT', 'Only This One', 'Whether to mark only this notification, not also the newer ones')],
			output: changed('ID'),
		}),
		act('markAllRead', 'Mark All as Read', 'Mark all notifications as read', 'im.notify.read.all', []),
		act('answer', 'Answer', 'Reply to a notification', 'im.notify.answer', [
			num('NOTIFY_ID', 'Notification ID', { required: true, default: 0 }),
			str('ANSWER_TEXT', 'Answer', { required: true }),
		]),
		act('confirm', 'Confirm', 'Press a notification button', 'im.notify.confirm', [
			num('NOTIFY_ID', 'Notification ID', { required: true, default: 0 }),
			str('NOTIFY_VALUE', 'Button Value', { required: true }),
		]),
	],
};

export const imUser: ResourceSpec = {
	value: 'imUser',
	name: 'Messenger User',
	group: 'Messenger',
	operations: [
		{
			value: 'get',
			name: 'Get',
			action: 'Get a messenger user',
			method: 'im.user.get',
			kind: 'get',
			optional: [num('ID', 'User ID', { description: 'The current user when empty' })],
			optionalName: 'options',
		},
		{
			value: 'getMany',
			name: 'Get Many by ID',
			action: 'Get messenger users by ID',
			method: 'im.user.list.get',
			kind: 'get',
			params: [list('ID', 'User IDs', { required: true, description: 'Comma-separated user IDs' })],
			fixed: { RESULT_TYPE: 'array' },
		},
		{
			value: 'getStatus',
			name: 'Get Status',
			action: 'Get your messenger status',
			method: 'im.user.status.get',
			kind: 'get',
			output: (result) => ({ status: result as string }),
		},
		act('setStatus', 'Set Status', 'Set your messenger status', 'im.user.status.set', [
			{
				name: 'STATUS',
				label: 'Status',
				type: 'options',
				default: 'online',
				options: [
					{ name: 'Online', value: 'online' },
					{ name: 'Do Not Disturb', value: 'dnd' },
					{ name: 'Away', value: 'away' },
					{ name: 'On Break', value: 'break' },
				],
			},
		], { output: (result, request) => ({ status: (request as IDataObject).STATUS as string, success: result !== false }) }),
	],
};

const find = str('FIND', 'Search Text', { required: true, description: 'At least 2 characters' });
const search = (value: string, name: string, action: string, method: string, optional: ParamSpec[] = []): OperationSpec => ({
	value,
	name,
	action,
	method,
	kind: 'getMany',
	params: [find],
	optional,
	optionalName: 'options',
	paging: { mode: 'offset', pageSize: 50 },
});

export const imSearch: ResourceSpec = {
	value: 'imSearch',
	name: 'Messenger Search',
	group: 'Messenger',
	operations: [
		search('users', 'Search Users', 'Search users by name', 'im.search.user.list', [yn('BUSINESS', 'Business Users Only', 'Whether to search only business users')]),
		search('chats', 'Search Chats', 'Search chats by name', 'im.search.chat.list'),
		search('departments', 'Search Departments', 'Search departments by name', 'im.search.department.list', [
			yn('USER_DATA', 'Include Manager Data', "Whether to return the department manager's details"),
		]),
	],
};
