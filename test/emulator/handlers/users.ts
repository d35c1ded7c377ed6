// Users (user.*) and departments (department.*). user.get/user.search page
// with `start`; the filter key is FILTER (upper-case, top-level keys are
// case-insensitive here); department.get pages with START.
import type { Core, HandlerMap } from '../core';
import { idParam, p } from '../core';
import { page, parseFilter, parseOrder, parseStart, matches, sortRows, pageArray } from '../query';
import { Rec, Store, pick } from '../store';
import { B24Error, CallContext } from '../types';

const USER_FIELDS = ['ID', 'XML_ID', 'ACTIVE', 'NAME', 'LAST_NAME', 'SECOND_NAME', 'EMAIL', 'LAST_LOGIN', 'DATE_REGISTER', 'TIME_ZONE', 'IS_ONLINE', 'PERSONAL_GENDER', 'PERSONAL_PROFESSION', 'PERSONAL_WWW', 'PERSONAL_BIRTHDAY', 'PERSONAL_PHOTO', 'PERSONAL_MOBILE', 'PERSONAL_CITY', 'WORK_PHONE', 'WORK_POSITION', 'WORK_COMPANY', 'UF_DEPARTMENT', 'USER_TYPE'];
const resolveUser = (name: string): string | null => {
	const up = name.toUpperCase();
	return USER_FIELDS.includes(up) || up.startsWith('UF_') ? up : null;
};

function userOut(r: Rec): Rec {
	const out: Rec = {};
	for (const k of USER_FIELDS) if (r[k] !== undefined) out[k] = k === 'UF_DEPARTMENT' ? r[k] : typeof r[k] === 'number' ? String(r[k]) : r[k];
	for (const k of Object.keys(r)) if (k.startsWith('UF_') && k !== 'UF_DEPARTMENT') out[k] = r[k];
	out.ID = String(r.ID);
	return out;
}

function userFilter(ctx: CallContext): Rec {
	const f = p(ctx, 'FILTER');
	const filter: Rec = f && typeof f === 'object' && !Array.isArray(f) ? { ...(f as Rec) } : {};
	// legacy user.get also takes filter fields at the top level
	for (const [k, v] of Object.entries(ctx.params)) {
		const bare = k.replace(/^(>=|<=|!=|!|>|<|=|%|@)/, '');
		if (USER_FIELDS.includes(bare.toUpperCase()) && !['SORT', 'ORDER'].includes(bare.toUpperCase())) filter[k] = v;
	}
	// ACTIVE takes true/false or Y/N (user-get.md); the records keep a boolean
	for (const k of Object.keys(filter)) {
		if (k.replace(/^(>=|<=|!=|!|>|<|=|%|@)/, '').toUpperCase() !== 'ACTIVE') continue;
		const v = filter[k];
		filter[k] = Array.isArray(v) ? v.map(activeFlag) : activeFlag(v);
	}
	return filter;
}

/** true/'true'/'Y'/1 -> true, false/'false'/'N'/0 -> false; anything else as given. */
function activeFlag(v: unknown): unknown {
	if (v === true || v === 1 || (typeof v === 'string' && /^(y|true|1)$/i.test(v))) return true;
	if (v === false || v === 0 || (typeof v === 'string' && /^(n|false|0)$/i.test(v))) return false;
	return v;
}

export function userHandlers(): HandlerMap {
	const list = (ctx: CallContext, core: Core, search: boolean) => {
		const filter = userFilter(ctx);
		let find: string | undefined;
		if (search && filter.FIND !== undefined) {
			find = String(filter.FIND).toLowerCase();
			delete filter.FIND;
		}
		const conds = parseFilter(filter, resolveUser);
		const sortField = p(ctx, 'sort');
		const orderRaw = p(ctx, 'order');
		const order = sortField ? parseOrder({ [String(sortField)]: orderRaw ?? 'ASC' }, resolveUser) : parseOrder(orderRaw, resolveUser);
		const start = parseStart(p(ctx, 'start'));
		const t = core.store.table('user');
		let rows: Rec[];
		let total: number | undefined;
		let next: number | undefined;
		if (find) {
			const all = sortRows(t.all().filter((r) => matches(r, conds) && [r.NAME, r.LAST_NAME, r.EMAIL, r.WORK_POSITION].some((x) => String(x ?? '').toLowerCase().includes(find as string))), order);
			const pg = pageArray(all, start);
			rows = pg.rows;
			total = pg.total;
			next = pg.next;
		} else {
			const pg = page(t, conds, order, start);
			rows = pg.rows;
			total = pg.total;
			next = pg.next;
		}
		core.store.pageServed('user');
		return { result: rows.map(userOut), total: start === -1 ? 0 : total, next };
	};
	return {
		'user.get': (ctx, core) => list(ctx, core, false),
		'user.search': (ctx, core) => list(ctx, core, true),
		'user.current': (ctx, core) => {
			const u = core.store.get('user', ctx.caller.userId);
			if (!u) throw new B24Error(400, 'ERROR_NOT_FOUND', 'User not found');
			return { result: userOut(u) };
		},
		'user.fields': () => ({ result: Object.fromEntries(USER_FIELDS.map((k) => [k, k])) }),
		'user.add': (ctx, core) => {
			const email = String(p(ctx, 'EMAIL'));
			if (core.store.all('user').some((u) => String(u.EMAIL).toLowerCase() === email.toLowerCase())) {
				throw new B24Error(400, 'ERROR_CORE', 'User with this e-mail already exists');
			}
			const rec: Rec = { ACTIVE: true, EMAIL: email, DATE_REGISTER: core.clock.isoDate(), UF_DEPARTMENT: [1], USER_TYPE: 'employee', IS_ONLINE: 'N' };
			for (const [k, v] of Object.entries(ctx.params)) {
				const up = k.toUpperCase();
				if ((USER_FIELDS.includes(up) || up.startsWith('UF_')) && up !== 'ID') rec[up] = up === 'ACTIVE' ? activeFlag(v) : v;
			}
			if (p(ctx, 'EXTRANET') === 'Y') rec.USER_TYPE = 'extranet';
			const u = core.store.insert('user', rec);
			core.emit('ONUSERADD', { FIELDS: { ID: Number(u.ID) } });
			return { result: Number(u.ID) };
		},
		'user.update': (ctx, core) => {
			const id = idParam(ctx, 'ID');
			const u = core.store.get('user', id);
			if (!u) throw new B24Error(400, 'ERROR_NOT_FOUND', 'User not found');
			for (const [k, v] of Object.entries(ctx.params)) {
				const up = k.toUpperCase();
				if ((USER_FIELDS.includes(up) || up.startsWith('UF_')) && up !== 'ID') u[up] = up === 'ACTIVE' ? v === true || v === 'Y' || v === 'true' || v === 1 : v;
			}
			return { result: true };
		},
		'department.get': (ctx, core) => {
			const filter: Rec = {};
			// department-get.md: `sort` names the field to sort by, `order` the direction; `SORT` filters
			// by the sort index, so the two are told apart by case
			const exact = (name: string): unknown => ctx.params[name];
			for (const k of ['ID', 'NAME', 'SORT', 'PARENT', 'UF_HEAD']) {
				const v = k === 'SORT' ? exact('SORT') : p(ctx, k);
				if (v !== undefined) filter[k] = v;
			}
			const resolve = (n: string): string | null => (['ID', 'NAME', 'SORT', 'PARENT', 'UF_HEAD'].includes(n.toUpperCase()) ? n.toUpperCase() : null);
			const conds = parseFilter(filter, resolve);
			const sortField = exact('sort');
			const order = sortField ? parseOrder({ [String(sortField)]: exact('order') ?? exact('ORDER') ?? 'ASC' }, resolve) : [];
			const start = parseStart(p(ctx, 'START'));
			const pg = page(core.store.table('department'), conds, order, start);
			return {
				result: pg.rows.map((r) => ({ ID: String(r.ID), NAME: r.NAME, SORT: Number(r.SORT), ...(r.PARENT ? { PARENT: String(r.PARENT) } : {}), ...(r.UF_HEAD ? { UF_HEAD: String(r.UF_HEAD) } : {}) })),
				total: start === -1 ? 0 : pg.total,
				next: pg.next,
			};
		},
		'department.add': (ctx, core) => {
			const parent = Number(p(ctx, 'PARENT'));
			if (!core.store.get('department', parent)) throw new B24Error(400, 'ERROR_CORE', 'Parent department not found');
			const r = core.store.insert('department', { NAME: p(ctx, 'NAME'), PARENT: parent, SORT: Number(p(ctx, 'SORT') ?? 500), UF_HEAD: p(ctx, 'UF_HEAD') ?? null });
			return { result: Number(r.ID) };
		},
		'department.update': (ctx, core) => {
			const r = core.store.get('department', idParam(ctx, 'ID'));
			if (!r) throw new B24Error(400, 'ERROR_CORE', 'Department not found');
			for (const k of ['NAME', 'SORT', 'PARENT', 'UF_HEAD']) {
				const v = p(ctx, k);
				if (v !== undefined) r[k] = v;
			}
			return { result: true };
		},
		'department.delete': (ctx, core) => {
			const id = idParam(ctx, 'ID');
			if (!core.store.remove('department', id)) throw new B24Error(400, 'ERROR_CORE', 'Department not found');
			return { result: true };
		},
	};
}

const FIRST = ['Alex', 'Maria', 'Ivan', 'Olga', 'Sergey', 'Tatiana', 'Nikita', 'Vera'];
const LAST = ['Orlov', 'Volkova', 'Zaitsev', 'Pavlova', 'Semenov', 'Golubeva'];

export function seedUsers(store: Store, n: number, rnd: () => number): void {
	const t = store.table('user');
	for (let i = 0; i < n; i++) {
		const k = t.nextId;
		const name = pick(rnd, FIRST);
		const last = pick(rnd, LAST);
		t.insert({ ACTIVE: true, NAME: name, LAST_NAME: last, EMAIL: `${name}.${last}.${k}@example.com`.toLowerCase(), DATE_REGISTER: '2024-01-01T10:00:00+00:00', UF_DEPARTMENT: [1], USER_TYPE: 'employee', WORK_POSITION: pick(rnd, ['Manager', 'Engineer', 'Operator']), IS_ONLINE: 'N' });
	}
}

export function usersInitialData(core: Core): void {
	if (!core.store.get('user', 1)) {
		core.store.insert('user', { ID: 1, ACTIVE: true, NAME: 'Admin', LAST_NAME: 'Portal', EMAIL: 'admin@example.com', DATE_REGISTER: '2024-01-01T10:00:00+00:00', UF_DEPARTMENT: [1], USER_TYPE: 'employee', WORK_POSITION: 'Administrator', IS_ONLINE: 'Y' });
	}
	if (!core.store.get('department', 1)) core.store.insert('department', { ID: 1, NAME: 'Company', SORT: 500, PARENT: 0, UF_HEAD: 1 });
}
