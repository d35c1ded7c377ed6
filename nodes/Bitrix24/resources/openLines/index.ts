import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { callMethod } from '../../transport/request';
import type { ItemOutcome, OperationSpec, ResourceSpec } from '../../types';
import { readParams } from '../../params';
import { forEachItem } from '../../handlers/items';
import { bool, num, str } from '../shared';
import { moreOpenLinesResources } from './more';

const chatId = str('CHAT_ID', 'Chat ID', { required: true, description: 'ID of the Open Lines chat (dialog)', locator: 'openLineChat' });
const sessionId = num('SESSION_ID', 'Session ID', { required: true, default: 0, locator: 'openLineSession' });

const action = (value: string, name: string, actionLabel: string, method: string, extra: Partial<OperationSpec> = {}): OperationSpec => ({
	value,
	name,
	action: actionLabel,
	method,
	kind: 'action',
	params: [chatId],
	...extra,
});

const transfer: Partial<OperationSpec> = {
	params: [
		chatId,
		str('TRANSFER_ID', 'Transfer To', {
			required: true,
			description: 'A user ID, or queue<ID> to hand the dialog to another open line',
			placeholder: 'e.g. 12 or queue3',
		}),
	],
};

/**
 * Bitrix24 has no method that closes a session by its ID: find the session's chat with
 * imopenlines.dialog.get, check the session is still the chat's current one, then finish the dialog.
 */
async function closeSession(this: IExecuteFunctions, op: OperationSpec, itemCount: number): Promise<ItemOutcome[]> {
	return await forEachItem(itemCount, async (i) => {
		// readParams keeps only the input Close By chose and resolves the locators
		const input = await readParams(this, op, i);
		let chat: number;
		let session: number | undefined;
		if (input.SESSION_ID !== undefined) {
			session = Number(input.SESSION_ID);
			if (!(session > 0)) {
				throw new NodeOperationError(this.getNode(), `Session ID must be a positive number [item ${i}]`, {
					itemIndex: i,
					description: 'Enter the Open Lines session ID, e.g. 1542.',
				});
			}
			const dialog = await callMethod(this, 'imopenlines.dialog.get', { SESSION_ID: session }, { itemIndex: i, idempotent: true }).catch((error: Error) => {
				throw sessionError(this, error, i, `Session ${session} was not found`, `imopenlines.dialog.get found no Open Lines dialog for session ${session} that the user behind this credential can see. Check the Session ID (e.g. with Open Line Session → Get Many); nothing was closed.`);
			});
			const result = (dialog.result ?? {}) as IDataObject;
			chat = Number(result.id);
			const current = Number(String(result.entity_data_1 ?? '').split('|')[5]);
			if (current && current !== session) {
				throw new NodeOperationError(this.getNode(), `Session ${session} is already closed [item ${i}]`, {
					itemIndex: i,
					description: `Chat ${chat} has moved on to session ${current}; nothing was closed. Use the current session ID to close the dialog.`,
				});
			}
		} else {
			chat = Number(input.CHAT_ID);
		}
		const method = input.asCurrentOperator ? 'imopenlines.operator.finish' : op.method;
		const finished = await callMethod(this, method, { CHAT_ID: chat }, { itemIndex: i }).catch((error: Error) => {
			// the dialog was found: a refused finish means no session is open in it any more
			throw session
				? sessionError(this, error, i, `Session ${session} is already closed`, `Its chat ${chat} has no open session left to finish (${method} refused it); nothing was changed. To close a newer session of this chat, use that session's ID.`)
				: sessionError(this, error, i, `Chat ${chat} has no open session to close`, `${method} refused to finish chat ${chat}: its session is already closed, or the user behind this credential has no access to the chat. Check the Chat ID; nothing was changed.`);
		});
		return {
			json: [{ ...(session ? { sessionId: session } : {}), chatId: chat, closed: finished.result === true, method }],
		};
	});
}

/** Open Lines module codes for "no such dialog" and "no open session" (imopenlines-dialog-get.md, imopenlines-operator-another-finish.md). */
const SESSION_CODES = new Set(['ACCESS_DENIED', 'ACCESS_ERROR', 'DIALOG_ID_EMPTY', 'CHAT_ID', 'CHAT_TYPE', 'NOT_FOUND']);

/** Bitrix24's raw text for these cases says neither which case it is nor which session: say both. */
function sessionError(ctx: IExecuteFunctions, error: Error, itemIndex: number, message: string, description: string): Error {
	const code = String((error as { context?: IDataObject }).context?.bitrixCode ?? '');
	if (!SESSION_CODES.has(code)) return error;
	const refused = new NodeOperationError(ctx.getNode(), `${message} [item ${itemIndex}]`, { itemIndex, description: `${description} (Bitrix24: ${error.message})` });
	refused.context.bitrixCode = code;
	return refused;
}

const close: OperationSpec = {
	value: 'close',
	name: 'Close',
	action: 'Close a session',
	description: 'Close an Open Lines session by its Session ID (or by Chat ID), whoever the operator is',
	method: 'imopenlines.operator.another.finish',
	kind: 'action',
	params: [
		{
			name: 'closeBy',
			label: 'Close By',
			type: 'options',
			options: [
				{ name: 'Session ID', value: 'sessionId' },
				{ name: 'Chat ID', value: 'chatId' },
			],
			default: 'sessionId',
		},
		num('sessionId', 'Session ID', {
			to: 'SESSION_ID',
			required: true,
			default: 0,
			locator: 'openLineSession',
			showWhen: { closeBy: ['sessionId'] },
			description: 'ID of the Open Lines session to close',
		}),
		num('chatId', 'Chat ID', { to: 'CHAT_ID', required: true, default: 0, locator: 'openLineChat', showWhen: { closeBy: ['chatId'] } }),
		bool('asCurrentOperator', 'As Current Operator', 'Whether to close only a dialog the calling user handles (imopenlines.operator.finish) instead of any dialog'),
	],
	execute: closeSession,
};

export const openLineSession: ResourceSpec = {
	value: 'openLineSession',
	name: 'Open Line Session',
	group: 'Open Lines',
	operations: [
		close,
		{ value: 'open', name: 'Open', action: 'Open a session for a client', method: 'imopenlines.session.open', kind: 'action', params: [str('USER_CODE', 'User Code', { required: true, placeholder: 'e.g. livechat|1|1761|587' })] },
		action('start', 'Start', 'Start a new session in a chat', 'imopenlines.session.start'),
		action('startFromMessage', 'Start From Message', 'Start a session from a message', 'imopenlines.message.session.start', {
			params: [chatId, str('MESSAGE_ID', 'Message ID', { required: true })],
		}),
		action('join', 'Join', 'Join a session', 'imopenlines.session.join'),
		action('intercept', 'Intercept', 'Take over a session', 'imopenlines.session.intercept'),
		action('transfer', 'Transfer', 'Transfer a session', 'imopenlines.operator.transfer', transfer),
		action('pin', 'Pin', 'Pin a session to the operator', 'imopenlines.session.mode.pin', { fixed: { ACTIVATE: 'Y' } }),
		action('unpin', 'Unpin', 'Unpin a session from the operator', 'imopenlines.session.mode.pin', { fixed: { ACTIVATE: 'N' } }),
		{ value: 'pinAll', name: 'Pin All', action: 'Pin all sessions', method: 'imopenlines.session.mode.pinAll', kind: 'action', output: (r) => ({ chatIds: r as IDataObject[] }) },
		{ value: 'unpinAll', name: 'Unpin All', action: 'Unpin all sessions', method: 'imopenlines.session.mode.unpinAll', kind: 'action', output: (r) => ({ chatIds: r as IDataObject[] }) },
		{
			value: 'vote',
			name: 'Vote',
			action: 'Rate a session as supervisor',
			method: 'imopenlines.session.head.vote',
			kind: 'action',
			params: [sessionId],
			optional: [num('RATING', 'Rating', { description: 'From 1 to 5' }), str('COMMENT', 'Comment')],
			// the docs need a rating or a comment; Bitrix24 refuses a vote with neither
			prepare(params, itemIndex) {
				if (params.RATING === undefined && params.COMMENT === undefined) {
					throw new NodeOperationError(this.getNode(), `Vote needs a Rating or a Comment [item ${itemIndex}]`, {
						itemIndex,
						description: 'Add Rating (1 to 5) or Comment under Additional Fields; imopenlines.session.head.vote was not called.',
					});
				}
				return params;
			},
		},
		{
			value: 'getHistory',
			name: 'Get History',
			action: 'Get the history of a session',
			method: 'imopenlines.session.history.get',
			kind: 'get',
			params: [sessionId],
		},
		{
			value: 'getDialog',
			name: 'Get Dialog',
			action: 'Get the dialog of a session',
			method: 'imopenlines.dialog.get',
			kind: 'get',
			params: [sessionId],
		},
		action('createLead', 'Create Lead', 'Create a lead from a session', 'imopenlines.crm.lead.create'),
	],
};

export const openLineOperator: ResourceSpec = {
	value: 'openLineOperator',
	name: 'Open Line Operator',
	group: 'Open Lines',
	operations: [
		action('answer', 'Answer', 'Take a dialog as the current operator', 'imopenlines.operator.answer'),
		action('skip', 'Skip', 'Pass a dialog to the next operator', 'imopenlines.operator.skip'),
		action('spam', 'Mark as Spam', 'Mark a dialog as spam and close it', 'imopenlines.operator.spam'),
		action('transfer', 'Transfer', 'Transfer a dialog', 'imopenlines.operator.transfer', transfer),
		action('finish', 'Finish', 'Finish your own dialog', 'imopenlines.operator.finish'),
		action('finishAnother', 'Finish Any Dialog', "Finish another operator's dialog", 'imopenlines.operator.another.finish'),
	],
};

export const openLineDialog: ResourceSpec = {
	value: 'openLineDialog',
	name: 'Open Line Dialog',
	group: 'Open Lines',
	operations: [
		{
			value: 'get',
			name: 'Get',
			action: 'Get an Open Lines dialog',
			method: 'imopenlines.dialog.get',
			kind: 'get',
			extra: [
				{
					property: {
						displayName: 'Find By',
						name: 'findBy',
						type: 'options',
						options: [
							{ name: 'Chat ID', value: 'CHAT_ID' },
							{ name: 'Dialog ID', value: 'DIALOG_ID' },
							{ name: 'Session ID', value: 'SESSION_ID' },
							{ name: 'User Code', value: 'USER_CODE' },
						],
						default: 'CHAT_ID',
					},
					apply: (value, params) => {
						params.__findBy = value as string;
					},
				},
				{
					property: { displayName: 'Value', name: 'findValue', type: 'string', default: '', required: true, placeholder: 'e.g. 42, chat42 or livechat|1|1761|587' },
					apply: (value, params) => {
						params[params.__findBy as string] = value as string;
						delete params.__findBy;
					},
				},
			],
		},
	],
};

export const openLinesResources: ResourceSpec[] = [openLineSession, openLineOperator, openLineDialog, ...moreOpenLinesResources];
