import type { IDataObject } from 'n8n-workflow';

import type { OperationSpec, ParamSpec, ResourceSpec } from '../../types';
import { bool, list, num, str } from '../shared';
import { fieldOps, intId, intList, integersAt, pagePaging, restV3 } from '../v3common';

// The mail.* methods are REST 3.0 only (api-reference/mail): JSON bodies, camelCase fields.

const select = list('select', 'Select', { placeholder: 'e.g. id, subject, from', description: 'Comma-separated fields to return; empty for all' });
// a number input, as `messageId` is elsewhere in the node (chat bot messages)
const messageId = num('messageId', 'Message ID', { required: true, integer: true, description: 'The e-mail\'s ID, as Get Many messages returns it' });

// `from`, `to` and `folder` are other types elsewhere in the node: the inputs are named apart, sent as documented
const from = str('fromAddress', 'From', {
	required: true,
	to: 'from',
	placeholder: 'e.g. user@example.com',
	description: 'A sender address of the current user (Mailbox → Get Senders lists them)',
});
const to = list('toAddresses', 'To', { required: true, to: 'to', placeholder: 'e.g. client@example.com, partner@example.com', description: 'Comma-separated recipient addresses' });
const subject = str('subject', 'Subject', { required: true });
const body = str('body', 'Body', { required: true, description: 'Plain text or basic HTML' });
const copies: ParamSpec[] = [
	list('cc', 'CC', { placeholder: 'e.g. boss@example.com', description: 'Comma-separated CC addresses' }),
	list('bcc', 'BCC', { placeholder: 'e.g. archive@example.com', description: 'Comma-separated BCC addresses' }),
];

/** mail.message.createcrmactivity / removecrmactivity answer a bare `true`. */
const onMessage = (flag: string) => (result: unknown, request: IDataObject | unknown[]) => ({
	messageId: (request as IDataObject).messageId as number,
	[flag]: result === true || (result as IDataObject)?.result === true,
});

const createFrom = (value: string, what: string, method: string, optional: ParamSpec[] = [], params: ParamSpec[] = []): OperationSpec => ({
	value,
	name: `Create ${what}`,
	action: `Create ${/^[aeiou]/i.test(what) ? 'an' : 'a'} ${what.toLowerCase()} from an e-mail`,
	method,
	kind: 'action',
	params: [messageId, ...params],
	...(optional.length ? { optional, optionalName: 'additionalFields' } : {}),
});

const mailbox: ResourceSpec = {
	value: 'mailbox',
	name: 'Mailbox',
	group: 'Mail',
	description: 'The current user\'s mailboxes (REST 3.0)',
	operations: restV3([
		{
			value: 'getMany',
			name: 'Get Many',
			action: 'Get many mailboxes',
			description: 'List the current user\'s mailboxes, optionally by a part of the name or address',
			method: 'mail.mailbox.list',
			kind: 'getMany',
			optional: [str('name', 'Name Contains'), str('email', 'Email Contains')],
			optionalName: 'options',
			paging: pagePaging(100),
		},
		{
			value: 'get',
			name: 'Get',
			action: 'Get a mailbox',
			method: 'mail.mailbox.get',
			kind: 'get',
			params: [intId('id', 'Mailbox ID')],
			optional: [select],
			optionalName: 'options',
			unwrap: 'item',
		},
		{
			value: 'getSenders',
			name: 'Get Senders',
			action: 'Get the sender addresses of the mailboxes',
			description: 'List the addresses the current user can send from (the From of Send, Reply and Forward)',
			method: 'mail.mailbox.senders',
			kind: 'getMany',
			paging: pagePaging(100),
		},
		...fieldOps('mail.mailbox', 'a mailbox'),
	]),
};

const message: ResourceSpec = {
	value: 'mailMessage',
	name: 'Mail Message',
	group: 'Mail',
	description: 'E-mails in the user\'s mailboxes: read, send, reply, forward, move, and turn into tasks, chats, events or CRM activities (REST 3.0)',
	operations: restV3([
		{
			value: 'getMany',
			name: 'Get Many',
			action: 'Get many e-mails',
			description: 'List e-mails, newest first, by mailbox, folder, text, period, read status and attachments',
			method: 'mail.message.list',
			kind: 'getMany',
			optional: [
				num('mailboxId', 'Mailbox ID', { integer: true }),
				str('folder', 'Folder', { placeholder: 'e.g. INBOX', description: 'Folder name or path' }),
				str('searchQuery', 'Search Query', { description: 'Text to find in the e-mails and their metadata' }),
				str('dateFrom', 'Received After', { placeholder: 'e.g. 2026-01-01T00:00:00+03:00', description: 'ISO 8601 date and time' }),
				str('dateTo', 'Received Before', { placeholder: 'e.g. 2026-01-31T23:59:59+03:00', description: 'ISO 8601 date and time' }),
				bool('isSeen', 'Is Read', 'Whether to list only read (on) or only unread (off) e-mails'),
				bool('hasAttachments', 'Has Attachments', 'Whether to list only e-mails with (on) or without (off) attachments'),
			],
			optionalName: 'options',
			paging: pagePaging(200),
		},
		{
			value: 'get',
			name: 'Get',
			action: 'Get an e-mail',
			method: 'mail.message.get',
			kind: 'get',
			params: [intId('id', 'Message ID')],
			optional: [select],
			optionalName: 'options',
			unwrap: 'item',
		},
		{
			value: 'getThread',
			name: 'Get Thread',
			action: 'Get the thread of an e-mail',
			description: 'Get the e-mails of the conversation an e-mail belongs to',
			method: 'mail.message.thread',
			kind: 'action',
			params: [intId('id', 'Message ID', { description: 'Any e-mail of the thread' })],
			optional: [num('limit', 'Limit', { default: 20, description: 'Max number of e-mails to return (up to 50)' })],
			optionalName: 'options',
		},
		{
			value: 'send',
			name: 'Send',
			action: 'Send an e-mail',
			method: 'mail.message.send',
			kind: 'action',
			params: [from, to, subject, body],
			optional: copies,
			optionalName: 'additionalFields',
		},
		{
			value: 'reply',
			name: 'Reply',
			action: 'Reply to an e-mail',
			method: 'mail.message.reply',
			kind: 'action',
			params: [intId('replyToMessageId', 'Reply To Message ID'), from, to, subject, body],
			optional: copies,
			optionalName: 'additionalFields',
		},
		{
			value: 'forward',
			name: 'Forward',
			action: 'Forward an e-mail',
			method: 'mail.message.forward',
			kind: 'action',
			params: [intId('forwardMessageId', 'Forward Message ID'), from, to, subject, body],
			optional: copies,
			optionalName: 'additionalFields',
		},
		{
			value: 'move',
			name: 'Move',
			action: 'Move e-mails to a folder, spam or trash',
			method: 'mail.message.movetofolder',
			kind: 'action',
			params: [
				intList('messageIds', 'Message IDs', { required: true }),
				{
					name: 'action',
					label: 'Action',
					type: 'options',
					required: true,
					default: 'move',
					options: [
						{ name: 'Move to Folder', value: 'move' },
						{ name: 'Mark as Spam', value: 'spam' },
						{ name: 'Move to Trash', value: 'delete' },
					],
				},
				// `action` is itself sent, so it cannot hide this input (showWhen inputs are not sent)
				str('mailFolder', 'Folder', { to: 'folder', placeholder: 'e.g. INBOX/Clients', description: 'An existing folder of the mailbox; required for Move to Folder' }),
			],
			prepare: integersAt({ messageIds: 'Message IDs' }),
		},
		{ ...createFrom('createCrmActivity', 'CRM Activity', 'mail.message.createcrmactivity'), output: onMessage('success') },
		{
			value: 'removeCrmActivity',
			name: 'Remove CRM Activity',
			action: 'Remove the CRM activity of an e-mail',
			method: 'mail.message.removecrmactivity',
			kind: 'action',
			params: [messageId],
			output: onMessage('removed'),
		},
		createFrom('createTask', 'Task', 'mail.message.createtask', [
			str('title', 'Title', { description: 'Defaults to the e-mail subject' }),
			num('responsibleId', 'Responsible User ID', { integer: true, description: 'Defaults to the current user' }),
			str('description', 'Description'),
		]),
		createFrom('createChat', 'Chat', 'mail.message.createchat'),
		createFrom(
			'createCalendarEvent',
			'Calendar Event',
			'mail.message.createcalendarevent',
			[str('name', 'Name', { description: 'Defaults to the e-mail subject' }), str('description', 'Description')],
			[
				str('dateFrom', 'Start', { required: true, placeholder: 'e.g. 2026-04-15 10:00:00', description: 'Start as Y-m-d H:i:s' }),
				str('dateTo', 'End', { required: true, placeholder: 'e.g. 2026-04-15 11:00:00', description: 'End as Y-m-d H:i:s' }),
			],
		),
		createFrom('createFeedPost', 'Feed Post', 'mail.message.createfeedpost', [str('title', 'Title', { description: 'Defaults to the e-mail subject' })]),
		...fieldOps('mail.message', 'an e-mail'),
	]),
};

const recipient: ResourceSpec = {
	value: 'mailRecipient',
	name: 'Mail Recipient',
	group: 'Mail',
	description: 'Addresses to write to: recent contacts and employees (REST 3.0)',
	operations: restV3([
		{
			value: 'getContacts',
			name: 'Get Contacts',
			action: 'Get recipient contacts',
			description: 'Find contacts by name or address; without a query, the latest contacts',
			method: 'mail.recipient.listcontacts',
			kind: 'getMany',
			optional: [str('query', 'Query', { description: 'A part of the name or address' })],
			optionalName: 'options',
			paging: pagePaging(200),
		},
		{
			value: 'getEmployees',
			name: 'Get Employees',
			action: 'Get recipient employees',
			description: 'Find employees by name or address',
			method: 'mail.recipient.listemployees',
			kind: 'getMany',
			params: [str('query', 'Query', { required: true, description: 'A part of the name or address (at least one character)' })],
			paging: pagePaging(200),
		},
		...fieldOps('mail.recipient', 'a mail recipient'),
	]),
};

export const mailResources: ResourceSpec[] = [mailbox, message, recipient];
