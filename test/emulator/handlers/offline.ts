// event.offline.get (event-offline-get.md): hands out the first records of the offline queue that
// offline bindings fill (events.ts). Filter and order on ID, TIMESTAMP_X, EVENT_NAME, MESSAGE_ID
// (default TIMESTAMP_X ASC), limit 50 by default; `clear=1` (default) deletes what it returns,
// `clear=0` marks it with a process_id to confirm later (event.offline.clear) or to read again by
// passing that process_id; `error=1` returns the records marked failed (event.offline.error).
// The queue is the generic event.offline table, so event.offline.list/clear/error see the same rows.
import * as crypto from 'crypto';
import type { HandlerMap } from '../core';
import { p } from '../core';
import { OFFLINE_TABLE } from '../events';
import { matches, parseFilter, parseOrder, sortRows } from '../query';
import type { Rec } from '../store';
import { B24Error } from '../types';

const FIELDS = ['ID', 'TIMESTAMP_X', 'EVENT_NAME', 'MESSAGE_ID'];
const resolve = (name: string): string | null => (FIELDS.includes(name.toUpperCase()) ? name.toUpperCase() : null);

function flag(v: unknown, fallback: number): number {
	if (v === undefined || v === '') return fallback;
	return v === true || String(v) === '1' || String(v).toUpperCase() === 'Y' ? 1 : 0;
}

export function offlineHandlers(): HandlerMap {
	return {
		'event.offline.get': (ctx, core) => {
			const rawLimit = p(ctx, 'limit');
			const limit = rawLimit === undefined || rawLimit === '' ? 50 : Number(rawLimit);
			if (!Number.isInteger(limit) || limit < 1) throw new B24Error(400, 'ERROR_ARGUMENT', 'limit must be a positive integer');
			const clear = flag(p(ctx, 'clear'), 1);
			const errors = flag(p(ctx, 'error'), 0);
			const processId = p(ctx, 'process_id');
			const conds = parseFilter(p(ctx, 'filter'), resolve);
			const order = parseOrder(p(ctx, 'order'), resolve);
			const rows = core.store
				.all(OFFLINE_TABLE)
				// a given process_id re-reads that process's records; otherwise only records no process holds
				.filter((r) => (processId ? String(r.PROCESS_ID ?? '') === String(processId) : !r.PROCESS_ID))
				.filter((r) => String(r.ERROR ?? '0') === String(errors))
				.filter((r) => matches(r, conds));
			const picked = sortRows(rows, order.length ? order : [['TIMESTAMP_X', 'ASC'], ['ID', 'ASC']]).slice(0, limit);
			let process: string | null = null;
			if (clear) {
				for (const r of picked) core.store.remove(OFFLINE_TABLE, Number(r.ID));
			} else if (picked.length) {
				process = processId ? String(processId) : crypto.randomBytes(16).toString('hex');
				for (const r of picked) r.PROCESS_ID = process;
			}
			const events = picked.map((r: Rec) => ({
				ID: String(r.ID),
				TIMESTAMP_X: r.TIMESTAMP_X,
				EVENT_NAME: r.EVENT_NAME,
				EVENT_DATA: r.EVENT_DATA ?? false,
				EVENT_ADDITIONAL: r.EVENT_ADDITIONAL ?? false,
				MESSAGE_ID: String(r.MESSAGE_ID ?? r.ID),
			}));
			return { result: { process_id: process, events } };
		},
	};
}
