// The documented method catalog. catalog/documented.json (tools/derive-catalog.js, from the
// documented method index) is the base and holds every documented method; methods.json,
// methods-extra.json and methods-handled.json are overlays of hand-checked facts (paging
// styles, fixed values, notes, kinds) for the methods the emulator answers with state.
import * as fs from 'fs';
import * as path from 'path';
import { B24Error, Params } from './types';

export interface CatalogEntry {
	method: string;
	kind: 'create' | 'get' | 'getAll' | 'update' | 'delete' | 'action' | string;
	scope: string;
	scopes?: string[];
	/** "A|B": one of them; "A+B" inside a group: these together (one documented call variant) */
	required: string[];
	optional: string[];
	paged?: boolean;
	pagination?: string | null;
	auth?: string;
	notes?: string;
	fixed?: Record<string, unknown>;
	doc?: string;
	deprecated?: boolean;
	restV3?: boolean;
	restV3Variant?: { required: string[]; optional: string[] };
	/** an overlay (methods*.json) checked this method by hand */
	handChecked?: boolean;
}

interface IndexEntry {
	method: string;
	scope: string | string[];
	kind: string;
	required: string[];
	optional: string[];
	auth?: string;
	deprecated?: boolean;
	restV3?: boolean;
	paged?: boolean;
	doc: string;
	restV3Variant?: { required: string[]; optional: string[] };
}

const OVERLAYS = ['methods.json', 'methods-extra.json', 'methods-handled.json'];

/**
 * Overlay required lists that differ from the index and stand, with the reason. Everywhere
 * else the index decides the required parameters (documented.test.ts checks this list).
 */
export const HAND_REQUIRED: Record<string, string> = {
	'crm.lead.add': 'page does not star fields; bitrix24-methods-all.md: catalog made it required by hand',
	'crm.lead.update': 'page does not star fields; bitrix24-methods-all.md: catalog made it required by hand',
	'crm.deal.add': 'page does not star fields; bitrix24-methods-all.md: catalog made it required by hand',
	'crm.deal.update': 'page does not star fields; bitrix24-methods-all.md: catalog made it required by hand',
	'crm.contact.add': 'page does not star fields; bitrix24-methods-all.md: catalog made it required by hand',
	'crm.quote.update': 'page does not star fields; bitrix24-methods-all.md: catalog made it required by hand',
	'crm.lead.productrows.set': 'page does not star rows; bitrix24-methods-all.md: catalog made it required by hand',
	'crm.deal.productrows.set': 'page does not star rows; bitrix24-methods-all.md: catalog made it required by hand',
	'crm.quote.productrows.set': 'page does not star rows; bitrix24-methods-all.md: catalog made it required by hand',
	'tasks.task.get': 'page does not star taskId; bitrix24-methods-all.md: catalog made it required by hand',
	'im.notify.delete': 'im-notify-delete.md: "You must provide one of three parameters: ID, TAG, or SUB_TAG"',
	'im.chat.mute': 'im-chat-mute.md stars CHAT_ID (error CHAT_ID_EMPTY); the index lists DIALOG_ID beside it',
	'tasks.flow.flow.isexists': 'tasks-flow-flow-is-exists.md: name (and id) sit inside flowData, as its examples send them; the index lifted name to the top',
};

/**
 * Overlay parameters the index lacks, with the doc page that lists them (the index reads only the
 * first parameter table; documented.test.ts checks this list against the overlays).
 */
export const INDEX_MISSED: Record<string, { params: string[]; why: string }> = {
	'event.offline.get': { params: ['clear', 'process_id', 'error'], why: 'event-offline-get.md lists them under "Additional Parameters"' },
	'crm.category.list': { params: ['start'], why: 'the index flags it paged (crm-category-list.md); `start` is not in its parameter table' },
};

const KIND: Record<string, string> = { getMany: 'getAll', fields: 'get' };

function fromIndex(e: IndexEntry): CatalogEntry {
	const scopes = Array.isArray(e.scope) ? e.scope : undefined;
	const out: CatalogEntry = {
		method: e.method,
		// the emulator's kinds: lists are getAll, *.fields answers like a get
		kind: KIND[e.kind] ?? e.kind,
		scope: typeof e.scope === 'string' ? e.scope : (e.scope[0] ?? ''),
		required: e.required,
		optional: e.optional,
		doc: e.doc,
	};
	if (scopes && scopes.length > 1) out.scopes = scopes.slice(1);
	for (const k of ['auth', 'deprecated', 'restV3', 'paged', 'restV3Variant'] as const) if (e[k] !== undefined) (out as unknown as Record<string, unknown>)[k] = e[k];
	return out;
}

function groupKey(list: string[]): string {
	return list
		.map((g) => g.split('|').sort().join('|'))
		.sort()
		.join(',');
}

function union(first: string[], second: string[], exclude: string[]): string[] {
	const skip = new Set(exclude.flatMap((g) => g.split(/[|+]/)));
	return [...new Set([...first, ...second])].filter((n) => !skip.has(n));
}

/** Apply an overlay entry to the documented one (see HAND_REQUIRED for the required lists). */
function overlay(base: CatalogEntry, o: CatalogEntry): CatalogEntry {
	const ovRequired = o.required || [];
	// same set as the index: the overlay's order stands (positional task.*item.* methods read it)
	const useOverlay = groupKey(ovRequired) === groupKey(base.required) || base.method.toLowerCase() in HAND_REQUIRED;
	const required = useOverlay ? ovRequired : base.required;
	const optional = union(o.optional || [], base.optional, required);
	const scopes = [...new Set([...(base.scopes || []), ...(o.scopes || [])])];
	const merged: CatalogEntry = { ...base, ...o, scope: base.scope, required, optional, doc: base.doc, handChecked: true };
	if (scopes.length) merged.scopes = scopes;
	else delete merged.scopes;
	for (const k of ['deprecated', 'restV3', 'restV3Variant'] as const) if (base[k] !== undefined) (merged as unknown as Record<string, unknown>)[k] = base[k];
	return merged;
}

function readList<T>(file: string): T[] {
	return fs.existsSync(file) ? (JSON.parse(fs.readFileSync(file, 'utf8')) as T[]) : [];
}

export function loadCatalog(dir = path.join(__dirname, 'catalog')): Map<string, CatalogEntry> {
	const map = new Map<string, CatalogEntry>();
	for (const e of readList<IndexEntry>(path.join(dir, 'documented.json'))) map.set(e.method.toLowerCase(), fromIndex(e));
	const done = new Set<string>();
	for (const f of OVERLAYS) {
		for (const e of readList<CatalogEntry>(path.join(dir, f))) {
			const key = e.method.toLowerCase();
			const prev = map.get(key);
			// the overlays list some methods twice (e.g. crm.item.* once more with a fixed
			// entityTypeId for invoices): the first entry stands, notes are merged
			if (prev && done.has(key)) {
				if (e.notes && !prev.notes) prev.notes = e.notes;
				continue;
			}
			done.add(key);
			const own = { ...e, required: e.required || [], optional: e.optional || [] };
			map.set(key, prev ? overlay(prev, own) : { ...own, handChecked: true });
		}
	}
	return map;
}

/** Whether a method takes `start` (offset paging): it is part of the call then, documented or not. */
export function takesStart(entry: CatalogEntry): boolean {
	return entry.pagination === 'start' || (entry.paged === true && (entry.pagination === undefined || entry.pagination === null || entry.pagination === 'start'));
}

/** Every parameter name the catalog documents for the method (groups split). */
export function documentedNames(entry: CatalogEntry): string[] {
	return [...entry.required.flatMap((g) => g.split(/[|+]/)), ...entry.optional];
}

/**
 * Parameters every method takes: the credential, and the offline-event source key that "all
 * modifying requests" may carry (events/offline-events.md, "How to Avoid Cycles").
 */
const GENERAL = new Set(['auth', 'auth_connector']);

/**
 * Top-level parameters the documentation does not list for the method. GENERAL ones aside;
 * `start` counts only where the method pages; `UF_`/`UF_*` rows stand for any user field.
 */
export function undocumentedParams(entry: CatalogEntry, params: unknown, method: string): string[] {
	if (!params || typeof params !== 'object' || Array.isArray(params)) return [];
	const exact = isCaseSensitive(method);
	const norm = (n: string): string => (exact ? n : n.toLowerCase());
	const names = documentedNames(entry);
	const known = new Set(names.map(norm));
	const prefixes = names.filter((n) => /_\*?$/.test(n)).map((n) => norm(n.replace(/\*$/, '')));
	const positional = isPositional(method) ? names.length : 0;
	return Object.keys(params).filter((k) => {
		if (GENERAL.has(k) || known.has(norm(k))) return false;
		if (norm(k) === 'start' && takesStart(entry)) return false;
		if (positional && /^\d+$/.test(k) && Number(k) < positional) return false;
		return !prefixes.some((p) => norm(k).startsWith(p));
	});
}

/** Methods whose handlers read UPPER_CASE keys exactly (no case normalisation on the server). */
export function isCaseSensitive(method: string): boolean {
	return method.startsWith('imopenlines.');
}

/** Legacy task.*item.* methods take positional parameters. */
export function isPositional(method: string): boolean {
	return /^task\.(commentitem|checklistitem|elapseditem)\./.test(method);
}

export function isLegacyCrm(method: string): boolean {
	return /^crm\.(lead|deal|contact|company|quote)\./.test(method);
}

/** Read a top-level parameter; case-insensitive except where the server reads keys verbatim. */
export function param(params: Params, name: string, method: string): unknown {
	if (name in params) return params[name];
	if (isCaseSensitive(method)) return undefined;
	const lower = name.toLowerCase();
	for (const k of Object.keys(params)) if (k.toLowerCase() === lower) return params[k];
	return undefined;
}

export function present(v: unknown): boolean {
	return v !== undefined && v !== null && v !== '';
}

/**
 * The error code a family uses for a bad or missing argument. Codes come from
 * bitrix24-api.md: legacy CRM uses an empty code with the meaning in the text,
 * crm.item INVALID_ARG_VALUE, tasks ERROR_CORE, Open Lines `<PARAM>_EMPTY`.
 */
export function argError(method: string, paramName: string, description: string): B24Error {
	if (isLegacyCrm(method)) return new B24Error(400, '', description);
	if (/^crm\.(item|type|category)\./.test(method)) return new B24Error(400, 'INVALID_ARG_VALUE', description);
	if (/^tasks?\./.test(method)) return new B24Error(400, 'ERROR_CORE', description);
	if (method.startsWith('imopenlines.')) {
		if (paramName === 'CHAT_ID') return new B24Error(400, 'CHAT_ID_EMPTY', description);
		if (/TRANSFER_ID/.test(paramName)) return new B24Error(400, 'TRANSFER_ID_EMPTY', description);
	}
	return new B24Error(400, 'ERROR_ARGUMENT', description);
}

/** The required groups a call leaves unmet ("A|B": one of them; "A+B": all of that variant). */
export function missingRequired(entry: CatalogEntry, params: Params, method: string): string[] {
	return entry.required.filter((req) => !req.split('|').some((alt) => alt.split('+').every((a) => present(param(params, a, method)))));
}

/** Check the catalog's required parameters; the first unmet group is the family's argument error. */
export function checkRequired(entry: CatalogEntry, params: Params, method: string): void {
	const [req] = missingRequired(entry, params, method);
	if (req === undefined) return;
	const alts = req.split('|');
	const lname = alts[0].toLowerCase();
	let desc: string;
	if (isLegacyCrm(method) && lname === 'id') desc = 'ID is not defined or invalid.';
	else if (isLegacyCrm(method) && lname === 'fields') desc = "Parameter 'fields' must be array.";
	else if (alts.length > 1) desc = `One of the parameters ${alts.map((a) => a.split('+').join(' with ')).join(', ')} is required.`;
	else if (alts[0].includes('+')) desc = `Parameters ${alts[0].split('+').join(', ')} are required together.`;
	else desc = `Required parameter '${alts[0]}' is missing.`;
	throw argError(method, req, desc);
}

/** Map positional arguments onto the documented parameter names, in documented order. */
export function positionalNames(entry: CatalogEntry): string[] {
	return [...entry.required, ...entry.optional];
}
