import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { getConnection } from './transport/connection';

/** What a portal page URL names. */
interface PageRef {
	/** `crm` (with entityTypeId), `task`, `user`, `workgroup`, `dialog`, `file`. */
	what: string;
	id: string;
	entityTypeId?: number;
}

/** Legacy CRM detail pages and their entity types (1 lead, 2 deal, 3 contact, 4 company, 7 quote). */
const CRM_PAGES: Record<string, number> = { lead: 1, deal: 2, contact: 3, company: 4, quote: 7 };
const CRM_NOUNS: Record<number, string> = { 1: 'lead', 2: 'deal', 3: 'contact', 4: 'company', 7: 'quote', 31: 'invoice' };

/**
 * Recognises the portal's own page addresses (the forms Bitrix24 shows in its address bar and in the
 * REST docs' examples): CRM detail pages, tasks, user profiles, workgroups, chats, Drive files.
 */
export function parsePage(url: URL): PageRef | undefined {
	const path = url.pathname.replace(/\/+$/, '') + '/';
	let m = /^\/crm\/(lead|deal|contact|company|quote)\/(?:details|show)\/(\d+)\/$/i.exec(path);
	if (m) return { what: 'crm', entityTypeId: CRM_PAGES[m[1].toLowerCase()], id: m[2] };
	m = /^\/crm\/type\/(\d+)\/details\/(\d+)\/$/i.exec(path);
	if (m) return { what: 'crm', entityTypeId: Number(m[1]), id: m[2] };
	m = /^\/(?:company\/personal\/user\/\d+|workgroups\/group\/\d+)\/tasks\/task\/(?:view|edit)\/(\d+)\/$/i.exec(path);
	if (m) return { what: 'task', id: m[1] };
	m = /^\/company\/personal\/user\/(\d+)\/$/i.exec(path);
	if (m) return { what: 'user', id: m[1] };
	m = /^\/workgroups\/group\/(\d+)\/$/i.exec(path);
	if (m) return { what: 'workgroup', id: m[1] };
	m = /^\/disk\/(?:showFile|downloadFile)\/(\d+)\/$/i.exec(path);
	if (m) return { what: 'file', id: m[1] };
	const dialog = url.searchParams.get('IM_DIALOG');
	if (/^\/online\/$/i.test(path) && dialog && /^(chat\d+|\d+)$/i.test(dialog)) return { what: 'dialog', id: dialog.toLowerCase() };
	return undefined;
}

const describePage = (page: PageRef) =>
	page.what === 'crm' ? (CRM_NOUNS[page.entityTypeId!] ?? `CRM item of entity type ${page.entityTypeId}`) : page.what === 'dialog' ? 'chat' : page.what;

/** One kind of record a user names: how it is listed, validated and read from a URL. */
export interface LocatorKind {
	/** The record in words, e.g. "deal". */
	noun: string;
	/** The listSearch method behind "From List" (methods/listSearch.ts). */
	search: string;
	/** Valid IDs, and an example for the error. */
	id: RegExp;
	idExample: string;
	/** The ID a page URL names, when it names this kind of record; absent when the kind has no page. */
	fromPage?: (page: PageRef, entityTypeId?: number) => string | undefined;
	/** A page URL example, shown as the URL mode's placeholder. */
	urlExample?: string;
}

const NUMBER = /^\d+$/;

const crm = (entityTypeId: number | 'param', noun: string, urlExample: string, search: string): LocatorKind => ({
	noun,
	search,
	id: NUMBER,
	idExample: '123',
	fromPage: (page, fromParam) =>
		page.what === 'crm' && page.entityTypeId === (entityTypeId === 'param' ? fromParam : entityTypeId) ? page.id : undefined,
	urlExample,
});

/** Chat pages name a dialog (`chat12` or a user ID); numeric chat inputs take only group chats. */
const chatFromPage = (page: PageRef) => (page.what === 'dialog' && page.id.startsWith('chat') ? page.id.slice(4) : undefined);

export const LOCATORS = {
	lead: crm(1, 'lead', 'https://your-company.bitrix24.com/crm/lead/details/123/', 'searchLeads'),
	deal: crm(2, 'deal', 'https://your-company.bitrix24.com/crm/deal/details/123/', 'searchDeals'),
	contact: crm(3, 'contact', 'https://your-company.bitrix24.com/crm/contact/details/123/', 'searchContacts'),
	company: crm(4, 'company', 'https://your-company.bitrix24.com/crm/company/details/123/', 'searchCompanies'),
	quote: crm(7, 'quote', 'https://your-company.bitrix24.com/crm/type/7/details/123/', 'searchQuotes'),
	crmItem: crm('param', 'CRM item', 'https://your-company.bitrix24.com/crm/type/128/details/9/', 'searchCrmItems'),
	invoice: crm(31, 'invoice', 'https://your-company.bitrix24.com/crm/type/31/details/9/', 'searchInvoices'),
	task: {
		noun: 'task',
		search: 'searchTasks',
		id: NUMBER,
		idExample: '42',
		fromPage: (page) => (page.what === 'task' ? page.id : undefined),
		urlExample: 'https://your-company.bitrix24.com/company/personal/user/1/tasks/task/view/42/',
	},
	user: {
		noun: 'user',
		search: 'searchUsers',
		id: NUMBER,
		idExample: '5',
		fromPage: (page) => (page.what === 'user' ? page.id : undefined),
		urlExample: 'https://your-company.bitrix24.com/company/personal/user/5/',
	},
	workgroup: {
		noun: 'workgroup',
		search: 'searchWorkgroups',
		id: NUMBER,
		idExample: '7',
		fromPage: (page) => (page.what === 'workgroup' ? page.id : undefined),
		urlExample: 'https://your-company.bitrix24.com/workgroups/group/7/',
	},
	dialog: {
		noun: 'dialog',
		search: 'searchDialogs',
		id: /^(chat\d+|sg\d+|\d+)$/,
		idExample: 'chat12 (a group chat), sg7 (a workgroup chat) or 5 (a private dialog with user 5)',
		fromPage: (page) => (page.what === 'dialog' ? page.id : undefined),
		urlExample: 'https://your-company.bitrix24.com/online/?IM_DIALOG=chat12',
	},
	chat: {
		noun: 'chat',
		search: 'searchChats',
		id: NUMBER,
		idExample: '12',
		fromPage: chatFromPage,
		urlExample: 'https://your-company.bitrix24.com/online/?IM_DIALOG=chat12',
	},
	openLineChat: {
		noun: 'Open Lines chat',
		search: 'searchOpenLineChats',
		id: NUMBER,
		idExample: '12',
		fromPage: chatFromPage,
		urlExample: 'https://your-company.bitrix24.com/online/?IM_DIALOG=chat12',
	},
	openLineSession: { noun: 'Open Lines session', search: 'searchOpenLineSessions', id: NUMBER, idExample: '1542' },
	file: {
		noun: 'file',
		search: 'searchFiles',
		id: NUMBER,
		idExample: '8',
		fromPage: (page) => (page.what === 'file' ? page.id : undefined),
		urlExample: 'https://your-company.bitrix24.com/disk/showFile/8/',
	},
	folder: { noun: 'folder', search: 'searchFolders', id: NUMBER, idExample: '4' },
	calendarEvent: { noun: 'calendar event', search: 'searchCalendarEvents', id: NUMBER, idExample: '42' },
	listElement: { noun: 'list element', search: 'searchListElements', id: NUMBER, idExample: '17' },
} satisfies Record<string, LocatorKind>;

export type LocatorName = keyof typeof LOCATORS;

/** In version 2 a locator is saved under its kind's name (`deal`, `task`...), not the v1 string's name. */
export const locatorParameter = (spec: { name: string; locator?: LocatorName }, version: number) =>
	spec.locator && version >= 2 ? spec.locator : spec.name;

/** The input's name in the editor: a locator names the record ("Deal"), the v1 text input its ID ("Deal ID"). */
export const locatorLabel = (spec: { label: string; locator?: LocatorName }, version: number) =>
	spec.locator && version >= 2 ? spec.label.replace(/ ID$/, '') : spec.label;

/** The version-2 property: From List, By URL (where the record has a page) and By ID. */
export function locatorProperty(kind: LocatorName, base: { displayName: string; description?: string; required?: boolean }): INodeProperties {
	const spec: LocatorKind = LOCATORS[kind];
	return {
		displayName: base.displayName,
		name: kind,
		type: 'resourceLocator',
		default: { mode: 'list', value: '' },
		required: base.required,
		description: base.description,
		modes: [
			{
				displayName: 'From List',
				name: 'list',
				type: 'list',
				placeholder: `Select a ${spec.noun}...`,
				typeOptions: { searchListMethod: spec.search, searchable: true },
			},
			...(spec.urlExample
				? [
						{
							displayName: 'By URL',
							name: 'url',
							type: 'string' as const,
							placeholder: `e.g. ${spec.urlExample}`,
							validation: [
								{
									type: 'regex',
									properties: { regex: '^https?://.+', errorMessage: `Enter the address of a ${spec.noun}'s page on your portal` },
								},
							],
						},
					]
				: []),
			{
				displayName: 'By ID',
				name: 'id',
				type: 'string',
				placeholder: `e.g. ${spec.idExample.split(' ')[0]}`,
				validation: [
					{ type: 'regex', properties: { regex: spec.id.source, errorMessage: `Enter a ${spec.noun} ID, e.g. ${spec.idExample}` } },
				],
			},
		],
	};
}

function fail(ctx: IExecuteFunctions, label: string, itemIndex: number, message: string, description: string): never {
	throw new NodeOperationError(ctx.getNode(), `${label}: ${message} [item ${itemIndex}]`, { itemIndex, description });
}

/**
 * The record ID a locator value names: a plain string (saved by version 1 or typed as an expression),
 * or n8n's `{ __rl, mode, value }`. IDs are validated; URLs (in any mode, so an expression that
 * resolves to a link works too) must be a page of this credential's portal naming this kind of record.
 */
export async function resolveLocator(
	ctx: IExecuteFunctions,
	kind: LocatorName,
	label: string,
	raw: unknown,
	itemIndex: number,
	entityTypeId?: number,
): Promise<string | undefined> {
	const spec: LocatorKind = LOCATORS[kind];
	const value = String(raw && typeof raw === 'object' ? ((raw as { value?: unknown }).value ?? '') : (raw ?? '')).trim();
	if (value === '') return undefined;
	const mode = raw && typeof raw === 'object' ? (raw as { mode?: string }).mode : undefined;
	const pick = `Pick the ${spec.noun} From List, or enter its ID (e.g. ${spec.idExample})${spec.urlExample ? ` or the address of its page (e.g. ${spec.urlExample})` : ''}.`;
	if (mode === 'url' || /^https?:\/\//i.test(value)) {
		let url: URL;
		try {
			url = new URL(value);
		} catch {
			return fail(ctx, label, itemIndex, `"${value}" is not a URL`, pick);
		}
		if (!spec.fromPage) return fail(ctx, label, itemIndex, `a ${spec.noun} has no page URL to read its ID from`, pick);
		const portal = (await getConnection(ctx)).portalKey.toLowerCase();
		if (url.host.toLowerCase() !== portal) {
			return fail(ctx, label, itemIndex, `the URL is on ${url.host}, not on this credential's portal (${portal})`, `Open the ${spec.noun} on ${portal} and copy that address, or use a credential of ${url.host}.`);
		}
		const page = parsePage(url);
		if (!page) return fail(ctx, label, itemIndex, `the URL is not the page of a ${spec.noun}`, pick);
		const id = spec.fromPage(page, entityTypeId);
		if (id === undefined) {
			return fail(ctx, label, itemIndex, `the URL is the page of a ${describePage(page)}, not of a ${spec.noun}${entityTypeId !== undefined && page.what === 'crm' ? ` of entity type ${entityTypeId}` : ''}`, pick);
		}
		return id;
	}
	if (!spec.id.test(value)) return fail(ctx, label, itemIndex, `"${value}" is not a valid ${spec.noun} ID`, pick);
	return value;
}
