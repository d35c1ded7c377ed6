// REST 3.0 families whose answers depend on state the generic store does not keep:
// mail (api-reference/mail), the company structure (api-reference/departments, humanresources.*)
// and Knowledge Base 2.0 (api-reference/note). Records stay in the generic tables
// (generic:mail.message, generic:humanresources.node, generic:note.document …), so the generic
// get/list/update/delete of those families keep working; these handlers add what they cannot do:
// threads, sending, moving, creating things from an e-mail, recipients from the user table,
// department members and the tree, document search and tree, files, cursor pages. The classic
// humanresources.hcmlink.* (api-reference/sign/hcm-link) employees sent by employee.set are kept here too.
import type { Core, Handler, HandlerMap } from '../core';
import { p } from '../core';
import type { Rec } from '../store';
import { B24Error, CallContext } from '../types';

const isObj = (v: unknown): v is Rec => !!v && typeof v === 'object' && !Array.isArray(v);
/** The generic store keeps these families; a handler here only completes them (handlers/generic.ts). */
const wrapsGeneric = (h: Handler): Handler => Object.assign(h, { wrapsGeneric: true });
const notFound = (what: string, id: unknown) => new B24Error(400, 'ENTITY_NOT_FOUND', `${what} with identifier ${String(id)} not found`);
const invalid = (field: string, message: string) => new B24Error(400, 'BITRIX_REST_V3_EXCEPTION_VALIDATION_REQUESTVALIDATIONEXCEPTION', `${field}: ${message}`);
const ids = (v: unknown): number[] => (Array.isArray(v) ? v.map(Number) : []);
const contains = (value: unknown, query: string) => String(value ?? '').toLowerCase().includes(query.toLowerCase());

/** A stored record as the documented object: its keys, `id` from the store's ID, no internals. */
function plain(rec: Rec): Rec {
	const out: Rec = { id: Number(rec.ID) };
	for (const [k, v] of Object.entries(rec)) if (k !== 'ID' && !k.startsWith('_')) out[k] = v;
	return out;
}

function record(core: Core, table: string, id: unknown, what: string): Rec {
	const rec = Number.isInteger(Number(id)) ? core.store.get(`generic:${table}`, Number(id)) : undefined;
	if (!rec) throw notFound(what, id);
	return rec;
}

const selected = (row: Rec, select: unknown): Rec =>
	Array.isArray(select) && select.length ? Object.fromEntries(Object.entries(row).filter(([k]) => select.includes(k))) : row;

// ---- mail ----

const MESSAGE = 'mail.message';
const message = (core: Core, id: unknown) => record(core, MESSAGE, id, 'E-mail');
const stem = (subject: unknown) => String(subject ?? '').replace(/^((re|fwd?):\s*)+/i, '').trim();

/** Sending stores the e-mail, so a reply shows in its thread (mail-message-send.md answers {success, to}). */
function sendMail(ctx: CallContext, core: Core, about?: Rec): { result: Rec } {
	const to = p(ctx, 'to');
	if (!Array.isArray(to) || !to.length) throw invalid('to', 'an array of recipient addresses is required');
	core.store.insert(`generic:${MESSAGE}`, {
		mailboxId: about?.mailboxId ?? null,
		subject: p(ctx, 'subject'),
		from: p(ctx, 'from'),
		to: to.join(', '),
		cc: Array.isArray(p(ctx, 'cc')) ? (p(ctx, 'cc') as string[]).join(', ') : '',
		date: core.clock.isoDate(),
		isSeen: true,
		hasAttachments: false,
		bindings: [],
		body: p(ctx, 'body'),
	});
	return { result: { success: true, to } };
}

/** Creating something from an e-mail: the e-mail must exist; a chat is made once per e-mail. */
const fromMessage = (key: string, table: string): Handler => (ctx, core) => {
	const msg = message(core, p(ctx, 'messageId'));
	const existing = key === 'chatId' && msg._chatId !== undefined;
	if (!existing) msg[`_${key}`] = core.store.insert(`generic:${table}`, { messageId: Number(msg.ID), title: p(ctx, 'title') ?? p(ctx, 'name') ?? msg.subject }).ID;
	return { result: { success: true, [key]: msg[`_${key}`], messageId: Number(msg.ID), ...(key === 'chatId' ? { existing } : {}) } };
};

function userName(u: Rec): string {
	return [u.NAME, u.LAST_NAME].filter(Boolean).join(' ');
}

function mailHandlers(): HandlerMap {
	return {
		'mail.mailbox.senders': (_ctx, core) => {
			// each mailbox sends as its sender name and as its own name (mail-mailbox-senders.md)
			const items = core.store.all('generic:mail.mailbox').flatMap((box) =>
				[...new Set([box.senderName, box.name].filter(Boolean).map(String))].map((name) => ({ email: box.email, name, sender: `${name} <${String(box.email)}>` })),
			);
			return { result: { items } };
		},
		'mail.message.thread': (ctx, core) => {
			const msg = message(core, p(ctx, 'id'));
			const limit = Math.min(Number(p(ctx, 'limit') ?? 20) || 20, 50);
			const thread = core.store.all(`generic:${MESSAGE}`).filter((m) => stem(m.subject) === stem(msg.subject));
			return { result: thread.slice(0, limit).map((m) => ({ id: Number(m.ID), subject: m.subject, from: m.from, to: m.to, cc: m.cc ?? '', date: m.date, body: m.body })) };
		},
		'mail.message.send': wrapsGeneric((ctx, core) => sendMail(ctx, core)),
		'mail.message.reply': wrapsGeneric((ctx, core) => sendMail(ctx, core, message(core, p(ctx, 'replyToMessageId')))),
		'mail.message.forward': wrapsGeneric((ctx, core) => sendMail(ctx, core, message(core, p(ctx, 'forwardMessageId')))),
		'mail.message.movetofolder': wrapsGeneric((ctx, core) => {
			const action = String(p(ctx, 'action'));
			if (!['move', 'spam', 'delete'].includes(action)) throw invalid('action', 'move, spam or delete');
			const folder = p(ctx, 'folder');
			if (action === 'move' && !folder) throw invalid('folder', 'required for the move action');
			const moved = ids(p(ctx, 'messageIds')).map((id) => message(core, id));
			for (const m of moved) m.folder = action === 'move' ? folder : action === 'spam' ? 'Spam' : 'Trash';
			return { result: { success: true, movedCount: moved.length, action } };
		}),
		'mail.message.createcrmactivity': wrapsGeneric((ctx, core) => {
			message(core, p(ctx, 'messageId'))._crmActivity = true;
			return { result: true };
		}),
		'mail.message.removecrmactivity': wrapsGeneric((ctx, core) => {
			message(core, p(ctx, 'messageId'))._crmActivity = false;
			return { result: true };
		}),
		'mail.message.createtask': wrapsGeneric(fromMessage('taskId', 'mail.message.task')),
		'mail.message.createchat': wrapsGeneric(fromMessage('chatId', 'mail.message.chat')),
		'mail.message.createcalendarevent': wrapsGeneric(fromMessage('eventId', 'mail.message.event')),
		'mail.message.createfeedpost': wrapsGeneric(fromMessage('postId', 'mail.message.post')),
		'mail.recipient.listcontacts': (ctx, core) => {
			const query = String(p(ctx, 'query') ?? '');
			const rows = core.store.all('generic:mail.recipient').filter((r) => !query || contains(r.name, query) || contains(r.email, query));
			return { result: { items: rows.map((r) => ({ id: Number(r.ID), email: r.email, name: r.name })) } };
		},
		'mail.recipient.listemployees': (ctx, core) => {
			const query = String(p(ctx, 'query') ?? '');
			if (!query) throw invalid('query', 'at least one character');
			const users = core.store.all('user').filter((u) => u.ACTIVE !== false && (contains(userName(u), query) || contains(u.EMAIL, query)));
			return { result: { items: users.map((u) => ({ id: Number(u.ID), email: u.EMAIL, name: userName(u) })) } };
		},
	};
}

// ---- company structure ----

const NODE = 'humanresources.node';
type Member = { userId: number; role: string };

function nodes(core: Core): Rec[] {
	// the company itself is the root department every structure has
	if (!core.store.all(`generic:${NODE}`).length) core.store.insert(`generic:${NODE}`, { ID: 1, name: 'Company', type: 'DEPARTMENT', parentId: null, description: '', _members: [{ userId: 1, role: 'MEMBER_HEAD' }] });
	return core.store.all(`generic:${NODE}`);
}
const node = (core: Core, id: unknown) => {
	nodes(core);
	return record(core, NODE, id, 'Department or team');
};
const membersOf = (n: Rec): Member[] => (Array.isArray(n._members) ? (n._members as Member[]) : (n._members = []));
const HEAD_ROLES = new Set(['MEMBER_HEAD', 'MEMBER_TEAM_HEAD']);

function nodeOut(core: Core, n: Rec, withMembers = false): Rec {
	const members = membersOf(n);
	const out: Rec = {
		id: Number(n.ID),
		name: n.name,
		type: n.type,
		structureId: 1,
		parentId: n.parentId ?? null,
		description: n.description ?? '',
		accessCode: n.type === 'DEPARTMENT' ? `DR${String(n.ID)}` : `T${String(n.ID)}`,
		userCount: members.length,
		colorName: n.colorName ?? null,
		xmlId: n.xmlId ?? null,
		createdAt: n._created ?? core.clock.isoDate(),
		updatedAt: n._updated ?? n._created ?? core.clock.isoDate(),
	};
	if (withMembers) out.members = members.map((m) => memberOut(core, m));
	return out;
}

function memberOut(core: Core, m: Member): Rec {
	const u = core.store.get('user', m.userId) ?? {};
	return { userId: m.userId, name: userName(u), workPosition: u.WORK_POSITION ?? '', role: m.role, avatar: null, url: `/company/personal/user/${m.userId}/` };
}

function user(core: Core, id: number): Rec {
	const u = core.store.get('user', id);
	if (!u) throw notFound('User', id);
	return u;
}

/** `{MEMBER_HEAD: [7], MEMBER_EMPLOYEE: [12]}` as member rows; every user must exist. */
function byRole(core: Core, value: unknown): Member[] {
	if (value === undefined) return [];
	if (!isObj(value)) throw invalid('userIds', 'an object of role: [user IDs]');
	return Object.entries(value).flatMap(([role, list]) => ids(list).map((userId) => (user(core, userId), { userId, role })));
}

const defaultRole = (n: Rec) => (n.type === 'TEAM' ? 'MEMBER_TEAM_EMPLOYEE' : 'MEMBER_EMPLOYEE');
const isUnder = (core: Core, id: number, ancestor: number): boolean => {
	for (let n = core.store.get(`generic:${NODE}`, id); n; n = n.parentId ? core.store.get(`generic:${NODE}`, Number(n.parentId)) : undefined) if (Number(n.ID) === ancestor) return true;
	return false;
};

function structureHandlers(): HandlerMap {
	return {
		'humanresources.node.add': (ctx, core) => {
			const type = String(p(ctx, 'type'));
			if (!['DEPARTMENT', 'TEAM'].includes(type)) throw invalid('type', 'DEPARTMENT or TEAM');
			const parent = node(core, p(ctx, 'parentId'));
			const members = byRole(core, p(ctx, 'userIds'));
			const rec = core.store.insert(`generic:${NODE}`, { type, name: p(ctx, 'name'), parentId: Number(parent.ID), description: p(ctx, 'description') ?? '', colorName: p(ctx, 'colorName') ?? null, _members: members, _created: core.clock.isoDate() });
			if (p(ctx, 'moveUsersToNode') === true && type === 'DEPARTMENT') {
				for (const other of nodes(core)) if (other !== rec && other.type === 'DEPARTMENT') other._members = membersOf(other).filter((m) => !members.some((x) => x.userId === m.userId));
			}
			return { result: nodeOut(core, rec, true) };
		},
		'humanresources.node.get': (ctx, core) => ({ result: { item: selected(nodeOut(core, node(core, p(ctx, 'id')), true), p(ctx, 'select')) } }),
		'humanresources.node.list': (ctx, core) => ({ result: { items: nodes(core).filter((n) => n.type === p(ctx, 'type')).map((n) => selected(nodeOut(core, n), p(ctx, 'select'))) } }),
		'humanresources.node.children': (ctx, core) => {
			const parent = node(core, p(ctx, 'id'));
			return { result: { items: nodes(core).filter((n) => Number(n.parentId) === Number(parent.ID)).map((n) => selected(nodeOut(core, n), p(ctx, 'select'))) } };
		},
		'humanresources.node.search': (ctx, core) => {
			const name = String(p(ctx, 'name') ?? '');
			const under = p(ctx, 'parentId');
			const found = nodes(core).filter((n) => n.type === p(ctx, 'type') && contains(n.name, name) && (under === undefined || (Number(n.ID) !== Number(under) && isUnder(core, Number(n.ID), Number(under)))));
			return { result: { items: found.map((n) => nodeOut(core, n)) } };
		},
		'humanresources.node.edit': (ctx, core) => {
			const n = node(core, p(ctx, 'id'));
			for (const k of ['name', 'description', 'colorName']) if (p(ctx, k) !== undefined) n[k] = p(ctx, k);
			n._updated = core.clock.isoDate();
			return { result: nodeOut(core, n) };
		},
		'humanresources.node.move': (ctx, core) => {
			const n = node(core, p(ctx, 'id'));
			const parent = node(core, p(ctx, 'parentId'));
			if (isUnder(core, Number(parent.ID), Number(n.ID))) throw invalid('parentId', 'a department cannot move under itself or its own child');
			n.parentId = Number(parent.ID);
			n._updated = core.clock.isoDate();
			return { result: nodeOut(core, n) };
		},
		'humanresources.node.count': (_ctx, core) => ({ result: { departments: nodes(core).filter((n) => n.type === 'DEPARTMENT').length, teams: nodes(core).filter((n) => n.type === 'TEAM').length } }),
		'humanresources.node.communication.list': (ctx, core) => {
			const n = node(core, p(ctx, 'id'));
			const links = (Array.isArray(n._links) ? n._links : []) as Array<{ id: number; type: string }>;
			const of = (type: string) =>
				links.filter((l) => l.type === type).map((l) => ({ avatar: '', dialogId: `chat${l.id}`, hasAccess: true, id: l.id, isExtranet: false, originalNodeId: null, subtitle: '', title: `${String(n.name)} ${type.toLowerCase()}`, type }));
			return { result: { channels: of('CHANNEL'), channelsNoAccess: 0, chats: of('CHAT'), chatsNoAccess: 0, collabs: of('COLLAB'), collabsNoAccess: 0 } };
		},
		'humanresources.node.communication.edit': (ctx, core) => {
			const n = node(core, p(ctx, 'nodeId'));
			const type = String(p(ctx, 'communicationType'));
			if (!['CHAT', 'CHANNEL', 'COLLAB'].includes(type)) throw invalid('communicationType', 'CHAT, CHANNEL or COLLAB');
			const removed = new Set(ids(p(ctx, 'removeIds')));
			let links = ((Array.isArray(n._links) ? n._links : []) as Array<{ id: number; type: string }>).filter((l) => !(l.type === type && removed.has(l.id)));
			const added = ids(p(ctx, 'ids'));
			if (p(ctx, 'createDefault') === true) added.push(core.store.insert('generic:humanresources.node.communication', { type }).ID as number);
			links = [...links, ...added.filter((id) => !links.some((l) => l.type === type && l.id === id)).map((id) => ({ id, type }))];
			n._links = links;
			return { result: { success: true } };
		},
		'humanresources.node.member.add': (ctx, core) => {
			const n = node(core, p(ctx, 'nodeId'));
			const role = String(p(ctx, 'role'));
			const users = ids(p(ctx, 'userIds')).map((id) => Number(user(core, id).ID));
			// a user already there gets the new role (humanresources-node-member-add.md)
			n._members = [...membersOf(n).filter((m) => !users.includes(m.userId)), ...users.map((userId) => ({ userId, role }))];
			return { result: { success: true } };
		},
		'humanresources.node.member.move': (ctx, core) => {
			const n = node(core, p(ctx, 'nodeId'));
			const role = String(p(ctx, 'role') ?? defaultRole(n));
			const users = ids(p(ctx, 'userIds')).map((id) => Number(user(core, id).ID));
			for (const other of nodes(core)) if (other !== n && other.type === n.type) other._members = membersOf(other).filter((m) => !users.includes(m.userId));
			n._members = [...membersOf(n).filter((m) => !users.includes(m.userId)), ...users.map((userId) => ({ userId, role }))];
			return { result: { success: true } };
		},
		'humanresources.node.member.remove': (ctx, core) => {
			const n = node(core, p(ctx, 'nodeId'));
			const removed: number[] = [];
			const failed: Rec[] = [];
			for (const userId of ids(p(ctx, 'userIds'))) {
				if (membersOf(n).some((m) => m.userId === userId)) removed.push(userId);
				else failed.push({ userId, reason: 'Not found in this node' });
			}
			n._members = membersOf(n).filter((m) => !removed.includes(m.userId));
			return { result: { removed, failed } };
		},
		'humanresources.node.member.set': (ctx, core) => {
			const n = node(core, p(ctx, 'nodeId'));
			n._members = byRole(core, p(ctx, 'userIds'));
			return { result: { success: true } };
		},
		'humanresources.employee.search': (ctx, core) => {
			const name = String(p(ctx, 'name') ?? '');
			const within = p(ctx, 'nodeId');
			const all = nodes(core);
			const items = core.store
				.all('user')
				.filter((u) => u.ACTIVE !== false && contains(userName(u), name))
				.map((u) => {
					const mine = all.filter((n) => membersOf(n).some((m) => m.userId === Number(u.ID)));
					return {
						userId: Number(u.ID),
						name: userName(u),
						workPosition: u.WORK_POSITION ?? '',
						avatar: null,
						url: `/company/personal/user/${String(u.ID)}/`,
						departments: mine.filter((n) => n.type === 'DEPARTMENT').map((n) => ({ id: Number(n.ID), name: n.name })),
						teams: mine.filter((n) => n.type === 'TEAM').map((n) => ({ id: Number(n.ID), name: n.name })),
						_in: mine.map((n) => Number(n.ID)),
					};
				})
				.filter((e) => within === undefined || e._in.includes(Number(within)))
				.map(({ _in, ...e }) => (void _in, selected(e, p(ctx, 'select'))));
			return { result: { items } };
		},
		'humanresources.employee.count': (_ctx, core) => ({ result: { total: core.store.all('user').filter((u) => u.ACTIVE !== false).length } }),
		'humanresources.employee.subordinates': (ctx, core) => {
			const userId = Number(user(core, Number(p(ctx, 'id'))).ID);
			const headed = nodes(core).filter((n) => membersOf(n).some((m) => m.userId === userId && HEAD_ROLES.has(m.role)));
			return {
				result: {
					userId,
					departments: headed.map((n) => ({ nodeId: Number(n.ID), name: n.name, role: 'HEAD', subordinatesCount: membersOf(n).filter((m) => m.userId !== userId).length })),
				},
			};
		},
		'humanresources.employee.multidepartment': (_ctx, core) => {
			const departments = nodes(core).filter((n) => n.type === 'DEPARTMENT');
			const employees = core.store
				.all('user')
				.map((u) => ({ u, in: departments.filter((n) => membersOf(n).some((m) => m.userId === Number(u.ID))) }))
				.filter((e) => e.in.length > 1)
				.map(({ u, in: list }) => ({ userId: Number(u.ID), name: userName(u), workPosition: u.WORK_POSITION ?? '', departments: list.map((n) => ({ id: Number(n.ID), name: n.name })) }));
			return { result: { employees, total: employees.length } };
		},
	};
}

// ---- Knowledge Base 2.0 ----

const DOCUMENT = 'note.document';
const MIME: Record<string, string> = { png: 'image/png', jpg: 'image/jpeg', jpeg: 'image/jpeg', gif: 'image/gif', webp: 'image/webp', svg: 'image/svg+xml', pdf: 'application/pdf', txt: 'text/plain', md: 'text/markdown', csv: 'text/csv' };
const ALLOWED = new Set([...Object.keys(MIME), 'doc', 'docx', 'xls', 'xlsx', 'ppt', 'pptx', 'zip']);

const fileOut = (f: Rec): Rec => ({ id: Number(f.ID), documentId: f.documentId, name: f.name, size: f.size, mimeType: f.mimeType, assetType: f.assetType, assetMarkdown: f.assetMarkdown });

/** A document as note-document-get.md shows it (its example answer is not valid JSON, so result-shapes.json lacks it). */
function documentOut(core: Core, d: Rec): Rec {
	return {
		id: Number(d.ID),
		collectionId: Number(d.collectionId),
		parentId: d.parentId ? Number(d.parentId) : null,
		title: d.title,
		markdown: d.markdown ?? '',
		position: d.position ?? 0,
		createdBy: d._createdBy ?? 1,
		updatedBy: d._updatedBy ?? d._createdBy ?? 1,
		createdAt: d._created ?? core.clock.isoDate(),
		updatedAt: d._updated ?? d._created ?? core.clock.isoDate(),
	};
}

function noteHandlers(): HandlerMap {
	return {
		'note.document.add': wrapsGeneric((ctx, core) => {
			const fields = isObj(p(ctx, 'fields')) ? (p(ctx, 'fields') as Rec) : {};
			for (const k of ['collectionId', 'title']) if (fields[k] === undefined || fields[k] === '') throw invalid(`fields.${k}`, 'required');
			const collection = record(core, 'note.collection', fields.collectionId, 'Knowledge base');
			const parent = fields.parentId ? record(core, DOCUMENT, fields.parentId, 'Document') : undefined;
			if (parent && Number(parent.collectionId) !== Number(collection.ID)) throw invalid('fields.parentId', 'the parent document is in another knowledge base');
			const siblings = core.store.all(`generic:${DOCUMENT}`).filter((d) => Number(d.collectionId) === Number(collection.ID) && (d.parentId ?? null) === (fields.parentId ?? null));
			const rec = core.store.insert(`generic:${DOCUMENT}`, {
				collectionId: Number(collection.ID),
				parentId: fields.parentId ?? null,
				title: fields.title,
				markdown: fields.markdown ?? '',
				position: siblings.length + 1,
				_createdBy: ctx.caller.userId,
				_created: core.clock.isoDate(),
			});
			return { result: { item: documentOut(core, rec) } };
		}),
		'note.document.get': wrapsGeneric((ctx, core) => ({ result: { item: documentOut(core, record(core, DOCUMENT, p(ctx, 'id'), 'Document')) } })),
		// pages by cursor: afterCursor {position, id} of the last row, nextCursor null after the last page
		'note.collection.list': wrapsGeneric((ctx, core) => {
			const rows = core.store.all('generic:note.collection').map(plain).sort((a, b) => Number(a.position ?? 0) - Number(b.position ?? 0) || Number(a.id) - Number(b.id));
			const pagination = isObj(ctx.params.pagination) ? ctx.params.pagination : {};
			const after = isObj(pagination.afterCursor) ? pagination.afterCursor : undefined;
			const from = after ? rows.findIndex((r) => Number(r.id) === Number(after.id)) + 1 : 0;
			const limit = Math.min(Math.max(Number(pagination.limit ?? 50) || 50, 1), 200);
			const items = rows.slice(from, from + limit);
			const last = items[items.length - 1];
			return { result: { items, nextCursor: from + limit < rows.length && last ? { position: last.position ?? 0, id: last.id } : null } };
		}),
		'note.document.search.list': (ctx, core) => {
			const query = String(p(ctx, 'query') ?? '').trim();
			if (query.length < 3 || query.length > 200) throw invalid('query', '3 to 200 characters');
			const found = core.store.all(`generic:${DOCUMENT}`).filter((d) => contains(d.title, query) || contains(d.markdown, query));
			const items = found.map((d) => {
				const text = String(d.markdown ?? d.title ?? '');
				const at = text.toLowerCase().indexOf(query.toLowerCase());
				const snippet = at < 0 ? text.slice(0, 80) : `…${text.slice(Math.max(0, at - 30), at)}<b>${text.slice(at, at + query.length)}</b>${text.slice(at + query.length, at + query.length + 30)}…`;
				return { documentId: Number(d.ID), collectionId: d.collectionId ?? null, title: d.title, score: contains(d.title, query) ? 0.9 : 0.5, snippet, sharedAccess: false };
			});
			const pagination = isObj(ctx.params.pagination) ? ctx.params.pagination : {};
			const limit = Math.min(Math.max(Number(pagination.limit ?? 50) || 50, 1), 200);
			return { result: { items: items.slice(0, limit), hasMore: items.length > limit } };
		},
		'note.document.tree.list': (ctx, core) => {
			const collection = record(core, 'note.collection', p(ctx, 'collectionId'), 'Knowledge base');
			const docs = core.store.all(`generic:${DOCUMENT}`).filter((d) => Number(d.collectionId) === Number(collection.ID));
			const branch = (parent: number | null): Rec[] =>
				docs
					.filter((d) => (d.parentId ? Number(d.parentId) : null) === parent)
					.map((d) => ({ id: Number(d.ID), collectionId: Number(collection.ID), parentId: parent, title: d.title, position: d.position ?? 0, children: branch(Number(d.ID)) }));
			return { result: { items: branch(null), truncated: false } };
		},
		'note.file.add': (ctx, core) => {
			const doc = record(core, DOCUMENT, p(ctx, 'documentId'), 'Document');
			const name = String(p(ctx, 'fileName') ?? '');
			const ext = (/\.([a-z0-9]+)$/i.exec(name)?.[1] ?? '').toLowerCase();
			if (!ALLOWED.has(ext)) throw invalid('fileName', `extension "${ext}" is not allowed`);
			const content = String(p(ctx, 'fileContent') ?? '');
			if (!/^[A-Za-z0-9+/=\s]+$/.test(content)) throw invalid('fileContent', 'Base64 expected');
			const assetType = MIME[ext]?.startsWith('image/') ? 'image' : 'file';
			const rec = core.store.insert('generic:note.file', { documentId: Number(doc.ID), name, size: Buffer.from(content, 'base64').length, mimeType: MIME[ext] ?? 'application/octet-stream', assetType });
			rec.assetMarkdown = `[[${assetType} fileId=${String(rec.ID)}]]`;
			return { result: { item: fileOut(rec) } };
		},
		'note.file.get': (ctx, core) => {
			const file = core.store.get('generic:note.file', Number(p(ctx, 'id')));
			if (!file || Number(file.documentId) !== Number(p(ctx, 'documentId'))) throw new B24Error(400, 'ENTITY_NOT_FOUND', 'File not found.');
			return { result: { item: fileOut(file) } };
		},
	};
}

// ---- HCM Link (classic) ----

const HCM = 'humanresources.hcmlink';
/** A linked company by its HR system code (or, for field.value.set, its CRM company ID). */
const hcmCompany = (core: Core, code: unknown, orCrmId = false): Rec | undefined =>
	core.store.all(`generic:${HCM}.company`).find((c) => String(c.company) === String(code) || (orCrmId && String(c.crmCompanyId) === String(code)));
// the page lists no error for an unknown company: it is reported like the other row errors
const noCompany = (code: unknown) => `Company '${String(code)}' not found`;
/** The documented answer: `{status, errors}` with the messages of the rows that failed (HTTP 200). */
const outcome = (errors: string[]) => ({ result: { status: errors.length ? 'error' : 'ok', errors } });
const dataRows = (ctx: CallContext): Rec[] | undefined => {
	const data = p(ctx, 'data');
	return Array.isArray(data) && data.length ? (data as Rec[]) : undefined;
};
const EMPTY_DATA = "Parameter 'data' must be a non empty array ";

function hcmLinkHandlers(): HandlerMap {
	return {
		// employees are grouped by person (humanresources-hcmlink-employee-list.md)
		'humanresources.hcmlink.employee.set': wrapsGeneric((ctx, core) => {
			const company = hcmCompany(core, p(ctx, 'company'));
			if (!company) return outcome([noCompany(p(ctx, 'company'))]);
			const data = dataRows(ctx);
			if (!data) return outcome([EMPTY_DATA]);
			const errors: string[] = [];
			for (const [i, row] of data.entries()) {
				if (!row.employee || !row.person || !isObj(row.data) || !Object.values(row.data).some((v) => v !== '' && v !== null && v !== undefined)) {
					errors.push(`Item #${i} should have not empty 'employee', 'person', 'data'`);
					continue;
				}
				const table = `generic:${HCM}.employee`;
				let person = core.store.all(table).find((r) => r.company === company.company && r.person === row.person);
				person ??= core.store.insert(table, { company: company.company, person: row.person, employees: [], _scope: { company: company.company }, _created: core.clock.isoDate() });
				const fields = row.data as Rec;
				person.userId = row.userId ?? person.userId ?? null;
				person.title = [fields.firstName, fields.lastName].filter(Boolean).join(' ') || person.title || '';
				person.updatedAt = core.clock.isoDate();
				const employees = (person.employees as Rec[]).filter((e) => e.employee !== row.employee);
				person.employees = [...employees, { id: Number(person.ID) * 100 + employees.length + 1, employee: row.employee, data: fields, createdAt: core.clock.isoDate() }];
			}
			return outcome(errors);
		}),
		'humanresources.hcmlink.field.value.set': wrapsGeneric((ctx, core) => {
			const company = hcmCompany(core, p(ctx, 'company'), true);
			if (!company) return outcome([noCompany(p(ctx, 'company'))]);
			const data = dataRows(ctx);
			if (!data) return outcome([EMPTY_DATA]);
			const fields = new Set(((company.fields ?? []) as Rec[]).map((f) => String(f.field)));
			const employees = new Set(core.store.all(`generic:${HCM}.employee`).filter((r) => r.company === company.company).flatMap((r) => (r.employees as Rec[]).map((e) => String(e.employee))));
			const errors: string[] = [];
			for (const [i, row] of data.entries()) {
				if (!fields.has(String(row.field))) errors.push(`Item #${i} field '${String(row.field)}' not found for company '${String(company.company)}'`);
				else if (!employees.has(String(row.employee))) errors.push(`Item #${i} employee '${String(row.employee)}' not found for company '${String(company.company)}'`);
				else core.store.insert(`generic:${HCM}.field.value`, { company: company.company, field: row.field, employee: row.employee, value: row.value });
			}
			return outcome(errors);
		}),
	};
}

export function v3FamilyHandlers(): HandlerMap {
	return { ...mailHandlers(), ...structureHandlers(), ...noteHandlers(), ...hcmLinkHandlers() };
}
