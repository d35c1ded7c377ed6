import type { IDataObject, ILoadOptionsFunctions, INodeListSearchItems, INodeListSearchResult } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { getConnection } from '../transport/connection';
import { callMethod } from '../transport/request';

type Search = (this: ILoadOptionsFunctions, filter?: string, paginationToken?: string) => Promise<INodeListSearchResult>;

const text = (value: unknown) => (value === undefined || value === null ? '' : String(value));
const nameOf = (...parts: unknown[]) => parts.map(text).filter(Boolean).join(' ');

/** The portal's address for links to records' pages (the REST base without `rest/`). */
async function portalBase(ctx: ILoadOptionsFunctions): Promise<string> {
	return (await getConnection(ctx)).restBase.replace(/rest\/$/, '');
}

function rowsOf(result: unknown, path?: string): IDataObject[] {
	const rows = path ? (result as IDataObject | undefined)?.[path] : result;
	if (Array.isArray(rows)) return rows as IDataObject[];
	return rows && typeof rows === 'object' ? (Object.values(rows) as IDataObject[]) : [];
}

/**
 * One page of a `start`-paged list per call (50 rows, Bitrix24's page): the editor asks for the next
 * page with the token, which is the `next` Bitrix24 answered, so a list of any size stays browsable.
 */
async function startPage(
	ctx: ILoadOptionsFunctions,
	method: string,
	params: IDataObject,
	token: string | undefined,
	toItem: (row: IDataObject) => INodeListSearchItems,
	path?: string,
	startKey = 'start',
): Promise<INodeListSearchResult> {
	const envelope = await callMethod(ctx, method, { ...params, [startKey]: Number(token) || 0 }, { idempotent: true });
	return { results: rowsOf(envelope.result, path).map(toItem), paginationToken: envelope.next };
}

/** Legacy CRM lists (crm.lead|deal|contact|company.list), newest first, searched by title or last name. */
const legacyCrm =
	(entity: string, searchField: string, select: string[], label: (row: IDataObject) => string): Search =>
	async function (this: ILoadOptionsFunctions, filter, token) {
		const base = await portalBase(this);
		return await startPage(
			this,
			`crm.${entity}.list`,
			{ filter: filter ? { [`%${searchField}`]: filter } : {}, order: { ID: 'DESC' }, select: ['ID', ...select] },
			token,
			(row) => ({ name: label(row) || `#${text(row.ID)}`, value: text(row.ID), url: `${base}crm/${entity}/details/${text(row.ID)}/` }),
		);
	};

/** crm.item.list of one entity type: smart processes, invoices (31) and quotes (7), searched by title. */
async function crmItems(ctx: ILoadOptionsFunctions, entityTypeId: number, filter: string | undefined, token: string | undefined) {
	const base = await portalBase(ctx);
	return await startPage(
		ctx,
		'crm.item.list',
		{ entityTypeId, filter: filter ? { '%title': filter } : {}, order: { id: 'DESC' }, select: ['id', 'title'] },
		token,
		(row) => ({ name: text(row.title) || `#${text(row.id)}`, value: text(row.id), url: `${base}crm/type/${entityTypeId}/details/${text(row.id)}/` }),
		'items',
	);
}

/** A parameter of the node as the editor currently holds it (a locator's list depends on it). */
function current(ctx: ILoadOptionsFunctions, name: string): unknown {
	try {
		return ctx.getCurrentNodeParameter(name);
	} catch {
		return undefined;
	}
}

/** Open Lines chats found by name (im.search.chat.list with FIND_LINES; the docs ask for 2+ characters). */
async function openLineChats(ctx: ILoadOptionsFunctions, filter: string | undefined, token: string | undefined): Promise<{ rows: IDataObject[]; next?: unknown }> {
	if (!filter || filter.length < 2) return { rows: [] };
	const envelope = await callMethod(ctx, 'im.search.chat.list', { FIND_LINES: filter, OFFSET: Number(token) || 0, LIMIT: 50 }, { idempotent: true });
	return { rows: rowsOf(envelope.result), next: envelope.next };
}

/** Group chats found by name: im.search.chat.list (FIND, at least 2 characters; OFFSET/LIMIT pages of 50). */
async function chats(ctx: ILoadOptionsFunctions, filter: string | undefined, token: string | undefined, value: (row: IDataObject) => string): Promise<INodeListSearchResult> {
	if (!filter || filter.length < 2) return { results: [] };
	const envelope = await callMethod(ctx, 'im.search.chat.list', { FIND: filter, OFFSET: Number(token) || 0, LIMIT: 50 }, { idempotent: true });
	return { results: rowsOf(envelope.result).map((row) => ({ name: text(row.name) || `chat${text(row.id)}`, value: value(row) })), paginationToken: envelope.next };
}

export const locatorSearch: Record<string, Search> = {
	searchLeads: legacyCrm('lead', 'TITLE', ['TITLE'], (row) => text(row.TITLE)),
	searchDeals: legacyCrm('deal', 'TITLE', ['TITLE'], (row) => text(row.TITLE)),
	searchContacts: legacyCrm('contact', 'LAST_NAME', ['NAME', 'LAST_NAME'], (row) => nameOf(row.NAME, row.LAST_NAME)),
	searchCompanies: legacyCrm('company', 'TITLE', ['TITLE'], (row) => text(row.TITLE)),

	async searchQuotes(filter, token) {
		return await crmItems(this, 7, filter, token);
	},

	async searchInvoices(filter, token) {
		return await crmItems(this, 31, filter, token);
	},

	/** Items of the entity type the operation is set to. */
	async searchCrmItems(filter, token) {
		const entityTypeId = Number(current(this, 'entityTypeId'));
		if (!(entityTypeId > 0)) {
			throw new NodeOperationError(this.getNode(), 'Set Entity Type ID first', {
				description: 'The list shows the items of one entity type: enter the Entity Type ID (e.g. 128 for a smart process, 31 for invoices).',
			});
		}
		return await crmItems(this, entityTypeId, filter, token);
	},

	/** tasks.task.list: TITLE takes a LIKE pattern (tasks-task-list.md). */
	async searchTasks(filter, token) {
		const base = await portalBase(this);
		return await startPage(
			this,
			'tasks.task.list',
			{ filter: filter ? { TITLE: `%${filter}%` } : {}, order: { ID: 'DESC' }, select: ['ID', 'TITLE', 'RESPONSIBLE_ID'] },
			token,
			(row) => ({
				name: text(row.title) || `#${text(row.id)}`,
				value: text(row.id),
				url: `${base}company/personal/user/${text(row.responsibleId) || '0'}/tasks/task/view/${text(row.id)}/`,
			}),
			'tasks',
		);
	},

	/** Every active user page by page; a search goes through user.search's FIND (name, position, department). */
	async searchUsers(filter, token) {
		const base = await portalBase(this);
		const toItem = (row: IDataObject) => ({
			name: nameOf(row.NAME, row.LAST_NAME) || text(row.EMAIL) || `#${text(row.ID)}`,
			value: text(row.ID),
			url: `${base}company/personal/user/${text(row.ID)}/`,
		});
		return filter
			? await startPage(this, 'user.search', { FILTER: { FIND: filter } }, token, toItem)
			: await startPage(this, 'user.get', { FILTER: { ACTIVE: true }, sort: 'ID', order: 'ASC' }, token, toItem);
	},

	async searchWorkgroups(filter, token) {
		const base = await portalBase(this);
		return await startPage(
			this,
			'sonet_group.get',
			{ FILTER: filter ? { '%NAME': filter } : {}, ORDER: { NAME: 'ASC' } },
			token,
			(row) => ({ name: text(row.NAME) || `#${text(row.ID)}`, value: text(row.ID), url: `${base}workgroups/group/${text(row.ID)}/` }),
		);
	},

	/** Dialogs are chats (`chat12`); a private dialog is the other user's ID, found with Users. */
	async searchDialogs(filter, token) {
		return await chats(this, filter, token, (row) => `chat${text(row.id)}`);
	},

	async searchChats(filter, token) {
		return await chats(this, filter, token, (row) => text(row.id));
	},

	async searchOpenLineChats(filter, token) {
		const { rows, next } = await openLineChats(this, filter, token);
		return { results: rows.map((row) => ({ name: text(row.name) || `chat${text(row.id)}`, value: text(row.id) })), paginationToken: next };
	},

	/** An Open Lines chat's current session is the sixth part of its entity_data_1 (imopenlines chats). */
	async searchOpenLineSessions(filter, token) {
		const { rows, next } = await openLineChats(this, filter, token);
		const results = rows
			.map((row) => ({ row, session: text(row.entity_data_1).split('|')[5] }))
			.filter(({ session }) => /^\d+$/.test(session) && session !== '0')
			.map(({ row, session }) => ({ name: `${text(row.name) || `chat${text(row.id)}`} (session ${session})`, value: session }));
		return { results, paginationToken: next };
	},

	/** Drive objects of the folder chosen in the storage root; searched by name (disk.folder.getchildren filter). */
	async searchFiles(filter, token) {
		return await driveObjects(this, 'file', filter, token);
	},

	async searchFolders(filter, token) {
		return await driveObjects(this, 'folder', filter, token);
	},

	/**
	 * calendar.event.get has no name filter and no paging: the events of the calendar the operation
	 * names (or the current user's) in the documented default period, searched and paged here.
	 */
	async searchCalendarEvents(filter, token) {
		const type = text(current(this, 'type')) || 'user';
		let ownerId = Number(current(this, 'ownerId'));
		if (!(ownerId > 0) && type === 'user') ownerId = Number(((await callMethod(this, 'user.current', {}, { idempotent: true })).result as IDataObject).ID);
		const envelope = await callMethod(this, 'calendar.event.get', { type, ownerId }, { idempotent: true });
		const needle = (filter ?? '').toLowerCase();
		const rows = rowsOf(envelope.result).filter((row) => text(row.NAME).toLowerCase().includes(needle));
		const start = Number(token) || 0;
		return {
			results: rows.slice(start, start + 50).map((row) => ({ name: `${text(row.NAME) || `#${text(row.ID)}`}${row.DATE_FROM ? ` (${text(row.DATE_FROM)})` : ''}`, value: text(row.ID) })),
			paginationToken: start + 50 < rows.length ? String(start + 50) : undefined,
		};
	},

	/** Elements of the list the operation names (List Type and List ID), searched by name. */
	async searchListElements(filter, token) {
		const typeId = text(current(this, 'IBLOCK_TYPE_ID')) || 'lists';
		const listId = text(current(this, 'IBLOCK_ID'));
		if (!listId) {
			throw new NodeOperationError(this.getNode(), 'Set List ID first', { description: 'The list shows the elements of one list: enter its List ID.' });
		}
		return await startPage(
			this,
			'lists.element.get',
			{ IBLOCK_TYPE_ID: typeId, IBLOCK_ID: listId, FILTER: filter ? { '%NAME': filter } : {}, ELEMENT_ORDER: { ID: 'DESC' } },
			token,
			(row) => ({ name: text(row.NAME) || `#${text(row.ID)}`, value: text(row.ID) }),
		);
	},
};

/**
 * Drive has no search across storages: the list shows the files or folders in the root of the
 * current user's storage (disk.storage.getforapp is for applications only), searched by name.
 */
async function driveObjects(ctx: ILoadOptionsFunctions, type: 'file' | 'folder', filter: string | undefined, token: string | undefined): Promise<INodeListSearchResult> {
	const user = (await callMethod(ctx, 'user.current', {}, { idempotent: true })).result as IDataObject;
	const storages = rowsOf((await callMethod(ctx, 'disk.storage.getlist', { filter: { ENTITY_TYPE: 'user', ENTITY_ID: user.ID } }, { idempotent: true })).result);
	const storage = storages[0];
	if (!storage) return { results: [] };
	return await startPage(
		ctx,
		'disk.storage.getchildren',
		{ id: storage.ID, filter: { TYPE: type, ...(filter ? { '%NAME': filter } : {}) } },
		token,
		(row) => ({ name: text(row.NAME) || `#${text(row.ID)}`, value: text(row.ID), url: text(row.DETAIL_URL) || undefined }),
	);
}
