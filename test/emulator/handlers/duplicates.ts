// crm.duplicate.findbycomm over the leads, contacts and companies the CRM handler keeps
// (docs: api-reference/crm/duplicates/crm-duplicate-find-by-comm.md).
import type { Core, HandlerMap } from '../core';
import { p } from '../core';
import type { Rec } from '../store';
import { B24Error } from '../types';

/** Search order: the docs' example of the 20-duplicates cut-off (leads, then contacts, then companies). */
const TYPES: Array<[string, string]> = [
	['LEAD', 'lead'],
	['CONTACT', 'contact'],
	['COMPANY', 'company'],
];
/** "Maximum number of values — 20" (the page documents the limit, not the error). */
const MAX_VALUES = 20;
/** "If 20 or more duplicates are found for one object, the other types are not returned." */
const CUT_OFF = 20;

/** "The search does not consider the phone extension": digits before an extension marker. */
function phoneKey(value: unknown): string {
	return String(value ?? '')
		.split(/ext|доб|#|,|;/i)[0]
		.replace(/\D/g, '');
}

const emailKey = (value: unknown): string => String(value ?? '').trim().toLowerCase();

export function duplicateHandlers(): HandlerMap {
	return {
		'crm.duplicate.findbycomm': (ctx, core: Core) => {
			const type = p(ctx, 'type');
			if (type === undefined || type === null || type === '') throw new B24Error(400, 'Communication type is not defined', "Parameter 'type' is required.");
			if (type !== 'EMAIL' && type !== 'PHONE') throw new B24Error(400, `Communication type '${String(type)}' is not supported in current context`, '');
			const raw = p(ctx, 'values');
			const values = (Array.isArray(raw) ? raw : raw && typeof raw === 'object' ? Object.values(raw as Rec) : raw ? [raw] : []).filter((v) => v !== '' && v !== null);
			if (!values.length) throw new B24Error(400, 'Communication values is not defined', "Parameter 'values' is required.");
			if (values.length > MAX_VALUES) throw new B24Error(400, 'ERROR_ARGUMENT', `At most ${MAX_VALUES} values are accepted`);
			const entityType = p(ctx, 'entity_type');
			if (entityType !== undefined && entityType !== '' && !TYPES.some(([name]) => name === entityType)) {
				throw new B24Error(400, 'ERROR_ARGUMENT', `Entity type '${String(entityType)}' is not supported`);
			}
			const key = type === 'PHONE' ? phoneKey : emailKey;
			const wanted = new Set(values.map(key).filter(Boolean));
			const result: Record<string, number[]> = {};
			for (const [name, table] of TYPES) {
				if (entityType && entityType !== name) continue;
				const ids = core.store
					.all(table)
					.filter((rec) => ((rec[type] ?? []) as Rec[]).some((entry) => wanted.has(key(entry.VALUE))))
					.map((rec) => Number(rec.ID))
					.sort((a, b) => a - b);
				if (!ids.length) continue;
				result[name] = ids;
				if (ids.length >= CUT_OFF) break;
			}
			// nothing found: the docs show no example; the server's empty PHP array is JSON []
			return { result: Object.keys(result).length ? result : [] };
		},
	};
}
