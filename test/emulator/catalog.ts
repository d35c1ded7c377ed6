// The documented method catalog: methods.json (generated from the docs),
// methods-extra.json (documented methods added by hand) and methods-handled.json
// (documented methods the emulator implements that the first two lack).
import * as fs from 'fs';
import * as path from 'path';
import { B24Error, Params } from './types';

export interface CatalogEntry {
	method: string;
	kind: 'create' | 'get' | 'getAll' | 'update' | 'delete' | 'action' | string;
	scope: string;
	scopes?: string[];
	required: string[];
	optional: string[];
	paged?: boolean;
	pagination?: string | null;
	auth?: string;
	notes?: string;
	fixed?: Record<string, unknown>;
	doc?: string;
}

const FILES = ['methods.json', 'methods-extra.json', 'methods-handled.json'];

export function loadCatalog(dir = path.join(__dirname, 'catalog')): Map<string, CatalogEntry> {
	const map = new Map<string, CatalogEntry>();
	for (const f of FILES) {
		const p = path.join(dir, f);
		if (!fs.existsSync(p)) continue;
		const list = JSON.parse(fs.readFileSync(p, 'utf8')) as CatalogEntry[];
		for (const e of list) {
			const key = e.method.toLowerCase();
			const prev = map.get(key);
			// the catalog lists some methods twice (e.g. crm.item.* once more with a fixed
			// entityTypeId for invoices): the first entry stands, notes are merged
			if (prev) {
				if (e.notes && !prev.notes) prev.notes = e.notes;
				continue;
			}
			map.set(key, { ...e, required: e.required || [], optional: e.optional || [] });
		}
	}
	return map;
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

/** Check the catalog's required parameters ("A|B" = one of them). */
export function checkRequired(entry: CatalogEntry, params: Params, method: string): void {
	for (const req of entry.required) {
		const alts = req.split('|');
		if (alts.some((a) => present(param(params, a, method)))) continue;
		const lname = alts[0].toLowerCase();
		let desc: string;
		if (isLegacyCrm(method) && lname === 'id') desc = 'ID is not defined or invalid.';
		else if (isLegacyCrm(method) && lname === 'fields') desc = "Parameter 'fields' must be array.";
		else if (alts.length > 1) desc = `One of the parameters ${alts.join(', ')} is required.`;
		else desc = `Required parameter '${alts[0]}' is missing.`;
		throw argError(method, alts.join('|'), desc);
	}
}

/** Map positional arguments onto the documented parameter names, in documented order. */
export function positionalNames(entry: CatalogEntry): string[] {
	return [...entry.required, ...entry.optional];
}
