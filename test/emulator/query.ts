// Filters, ordering and `start` paging shared by every list method.
// Page size is fixed at 50 (IRestService::LIST_LIMIT). `start=-1` skips the
// COUNT: no `next`, `total` 0, and the page is read straight off the filter.
import { B24Error } from './types';
import { lowerBound, Rec, Table } from './store';

export const PAGE = 50;

export interface Cond {
	field: string;
	op: string;
	value: unknown;
}

export type Order = Array<[string, 'ASC' | 'DESC']>;

/** Resolves a client field name to the stored name; null = unknown field. */
export type Resolver = (name: string) => string | null;

const OP_RE = /^(>=|<=|!=|!@|!%|=%|%=|>|<|=|%|@|!)?(.*)$/s;

export function parseFilter(
	filter: unknown,
	resolve: Resolver,
	onUnknown: (name: string) => void = () => undefined,
): Cond[] {
	const out: Cond[] = [];
	if (!filter || typeof filter !== 'object' || Array.isArray(filter)) return out;
	for (const [key, value] of Object.entries(filter as Rec)) {
		const m = OP_RE.exec(key) as RegExpExecArray;
		const op = m[1] || '';
		const field = resolve(m[2]);
		if (!field) {
			onUnknown(m[2]);
			continue;
		}
		out.push({ field, op, value });
	}
	return out;
}

export function parseOrder(order: unknown, resolve: Resolver, onUnknown: (name: string) => void = () => undefined): Order {
	const out: Order = [];
	if (!order || typeof order !== 'object' || Array.isArray(order)) return out;
	for (const [key, dir] of Object.entries(order as Rec)) {
		const d = String(dir ?? 'ASC').toUpperCase();
		if (d !== 'ASC' && d !== 'DESC') throw new B24Error(400, 'ERROR_ARGUMENT', `Order direction for '${key}' must be ASC or DESC`);
		const field = resolve(key);
		if (!field) {
			onUnknown(key);
			continue;
		}
		out.push([field, d]);
	}
	return out;
}

function isNum(v: unknown): boolean {
	return (typeof v === 'number' && Number.isFinite(v)) || (typeof v === 'string' && v.trim() !== '' && !isNaN(Number(v)));
}

/** Compare like MySQL would for our purposes: numbers numerically, text case-insensitively. */
export function compare(a: unknown, b: unknown): number {
	if (a === undefined || a === null || a === '') return b === undefined || b === null || b === '' ? 0 : -1;
	if (b === undefined || b === null || b === '') return 1;
	if (isNum(a) && isNum(b)) return Number(a) - Number(b);
	const x = String(a).toLowerCase();
	const y = String(b).toLowerCase();
	return x < y ? -1 : x > y ? 1 : 0;
}

/** Values of a field; multifields (PHONE/EMAIL...) and arrays match on any element. */
function values(v: unknown): unknown[] {
	if (Array.isArray(v)) return v.map((x) => (x && typeof x === 'object' && 'VALUE' in (x as Rec) ? (x as Rec).VALUE : x));
	return [v];
}

function like(hay: unknown, pattern: string, contains: boolean): boolean {
	const h = String(hay ?? '').toLowerCase();
	const p = pattern.toLowerCase();
	if (contains && !p.includes('%')) return h.includes(p);
	const re = new RegExp('^' + p.split('%').map((s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('.*') + '$', 's');
	return re.test(h);
}

function listOf(v: unknown): unknown[] {
	if (Array.isArray(v)) return v;
	if (typeof v === 'string' && v.includes(',')) return v.split(',');
	return [v];
}

export function matches(rec: Rec, conds: Cond[]): boolean {
	for (const c of conds) {
		const vals = values(rec[c.field]);
		const any = (f: (x: unknown) => boolean): boolean => vals.some(f);
		let ok: boolean;
		switch (c.op) {
			case '':
			case '=':
				ok = Array.isArray(c.value) ? any((x) => (c.value as unknown[]).some((y) => compare(x, y) === 0)) : any((x) => compare(x, c.value) === 0);
				break;
			case '!':
			case '!=':
				ok = Array.isArray(c.value) ? !any((x) => (c.value as unknown[]).some((y) => compare(x, y) === 0)) : !any((x) => compare(x, c.value) === 0);
				break;
			case '>':
				ok = any((x) => x !== undefined && x !== null && x !== '' && compare(x, c.value) > 0);
				break;
			case '>=':
				ok = any((x) => x !== undefined && x !== null && x !== '' && compare(x, c.value) >= 0);
				break;
			case '<':
				ok = any((x) => x !== undefined && x !== null && x !== '' && compare(x, c.value) < 0);
				break;
			case '<=':
				ok = any((x) => x !== undefined && x !== null && x !== '' && compare(x, c.value) <= 0);
				break;
			case '%':
				ok = any((x) => like(x, String(c.value ?? ''), true));
				break;
			case '!%':
				ok = !any((x) => like(x, String(c.value ?? ''), true));
				break;
			case '=%':
			case '%=':
				ok = any((x) => like(x, String(c.value ?? ''), false));
				break;
			case '@':
				ok = any((x) => listOf(c.value).some((y) => compare(x, y) === 0));
				break;
			case '!@':
				ok = !any((x) => listOf(c.value).some((y) => compare(x, y) === 0));
				break;
			default:
				ok = true;
		}
		if (!ok) return false;
	}
	return true;
}

export function parseStart(v: unknown): number {
	if (v === undefined || v === null || v === '') return 0;
	const n = Math.trunc(Number(v));
	if (!Number.isFinite(n)) return 0;
	if (n === -1) return -1;
	return n < 0 ? 0 : n;
}

export interface Page {
	rows: Rec[];
	/** undefined when start=-1 (no count was made) */
	total?: number;
	next?: number;
	/** rows the COUNT had to consider (for the cost model) */
	counted: number;
}

function isIdAsc(order: Order): boolean {
	return order.length === 0 || (order.length === 1 && order[0][0] === 'ID' && order[0][1] === 'ASC');
}

/**
 * One page of a table. With start=-1 and ID order the page is read off the id
 * index from the `>ID`/`>=ID` bound, like an indexed LIMIT query.
 */
export function page(table: Table, conds: Cond[], order: Order, start: number, size = PAGE): Page {
	if (start === -1 && isIdAsc(order)) {
		let from = 0;
		for (const c of conds) {
			if (c.field !== 'ID' || Array.isArray(c.value) || !isNum(c.value)) continue;
			if (c.op === '>') from = Math.max(from, lowerBound(table.ids, Number(c.value) + 1e-9));
			if (c.op === '>=') from = Math.max(from, lowerBound(table.ids, Number(c.value)));
		}
		const rows: Rec[] = [];
		for (let i = from; i < table.ids.length && rows.length < size; i++) {
			const r = table.rows.get(table.ids[i]) as Rec;
			if (matches(r, conds)) rows.push(r);
		}
		return { rows, counted: 0 };
	}
	let rows = table.all().filter((r) => matches(r, conds));
	if (!isIdAsc(order)) rows = sortRows(rows, order);
	if (start === -1) return { rows: rows.slice(0, size), counted: 0 };
	const total = rows.length;
	const slice = rows.slice(start, start + size);
	const next = start + size < total ? start + size : undefined;
	return { rows: slice, total, next, counted: table.size };
}

export function sortRows(rows: Rec[], order: Order): Rec[] {
	const o = order.length ? order : ([['ID', 'ASC']] as Order);
	return [...rows].sort((a, b) => {
		for (const [f, d] of o) {
			const c = compare(a[f], b[f]);
			if (c !== 0) return d === 'ASC' ? c : -c;
		}
		return Number(a.ID) - Number(b.ID);
	});
}

/** Page an in-memory array (for small tables and generic lists). */
export function pageArray<T>(items: T[], start: number, size = PAGE): { rows: T[]; total?: number; next?: number } {
	if (start === -1) return { rows: items.slice(0, size) };
	const total = items.length;
	return { rows: items.slice(start, start + size), total, next: start + size < total ? start + size : undefined };
}
