import type { IBinaryKeyData, IDataObject } from 'n8n-workflow';

import type { Portal } from '../../helpers/portal';
import { seededRows } from './seed';
import type { Cases } from './types';

// REST 3.0 families: mail.*, humanresources.* (company structure), note.* (Knowledge Base 2.0).

/** The portal of the running case, for checks against what it logged and keeps. */
let portalRef: Portal;
const use = (portal: Portal) => (portalRef = portal);

/** The last logged call of `method` went to /rest/api/ with exactly this JSON body. */
const sent = (method: string, body: IDataObject | ((params: IDataObject) => void)) => (params: IDataObject) => {
	const calls = portalRef.emu.log.filter((entry) => entry.method === method);
	expect(calls[calls.length - 1]).toMatchObject({ method, api: 'v3', status: 200 });
	if (typeof body === 'function') body(params);
	else expect(params).toEqual(body);
};

const numeric = expect.any(Number);

// ---- mail ----

const MAILBOX = { ID: 1, name: 'Work email', email: 'user@example.com', senderName: 'John Smith' };
const message = (id: number, subject: string, extra: IDataObject = {}): IDataObject => ({
	ID: id,
	mailboxId: 1,
	mailboxEmail: 'user@example.com',
	subject,
	from: 'client@example.com',
	to: 'user@example.com',
	cc: '',
	date: '2026-05-25T10:00:00+03:00',
	isSeen: true,
	hasAttachments: false,
	url: `/mail/message/${id}`,
	bindings: [],
	body: `Body of ${subject}`,
	...extra,
});

function seedMail(portal: Portal): Portal {
	use(portal);
	seededRows(portal, 'mail.mailbox', [MAILBOX]);
	seededRows(portal, 'mail.message', [message(15, 'Supply Agreement'), message(16, 'Re: Supply Agreement', { from: 'user@example.com', to: 'client@example.com' }), message(17, 'Invoice', { isSeen: false })]);
	return portal;
}
const stored = (id: number) => portalRef.emu.store.get('generic:mail.message', id)!;

/** A field description as the *.field.* methods document it (name, type, title). */
const fieldShape = expect.objectContaining({ name: expect.any(String), type: expect.any(String), title: expect.any(String) });
const fieldCases = (resource: string, method: string, prefix = 'Field', name = 'id'): Cases => ({
	[`${resource}.get${prefix}s`]: {
		parameters: (portal) => (use(portal), { options: { select: 'name, type, title' } }),
		request: sent(`${method}.field.list`, { select: ['name', 'type', 'title'] }),
		output: (items) => (expect(items.length).toBeGreaterThan(0), items.forEach((item) => expect(item).toEqual(fieldShape))),
	},
	[`${resource}.get${prefix}`]: {
		parameters: (portal) => (use(portal), { name }),
		request: sent(`${method}.field.get`, { name }),
		output: (items) => expect(items).toEqual([fieldShape]),
	},
});

const mailCases: Cases = {
	'mailbox.getMany': {
		parameters: (portal) => (seedMail(portal), { returnAll: true, options: { email: 'example.com' } }),
		request: sent('mail.mailbox.list', { email: 'example.com', pagination: { limit: 100, offset: 0 } }),
		output: (items) => expect(items).toEqual([{ id: 1, name: 'Work email', email: 'user@example.com', senderName: 'John Smith' }]),
	},
	'mailbox.get': {
		parameters: (portal) => (seedMail(portal), { id: 1 }),
		request: sent('mail.mailbox.get', { id: 1 }),
		output: (items) => expect(items).toEqual([{ id: 1, name: 'Work email', email: 'user@example.com', senderName: 'John Smith' }]),
	},
	'mailbox.getSenders': {
		parameters: (portal) => (seedMail(portal), { returnAll: false, limit: 10 }),
		request: sent('mail.mailbox.senders', { pagination: { limit: 10, offset: 0 } }),
		// mail-mailbox-senders.md: the mailbox sends as its sender name and as its own name
		output: (items) =>
			expect(items).toEqual([
				{ email: 'user@example.com', name: 'John Smith', sender: 'John Smith <user@example.com>' },
				{ email: 'user@example.com', name: 'Work email', sender: 'Work email <user@example.com>' },
			]),
	},
	...fieldCases('mailbox', 'mail.mailbox'),

	'mailMessage.getMany': {
		parameters: (portal) => (seedMail(portal), { returnAll: false, limit: 2, options: { mailboxId: 1, isSeen: true } }),
		request: sent('mail.message.list', { mailboxId: 1, isSeen: true, pagination: { limit: 2, offset: 0 } }),
		output: (items) => expect(items).toEqual([expect.objectContaining({ id: 15, subject: 'Supply Agreement', mailboxId: 1 }), expect.objectContaining({ id: 16, subject: 'Re: Supply Agreement' })]),
	},
	'mailMessage.get': {
		parameters: (portal) => (seedMail(portal), { id: 17, options: { select: 'id, subject' } }),
		request: sent('mail.message.get', { id: 17, select: ['id', 'subject'] }),
		output: (items) => expect(items).toEqual([expect.objectContaining({ id: 17, subject: 'Invoice', isSeen: false })]),
	},
	'mailMessage.getThread': {
		parameters: (portal) => (seedMail(portal), { id: 16, options: { limit: 10 } }),
		request: sent('mail.message.thread', { id: 16, limit: 10 }),
		output: (items) => expect(items.map((item) => [item.id, item.subject])).toEqual([[15, 'Supply Agreement'], [16, 'Re: Supply Agreement']]),
	},
	'mailMessage.send': {
		parameters: (portal) => (seedMail(portal), { fromAddress: 'user@example.com', toAddresses: 'client@example.com, partner@example.com', subject: 'Offer', body: '<p>Our offer</p>', additionalFields: { cc: 'boss@example.com' } }),
		request: sent('mail.message.send', { from: 'user@example.com', to: ['client@example.com', 'partner@example.com'], subject: 'Offer', body: '<p>Our offer</p>', cc: ['boss@example.com'] }),
		output: (items) => expect(items).toEqual([{ success: true, to: ['client@example.com', 'partner@example.com'] }]),
	},
	'mailMessage.reply': {
		parameters: (portal) => (seedMail(portal), { replyToMessageId: 15, fromAddress: 'user@example.com', toAddresses: 'client@example.com', subject: 'Re: Supply Agreement', body: 'Thanks' }),
		request: sent('mail.message.reply', { replyToMessageId: 15, from: 'user@example.com', to: ['client@example.com'], subject: 'Re: Supply Agreement', body: 'Thanks' }),
		output: (items) => {
			expect(items).toEqual([{ success: true, to: ['client@example.com'] }]);
			// the reply joins the thread
			expect(portalRef.emu.store.all('generic:mail.message').filter((m) => m.body === 'Thanks')).toHaveLength(1);
		},
	},
	'mailMessage.forward': {
		parameters: (portal) => (seedMail(portal), { forwardMessageId: 17, fromAddress: 'user@example.com', toAddresses: 'accounting@example.com', subject: 'Fwd: Invoice', body: 'Please pay', additionalFields: { bcc: 'archive@example.com' } }),
		request: sent('mail.message.forward', { forwardMessageId: 17, from: 'user@example.com', to: ['accounting@example.com'], subject: 'Fwd: Invoice', body: 'Please pay', bcc: ['archive@example.com'] }),
		output: (items) => expect(items).toEqual([{ success: true, to: ['accounting@example.com'] }]),
	},
	'mailMessage.move': {
		parameters: (portal) => (seedMail(portal), { messageIds: '15, 16', action: 'move', mailFolder: 'INBOX/Contracts' }),
		request: sent('mail.message.movetofolder', { messageIds: [15, 16], action: 'move', folder: 'INBOX/Contracts' }),
		output: (items) => {
			expect(items).toEqual([{ success: true, movedCount: 2, action: 'move' }]);
			expect([stored(15).folder, stored(16).folder]).toEqual(['INBOX/Contracts', 'INBOX/Contracts']);
		},
	},
	'mailMessage.createCrmActivity': {
		parameters: (portal) => (seedMail(portal), { messageId: 15 }),
		request: sent('mail.message.createcrmactivity', { messageId: 15 }),
		output: (items) => expect(items).toEqual([{ messageId: 15, success: true }]),
	},
	'mailMessage.removeCrmActivity': {
		parameters: (portal) => (seedMail(portal), { messageId: 15 }),
		request: sent('mail.message.removecrmactivity', { messageId: 15 }),
		output: (items) => expect(items).toEqual([{ messageId: 15, removed: true }]),
	},
	'mailMessage.createTask': {
		parameters: (portal) => (seedMail(portal), { messageId: 17, additionalFields: { title: 'Pay the invoice', responsibleId: 1 } }),
		request: sent('mail.message.createtask', { messageId: 17, title: 'Pay the invoice', responsibleId: 1 }),
		output: (items) => expect(items).toEqual([{ success: true, taskId: numeric, messageId: 17 }]),
	},
	'mailMessage.createChat': {
		parameters: (portal) => (seedMail(portal), { messageId: 15 }),
		request: sent('mail.message.createchat', { messageId: 15 }),
		output: (items) => expect(items).toEqual([{ success: true, chatId: numeric, messageId: 15, existing: false }]),
	},
	'mailMessage.createCalendarEvent': {
		parameters: (portal) => (seedMail(portal), { messageId: 15, dateFrom: '2026-04-15 10:00:00', dateTo: '2026-04-15 11:00:00', additionalFields: { name: 'Contract call' } }),
		request: sent('mail.message.createcalendarevent', { messageId: 15, dateFrom: '2026-04-15 10:00:00', dateTo: '2026-04-15 11:00:00', name: 'Contract call' }),
		output: (items) => expect(items).toEqual([{ success: true, eventId: numeric, messageId: 15 }]),
	},
	'mailMessage.createFeedPost': {
		parameters: (portal) => (seedMail(portal), { messageId: 16, additionalFields: { title: 'Contract news' } }),
		request: sent('mail.message.createfeedpost', { messageId: 16, title: 'Contract news' }),
		output: (items) => expect(items).toEqual([{ success: true, postId: numeric, messageId: 16 }]),
	},
	...fieldCases('mailMessage', 'mail.message', 'Field', 'subject'),

	'mailRecipient.getContacts': {
		parameters: (portal) => {
			use(portal);
			seededRows(portal, 'mail.recipient', [
				{ ID: 10, email: 'client@example.com', name: 'Client' },
				{ ID: 11, email: 'partner@example.com', name: 'Partner' },
			]);
			return { returnAll: true, options: { query: 'client' } };
		},
		request: sent('mail.recipient.listcontacts', { query: 'client', pagination: { limit: 200, offset: 0 } }),
		output: (items) => expect(items).toEqual([{ id: 10, email: 'client@example.com', name: 'Client' }]),
	},
	'mailRecipient.getEmployees': {
		parameters: (portal) => (use(portal), { query: 'admin', returnAll: true }),
		request: sent('mail.recipient.listemployees', { query: 'admin', pagination: { limit: 200, offset: 0 } }),
		output: (items) => expect(items).toContainEqual({ id: 1, email: 'admin@example.com', name: 'Admin Portal' }),
	},
	...fieldCases('mailRecipient', 'mail.recipient', 'Field', 'email'),
};

// ---- company structure ----

let nodeId = 0;
/** A department (or team) under the company, made through the node. */
async function newNode(portal: Portal, name: string, type = 'DEPARTMENT', parentId = 1, extra: Record<string, string> = {}): Promise<number> {
	use(portal);
	const [created] = await portal.json({ resource: 'hrNode', operation: 'create', type, name, parentId, additionalFields: extra });
	return (nodeId = created.id as number);
}
const members = (id: number) => portalRef.emu.store.get('generic:humanresources.node', id)!._members;

const structureCases: Cases = {
	'hrNode.create': {
		parameters: (portal) => (use(portal), { type: 'DEPARTMENT', name: 'Marketing', parentId: 1, additionalFields: { description: 'Promotion', userIds: '{"MEMBER_HEAD": [1]}', createChat: true } }),
		request: sent('humanresources.node.add', { type: 'DEPARTMENT', name: 'Marketing', parentId: 1, description: 'Promotion', userIds: { MEMBER_HEAD: [1] }, createChat: true }),
		output: (items) =>
			expect(items).toEqual([
				expect.objectContaining({ id: numeric, name: 'Marketing', type: 'DEPARTMENT', parentId: 1, description: 'Promotion', userCount: 1, members: [expect.objectContaining({ userId: 1, name: 'Admin Portal', role: 'MEMBER_HEAD' })] }),
			]),
	},
	'hrNode.get': {
		parameters: async (portal) => ({ id: await newNode(portal, 'Sales', 'DEPARTMENT', 1, { userIds: '{"MEMBER_EMPLOYEE": [1]}' }) }),
		request: sent('humanresources.node.get', (params) => expect(params).toEqual({ id: nodeId })),
		output: (items) => expect(items).toEqual([expect.objectContaining({ id: nodeId, name: 'Sales', accessCode: `DR${nodeId}`, members: [expect.objectContaining({ userId: 1, role: 'MEMBER_EMPLOYEE' })] })]),
	},
	'hrNode.getMany': {
		parameters: async (portal) => (await newNode(portal, 'Design team', 'TEAM'), { type: 'TEAM', returnAll: true, options: { select: 'id, name, type' } }),
		request: sent('humanresources.node.list', { type: 'TEAM', select: ['id', 'name', 'type'], pagination: { limit: 200, offset: 0 } }),
		output: (items) => {
			expect(items).toContainEqual({ id: numeric, name: 'Design team', type: 'TEAM' });
			// the type filter holds for every node, and the one just created is among them
			for (const item of items) expect(item).toEqual({ id: numeric, name: expect.any(String), type: 'TEAM' });
			expect(items).toContainEqual({ id: nodeId, name: 'Design team', type: 'TEAM' });
		},
	},
	'hrNode.search': {
		parameters: async (portal) => (await newNode(portal, 'B2B Sales'), { type: 'DEPARTMENT', name: 'b2b', options: { limit: 10 } }),
		request: sent('humanresources.node.search', { type: 'DEPARTMENT', name: 'b2b', pagination: { limit: 10 } }),
		output: (items) => expect(items).toContainEqual(expect.objectContaining({ id: nodeId, name: 'B2B Sales', type: 'DEPARTMENT' })),
	},
	'hrNode.getChildren': {
		parameters: async (portal) => {
			const parent = await newNode(portal, 'Operations');
			await newNode(portal, 'Logistics', 'DEPARTMENT', parent);
			return { id: parent };
		},
		request: sent('humanresources.node.children', (params) => expect(params).toEqual({ id: expect.any(Number) })),
		output: (items) => expect(items).toEqual([expect.objectContaining({ id: nodeId, name: 'Logistics', parentId: expect.any(Number) })]),
	},
	'hrNode.update': {
		parameters: async (portal) => ({ id: await newNode(portal, 'Support'), updateFields: { name: 'Customer Support', description: 'Tickets' } }),
		request: sent('humanresources.node.edit', (params) => expect(params).toEqual({ id: nodeId, name: 'Customer Support', description: 'Tickets' })),
		output: (items) => expect(items).toEqual([expect.objectContaining({ id: nodeId, name: 'Customer Support', description: 'Tickets' })]),
	},
	'hrNode.move': {
		parameters: async (portal) => {
			const target = await newNode(portal, 'Regions');
			return { id: await newNode(portal, 'North'), parentId: target };
		},
		request: sent('humanresources.node.move', (params) => expect(params).toEqual({ id: nodeId, parentId: nodeId - 1 })),
		output: (items) => expect(items).toEqual([expect.objectContaining({ id: nodeId, name: 'North', parentId: nodeId - 1 })]),
	},
	'hrNode.getCount': {
		parameters: async (portal) => (await newNode(portal, 'QA team', 'TEAM'), {}),
		request: sent('humanresources.node.count', {}),
		output: (items) => {
			const nodes = portalRef.emu.store.all('generic:humanresources.node');
			expect(items).toEqual([{ departments: nodes.filter((n) => n.type === 'DEPARTMENT').length, teams: nodes.filter((n) => n.type === 'TEAM').length }]);
			expect(items[0].teams).toBeGreaterThan(0);
		},
	},
	'hrNode.getCommunications': {
		parameters: async (portal) => {
			const id = await newNode(portal, 'Finance');
			await portal.json({ resource: 'hrNode', operation: 'editCommunications', nodeId: id, communicationType: 'CHAT', additionalFields: { ids: '22' } });
			return { id };
		},
		request: sent('humanresources.node.communication.list', (params) => expect(params).toEqual({ id: nodeId })),
		output: (items) => expect(items).toEqual([expect.objectContaining({ chats: [expect.objectContaining({ id: 22, dialogId: 'chat22', type: 'CHAT' })], channels: [] })]),
	},
	'hrNode.editCommunications': {
		parameters: async (portal) => ({ nodeId: await newNode(portal, 'Legal'), communicationType: 'CHANNEL', additionalFields: { ids: '31, 32', withChildren: false } }),
		request: sent('humanresources.node.communication.edit', (params) => expect(params).toEqual({ nodeId, communicationType: 'CHANNEL', ids: [31, 32], withChildren: false })),
		output: (items) => {
			expect(items).toEqual([{ success: true }]);
			expect(portalRef.emu.store.get('generic:humanresources.node', nodeId)!._links).toEqual([{ id: 31, type: 'CHANNEL' }, { id: 32, type: 'CHANNEL' }]);
		},
	},
	...fieldCases('hrNode', 'humanresources.node', 'Field', 'name'),

	'hrNodeMember.add': {
		parameters: async (portal) => ({ nodeId: await newNode(portal, 'Research'), userIds: '1, 2', role: 'MEMBER_DEPUTY_HEAD' }),
		request: sent('humanresources.node.member.add', (params) => expect(params).toEqual({ nodeId, userIds: [1, 2], role: 'MEMBER_DEPUTY_HEAD' })),
		output: (items) => {
			expect(items).toEqual([{ success: true }]);
			expect(members(nodeId)).toEqual([{ userId: 1, role: 'MEMBER_DEPUTY_HEAD' }, { userId: 2, role: 'MEMBER_DEPUTY_HEAD' }]);
		},
	},
	'hrNodeMember.move': {
		parameters: async (portal) => {
			await newNode(portal, 'Old place', 'DEPARTMENT', 1, { userIds: '{"MEMBER_EMPLOYEE": [2]}' });
			return { nodeId: await newNode(portal, 'New place'), userIds: '2', options: { role: 'MEMBER_EMPLOYEE' } };
		},
		request: sent('humanresources.node.member.move', (params) => expect(params).toEqual({ nodeId, userIds: [2], role: 'MEMBER_EMPLOYEE' })),
		output: (items) => {
			expect(items).toEqual([{ success: true }]);
			expect([members(nodeId - 1), members(nodeId)]).toEqual([[], [{ userId: 2, role: 'MEMBER_EMPLOYEE' }]]);
		},
	},
	'hrNodeMember.remove': {
		parameters: async (portal) => ({ nodeId: await newNode(portal, 'Shrinking', 'DEPARTMENT', 1, { userIds: '{"MEMBER_EMPLOYEE": [1, 2]}' }), userIds: '2, 3' }),
		request: sent('humanresources.node.member.remove', (params) => expect(params).toEqual({ nodeId, userIds: [2, 3] })),
		output: (items) => expect(items).toEqual([{ removed: [2], failed: [{ userId: 3, reason: 'Not found in this node' }] }]),
	},
	'hrNodeMember.set': {
		parameters: async (portal) => ({ nodeId: await newNode(portal, 'Reset', 'DEPARTMENT', 1, { userIds: '{"MEMBER_EMPLOYEE": [3]}' }), usersByRole: '{"MEMBER_HEAD": [1], "MEMBER_EMPLOYEE": [2]}' }),
		request: sent('humanresources.node.member.set', (params) => expect(params).toEqual({ nodeId, userIds: { MEMBER_HEAD: [1], MEMBER_EMPLOYEE: [2] } })),
		output: (items) => {
			expect(items).toEqual([{ success: true }]);
			expect(members(nodeId)).toEqual([{ userId: 1, role: 'MEMBER_HEAD' }, { userId: 2, role: 'MEMBER_EMPLOYEE' }]);
		},
	},
	...fieldCases('hrNodeMember', 'humanresources.node.member', 'Field', 'role'),

	'hrEmployee.search': {
		parameters: async (portal) => ({ name: 'admin', options: { nodeId: await newNode(portal, 'Board', 'DEPARTMENT', 1, { userIds: '{"MEMBER_HEAD": [1]}' }) } }),
		request: sent('humanresources.employee.search', (params) => expect(params).toEqual({ name: 'admin', nodeId })),
		output: (items) => expect(items).toEqual([expect.objectContaining({ userId: 1, name: 'Admin Portal', workPosition: 'Administrator', departments: expect.arrayContaining([{ id: nodeId, name: 'Board' }]) })]),
	},
	'hrEmployee.getCount': {
		parameters: (portal) => (use(portal), {}),
		request: sent('humanresources.employee.count', {}),
		output: (items) => expect(items).toEqual([{ total: portalRef.emu.store.all('user').filter((u) => u.ACTIVE !== false).length }]),
	},
	'hrEmployee.getSubordinates': {
		parameters: async (portal) => (await newNode(portal, 'Headed', 'DEPARTMENT', 1, { userIds: '{"MEMBER_HEAD": [2], "MEMBER_EMPLOYEE": [3, 4]}' }), { id: 2 }),
		request: sent('humanresources.employee.subordinates', { id: 2 }),
		output: (items) => expect(items).toEqual([{ userId: 2, departments: expect.arrayContaining([{ nodeId, name: 'Headed', role: 'HEAD', subordinatesCount: 2 }]) }]),
	},
	'hrEmployee.getMultiDepartment': {
		parameters: async (portal) => {
			await newNode(portal, 'First home', 'DEPARTMENT', 1, { userIds: '{"MEMBER_EMPLOYEE": [4]}' });
			await newNode(portal, 'Second home', 'DEPARTMENT', 1, { userIds: '{"MEMBER_EMPLOYEE": [4]}' });
			return {};
		},
		request: sent('humanresources.employee.multidepartment', {}),
		output: (items) =>
			expect(items).toContainEqual(expect.objectContaining({ userId: 4, departments: expect.arrayContaining([{ id: nodeId - 1, name: 'First home' }, { id: nodeId, name: 'Second home' }]) })),
	},
	...fieldCases('hrEmployee', 'humanresources.employee', 'Field', 'userId'),
};

// ---- Knowledge Base ----

let kbId = 0;
let docId = 0;
async function newBase(portal: Portal, name: string): Promise<number> {
	use(portal);
	const [created] = await portal.json({ resource: 'knowledgeBase', operation: 'create', name });
	return (kbId = created.id as number);
}
async function newDocument(portal: Portal, title: string, markdown = `# ${title}`, parentId?: number): Promise<number> {
	const base = kbId || (await newBase(portal, 'Documents base'));
	const [created] = await portal.json({ resource: 'knowledgeBaseDocument', operation: 'create', collectionId: base, title, additionalFields: { markdown, ...(parentId ? { parentId } : {}) } });
	return (docId = created.id as number);
}
const PNG = Buffer.from('89504e470d0a1a0a', 'hex');
const png: IBinaryKeyData = { data: { data: PNG.toString('base64'), mimeType: 'image/png', fileName: 'diagram.png' } };

const knowledgeCases: Cases = {
	'knowledgeBase.create': {
		parameters: (portal) => (use(portal), { name: 'Product documentation', additionalFields: { position: 100 } }),
		request: sent('note.collection.add', { fields: { name: 'Product documentation', position: 100 } }),
		output: (items) => expect(items).toEqual([expect.objectContaining({ id: numeric, name: 'Product documentation', position: 100, createdBy: 1 })]),
	},
	'knowledgeBase.get': {
		parameters: async (portal) => ({ id: await newBase(portal, 'Handbook') }),
		request: sent('note.collection.get', (params) => expect(params).toEqual({ id: kbId })),
		output: (items) => expect(items).toEqual([expect.objectContaining({ id: kbId, name: 'Handbook' })]),
	},
	'knowledgeBase.getMany': {
		parameters: async (portal) => {
			await newBase(portal, 'Paged one');
			await newBase(portal, 'Paged two');
			return { returnAll: true };
		},
		request: sent('note.collection.list', (params) => expect(params).toEqual({ pagination: { limit: 200 } })),
		output: (items) => {
			expect(items).toEqual(expect.arrayContaining([expect.objectContaining({ id: kbId - 1, name: 'Paged one' }), expect.objectContaining({ id: kbId, name: 'Paged two' })]));
			expect(items).toHaveLength(portalRef.emu.store.all('generic:note.collection').length);
		},
	},
	'knowledgeBase.update': {
		parameters: async (portal) => ({ id: await newBase(portal, 'Draft base'), name: 'Final base' }),
		request: sent('note.collection.update', (params) => expect(params).toEqual({ id: kbId, fields: { name: 'Final base' } })),
		output: (items) => expect(items).toEqual([expect.objectContaining({ id: kbId, name: 'Final base' })]),
	},
	'knowledgeBase.delete': {
		parameters: async (portal) => ({ id: await newBase(portal, 'Temporary base') }),
		request: sent('note.collection.delete', (params) => expect(params).toEqual({ id: kbId })),
		output: (items) => {
			expect(items).toEqual([{ id: kbId, deleted: true }]);
			expect(portalRef.emu.store.get('generic:note.collection', kbId)).toBeUndefined();
		},
	},
	'knowledgeBase.archive': {
		parameters: async (portal) => ({ id: await newBase(portal, 'Old base') }),
		request: sent('note.collection.archive', (params) => expect(params).toEqual({ id: kbId })),
		output: (items) => expect(items).toEqual([{ id: kbId, archived: true }]),
	},
	...fieldCases('knowledgeBase', 'note.collection', 'Field', 'name'),

	'knowledgeBaseDocument.create': {
		parameters: async (portal) => ({ collectionId: await newBase(portal, 'Guides'), title: 'Chapter 1', additionalFields: { markdown: '# Chapter 1\n\nText' } }),
		request: sent('note.document.add', (params) => expect(params).toEqual({ fields: { collectionId: kbId, title: 'Chapter 1', markdown: '# Chapter 1\n\nText' } })),
		output: (items) => expect(items).toEqual([expect.objectContaining({ id: numeric, collectionId: kbId, title: 'Chapter 1', markdown: '# Chapter 1\n\nText' })]),
	},
	'knowledgeBaseDocument.get': {
		parameters: async (portal) => ({ id: await newDocument(portal, 'Read me') }),
		request: sent('note.document.get', (params) => expect(params).toEqual({ id: docId })),
		output: (items) => expect(items).toEqual([expect.objectContaining({ id: docId, title: 'Read me', markdown: '# Read me' })]),
	},
	'knowledgeBaseDocument.update': {
		parameters: async (portal) => ({ id: await newDocument(portal, 'Draft'), updateFields: { title: 'Published', markdown: 'New text', overwrite: true } }),
		request: sent('note.document.update', (params) => expect(params).toEqual({ id: docId, fields: { title: 'Published', markdown: 'New text' }, overwrite: true })),
		output: (items) => expect(items).toEqual([expect.objectContaining({ id: docId, title: 'Published', markdown: 'New text' })]),
	},
	'knowledgeBaseDocument.delete': {
		parameters: async (portal) => ({ id: await newDocument(portal, 'Obsolete') }),
		request: sent('note.document.delete', (params) => expect(params).toEqual({ id: docId })),
		output: (items) => {
			expect(items).toEqual([{ id: docId, deleted: true }]);
			expect(portalRef.emu.store.get('generic:note.document', docId)).toBeUndefined();
		},
	},
	'knowledgeBaseDocument.archive': {
		parameters: async (portal) => ({ id: await newDocument(portal, 'Archived page') }),
		request: sent('note.document.archive', (params) => expect(params).toEqual({ id: docId })),
		output: (items) => expect(items).toEqual([{ id: docId, archived: true }]),
	},
	'knowledgeBaseDocument.search': {
		parameters: async (portal) => (await newDocument(portal, 'Borscht recipe', 'The classic borscht needs beets'), { query: 'borscht', options: { limit: 5 } }),
		request: sent('note.document.search.list', { query: 'borscht', pagination: { limit: 5 } }),
		output: (items) => expect(items).toContainEqual(expect.objectContaining({ documentId: docId, collectionId: kbId, title: 'Borscht recipe', snippet: expect.stringContaining('<b>') })),
	},
	'knowledgeBaseDocument.getTree': {
		parameters: async (portal) => {
			await newBase(portal, 'Tree base');
			const root = await newDocument(portal, 'Introduction');
			await newDocument(portal, 'Chapter A', 'A', root);
			return { collectionId: kbId };
		},
		request: sent('note.document.tree.list', (params) => expect(params).toEqual({ collectionId: kbId })),
		output: (items) =>
			expect(items).toEqual([expect.objectContaining({ id: docId - 1, title: 'Introduction', parentId: null, children: [expect.objectContaining({ id: docId, title: 'Chapter A', parentId: docId - 1, children: [] })] })]),
	},
	...fieldCases('knowledgeBaseDocument', 'note.document', 'Field', 'title'),
	...fieldCases('knowledgeBaseDocument', 'note.document.search', 'SearchField', 'snippet'),
	...fieldCases('knowledgeBaseDocument', 'note.document.tree', 'TreeField', 'children'),

	'knowledgeBaseFile.upload': {
		parameters: async (portal) => ({ documentId: await newDocument(portal, 'With a diagram'), binaryPropertyName: 'data' }),
		binary: [png],
		request: sent('note.file.add', (params) => expect(params).toEqual({ documentId: docId, fileName: 'diagram.png', fileContent: PNG.toString('base64') })),
		output: (items) => expect(items).toEqual([{ id: numeric, documentId: docId, name: 'diagram.png', size: PNG.length, mimeType: 'image/png', assetType: 'image', assetMarkdown: expect.stringMatching(/^\[\[image fileId=\d+\]\]$/) }]),
	},
	'knowledgeBaseFile.get': {
		parameters: async (portal) => {
			const documentId = await newDocument(portal, 'With a file');
			const [file] = await portal.json({ resource: 'knowledgeBaseFile', operation: 'upload', documentId, binaryPropertyName: 'data', options: { fileName: 'notes.txt' } }, { binary: [png] });
			return { id: file.id as number, documentId };
		},
		request: sent('note.file.get', (params) => expect(params).toEqual({ id: expect.any(Number), documentId: docId })),
		output: (items) => expect(items).toEqual([expect.objectContaining({ documentId: docId, name: 'notes.txt', mimeType: 'text/plain', assetType: 'file' })]),
	},
	...fieldCases('knowledgeBaseFile', 'note.file', 'Field', 'assetMarkdown'),
};

// ---- HCM Link (classic, application context only) ----

let hcmId = 0;
const HR_FIELDS = '[{"field": "personal_number", "title": "Personnel Number", "type": "STRING", "entityType": "EMPLOYEE"}]';
async function newHcmCompany(portal: Portal, code: string): Promise<number> {
	use(portal);
	const [created] = await portal.json({ resource: 'hcmLinkCompany', operation: 'create', companyCode: code, crmCompanyId: 12, title: `${code} GmbH`, fields: HR_FIELDS }, { auth: 'oAuth2' });
	return (hcmId = Number(created.id));
}
const employees = (code: string) => `[{"employee": "${code}-e1", "person": "${code}-p1", "userId": 2, "data": {"firstName": "Klaus", "lastName": "Weber"}}]`;
const hcmBody = (code: string) => ({ company: code, crmCompanyId: 12, title: `${code} GmbH`, fields: [{ field: 'personal_number', title: 'Personnel Number', type: 'STRING', entityType: 'EMPLOYEE' }] });

const hcmLinkCases: Cases = {
	'hcmLinkCompany.create': {
		auth: 'oAuth2',
		parameters: (portal) => (use(portal), { companyCode: 'hr-001', crmCompanyId: 12, title: 'hr-001 GmbH', fields: HR_FIELDS, additionalFields: { data: '{"taxId": "1234567890"}' } }),
		request: (params) => expect(params).toEqual({ fields: { ...hcmBody('hr-001'), data: { taxId: '1234567890' } } }),
		output: (items) => expect(items).toEqual([{ id: numeric }]),
	},
	'hcmLinkCompany.getMany': {
		auth: 'oAuth2',
		parameters: async (portal) => (await newHcmCompany(portal, 'hr-list'), { returnAll: true }),
		request: (params) => expect(params).toEqual({ limit: 1000, offset: 0 }),
		output: (items) => expect(items).toContainEqual(expect.objectContaining({ id: hcmId, company: 'hr-list', crmCompanyId: 12, title: 'hr-list GmbH', fields: [expect.objectContaining({ field: 'personal_number' })] })),
	},
	'hcmLinkCompany.getMine': {
		auth: 'oAuth2',
		parameters: (portal) => {
			use(portal);
			// humanresources-hcmlink-company-user-list.md: the companies the current user works for, with the person code
			seededRows(portal, `humanresources.hcmlink.company.user`, [{ ID: 15, company: 'hr-company-001', crmCompanyId: 12, title: 'Muller GmbH', data: { taxId: '1234567890' }, person: 'person-001' }]);
			return { returnAll: false, limit: 5 };
		},
		request: (params) => expect(params).toEqual({ limit: 5, offset: 0 }),
		output: (items) => expect(items).toEqual([{ id: 15, company: 'hr-company-001', crmCompanyId: 12, title: 'Muller GmbH', data: { taxId: '1234567890' }, person: 'person-001' }]),
	},
	'hcmLinkCompany.update': {
		auth: 'oAuth2',
		parameters: async (portal) => ({ id: await newHcmCompany(portal, 'hr-old'), companyCode: 'hr-new', crmCompanyId: 12, title: 'hr-new GmbH', fields: HR_FIELDS }),
		request: (params) => expect(params).toEqual({ id: hcmId, fields: hcmBody('hr-new') }),
		output: (items) => {
			expect(items).toEqual([{ id: hcmId, updated: true }]);
			expect(portalRef.emu.store.get('generic:humanresources.hcmlink.company', hcmId)).toMatchObject({ company: 'hr-new', title: 'hr-new GmbH' });
		},
	},
	'hcmLinkCompany.delete': {
		auth: 'oAuth2',
		parameters: async (portal) => ({ id: await newHcmCompany(portal, 'hr-gone') }),
		request: (params) => expect(params).toEqual({ id: hcmId }),
		output: (items) => {
			expect(items).toEqual([{ id: hcmId, deleted: true }]);
			expect(portalRef.emu.store.get('generic:humanresources.hcmlink.company', hcmId)).toBeUndefined();
		},
	},
	'hcmLinkEmployee.getMany': {
		auth: 'oAuth2',
		parameters: async (portal) => {
			await newHcmCompany(portal, 'hr-emp');
			await portal.json({ resource: 'hcmLinkEmployee', operation: 'set', companyCode: 'hr-emp', data: employees('hr-emp') }, { auth: 'oAuth2' });
			return { companyCode: 'hr-emp', returnAll: true };
		},
		request: (params) => expect(params).toEqual({ company: 'hr-emp', limit: 1000, offset: 0 }),
		output: (items) =>
			expect(items).toEqual([expect.objectContaining({ company: 'hr-emp', person: 'hr-emp-p1', userId: 2, title: 'Klaus Weber', employees: [expect.objectContaining({ employee: 'hr-emp-e1', data: { firstName: 'Klaus', lastName: 'Weber' } })] })]),
	},
	'hcmLinkEmployee.set': {
		auth: 'oAuth2',
		parameters: async (portal) => (await newHcmCompany(portal, 'hr-set'), { companyCode: 'hr-set', data: employees('hr-set') }),
		request: (params) => expect(params).toEqual({ company: 'hr-set', data: [{ employee: 'hr-set-e1', person: 'hr-set-p1', userId: 2, data: { firstName: 'Klaus', lastName: 'Weber' } }] }),
		output: (items) => {
			expect(items).toEqual([{ company: 'hr-set', status: 'ok', errors: [] }]);
			expect(portalRef.emu.store.all('generic:humanresources.hcmlink.employee').filter((r) => r.company === 'hr-set')).toHaveLength(1);
		},
	},
	'hcmLinkEmployee.setFieldValues': {
		auth: 'oAuth2',
		parameters: async (portal) => {
			await newHcmCompany(portal, 'hr-val');
			await portal.json({ resource: 'hcmLinkEmployee', operation: 'set', companyCode: 'hr-val', data: employees('hr-val') }, { auth: 'oAuth2' });
			return { companyCode: 'hr-val', data: '[{"field": "personal_number", "employee": "hr-val-e1", "value": "A-17"}, {"field": "salary", "employee": "hr-val-e1", "value": "1"}]' };
		},
		request: (params) => expect(params).toEqual({ company: 'hr-val', data: [{ field: 'personal_number', employee: 'hr-val-e1', value: 'A-17' }, { field: 'salary', employee: 'hr-val-e1', value: '1' }] }),
		// the unknown field is refused by row, the known one kept
		output: (items) => expect(items).toEqual([{ company: 'hr-val', status: 'error', errors: ["Item #1 field 'salary' not found for company 'hr-val'"] }]),
	},
	'hcmLinkJob.getStatus': {
		auth: 'oAuth2',
		parameters: (portal) => (use(portal), { id: 5 }),
		request: (params) => expect(params).toEqual({ id: 5 }),
		output: (items) => expect(items).toEqual([{ alive: true }]),
	},
	'hcmLinkJob.update': {
		auth: 'oAuth2',
		parameters: (portal) => (use(portal), { id: 5, status: 'DONE', additionalFields: { total: 10, sent: 10 } }),
		request: (params) => expect(params).toEqual({ id: 5, fields: { status: 'DONE', total: 10, sent: 10 } }),
		output: (items) => expect(items).toEqual([{ id: 5, updated: true }]),
	},
};

export const v3FamilyCases: Cases = { ...mailCases, ...structureCases, ...knowledgeCases, ...hcmLinkCases };
