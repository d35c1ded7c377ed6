// Every catalogued method without a dedicated handler: validated by the
// dispatcher, then answered with a plausible documented shape by kind, backed
// by a small per-resource store so create/get/list/update/delete stay coherent.
import type { Core, Handler } from '../core';
import { p } from '../core';
import { pageArray, parseStart } from '../query';
import type { Rec } from '../store';
import type { CallContext } from '../types';

function resource(method: string): string {
	return `generic:${method.split('.').slice(0, -1).join('.')}`;
}

/** `notes` such as "result.items[]" name the key the list is wrapped in. */
function unwrapKey(notes?: string): string | undefined {
	const m = /result\.([a-zA-Z]+)/.exec(notes || '');
	return m ? m[1] : undefined;
}

function idOf(ctx: CallContext): number | undefined {
	for (const k of ['id', 'ID', 'itemId', 'taskId', 'CONFIG_ID', 'MESSAGE_ID', 'GROUP_ID', 'ELEMENT_ID']) {
		const v = p(ctx, k);
		if (v !== undefined && v !== '' && Number.isFinite(Number(v))) return Number(v);
	}
	return undefined;
}

export const genericHandler: Handler = (ctx: CallContext, core: Core) => {
	const entry = core.catalog.get(ctx.method);
	const kind = entry?.kind || 'action';
	const res = resource(ctx.method);
	switch (kind) {
		case 'create': {
			const rec = core.store.insert(res, { ...(ctx.params as Rec), _method: ctx.method });
			return { result: Number(rec.ID) };
		}
		case 'get': {
			const id = idOf(ctx);
			const rec = id !== undefined ? core.store.get(res, id) : undefined;
			if (rec) {
				const { _method, ...rest } = rec;
				void _method;
				return { result: rest };
			}
			return { result: id !== undefined ? { ID: id } : {} };
		}
		case 'getAll': {
			const rows = core.store.all(res).map(({ _method, ...rest }) => (void _method, rest));
			const key = unwrapKey(entry?.notes);
			if (entry?.pagination === 'start') {
				const start = parseStart(p(ctx, 'start'));
				const pg = pageArray(rows, start);
				return { result: key ? { [key]: pg.rows } : pg.rows, total: start === -1 ? 0 : pg.total, next: pg.next };
			}
			return { result: key ? { [key]: rows } : rows };
		}
		case 'update':
		case 'delete': {
			const id = idOf(ctx);
			if (id !== undefined && core.store.get(res, id)) {
				if (kind === 'delete') core.store.remove(res, id);
				else Object.assign(core.store.get(res, id) as Rec, ctx.params);
			}
			return { result: true };
		}
		default:
			return { result: true };
	}
};
