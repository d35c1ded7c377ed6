import type { IDataObject } from 'n8n-workflow';

/**
 * The polling cursor: a modification-time lower bound plus the versions (`id@seconds`) already
 * emitted at or after it.
 *
 * Each poll asks Bitrix24 for records with time >= cursor, drops versions already emitted, and
 * moves the cursor to the server's time at the start of the poll minus a small safety margin
 * (never backwards). Bitrix24 times have one-second resolution, so:
 * - many records sharing one second are all read, whatever their order, and never emitted twice;
 * - a record changed while a poll runs gets a time >= the poll's start, so the next poll reads it
 *   again and emits it if that version was not already emitted;
 * - a write whose row became visible a moment after its timestamp is still inside the margin.
 * Only versions whose time is >= the new cursor need remembering, so the set stays small.
 */
export interface CursorState {
	/** Signature of the watch settings this cursor belongs to; a change restarts from now. */
	signature?: string;
	/** Lower bound sent to Bitrix24, in the server's own format (offset included). */
	cursor?: string;
	cursorEpoch?: number;
	/** `id@epochSeconds` of versions emitted (or skipped) at or after the cursor. */
	seen?: string[];
}

export const SAFETY_MARGIN_SECONDS = 5;
export const MAX_SEEN = 20000;

export interface Row {
	id: string;
	/** Modification (or creation) time as Bitrix24 sent it. */
	time?: string;
	record: IDataObject;
}

/** Unix seconds of a Bitrix24 time string; undefined when it cannot be read. */
export function epochOf(time: unknown): number | undefined {
	if (typeof time !== 'string' || time === '') return undefined;
	const ms = Date.parse(time);
	return Number.isFinite(ms) ? Math.floor(ms / 1000) : undefined;
}

/** Minutes east of UTC in a time string such as 2025-01-15T12:34:56+03:00 (0 for Z or none). */
export function offsetOf(time: string): number {
	const match = /([+-])(\d{2}):?(\d{2})$/.exec(time);
	if (!match) return 0;
	const minutes = Number(match[2]) * 60 + Number(match[3]);
	return match[1] === '-' ? -minutes : minutes;
}

/** Formats Unix seconds like Bitrix24 does (ATOM, `Y-m-d\TH:i:sP`) in the given offset. */
export function formatAtom(epochSeconds: number, offsetMinutes: number): string {
	const local = new Date((epochSeconds + offsetMinutes * 60) * 1000).toISOString().slice(0, 19);
	const sign = offsetMinutes < 0 ? '-' : '+';
	const abs = Math.abs(offsetMinutes);
	const pad = (n: number) => String(n).padStart(2, '0');
	return `${local}${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}

export function keyOf(row: Row, fallbackEpoch: number): string {
	return `${row.id}@${epochOf(row.time) ?? fallbackEpoch}`;
}

/** A fresh cursor at the server's current time: the first activation emits nothing old. */
export function startCursor(serverNow: string, signature: string): CursorState {
	const epoch = epochOf(serverNow) ?? Math.floor(Date.now() / 1000);
	return { signature, cursor: formatAtom(epoch, offsetOf(serverNow)), cursorEpoch: epoch, seen: [] };
}

export interface Advance {
	/** Rows to emit, oldest first (time, then ID). */
	emit: Row[];
	next: CursorState;
}

/**
 * Given the rows read with `time >= state.cursor` and the server time taken before the read,
 * decides what to emit and the next cursor. `skip` marks rows to remember but not emit.
 */
export function advance(state: CursorState, rows: Row[], serverNow: string, skip: (row: Row) => boolean = () => false): Advance {
	const cursorEpoch = state.cursorEpoch ?? epochOf(state.cursor) ?? 0;
	const seen = new Set(state.seen ?? []);
	const emitted = new Set<string>();
	const fresh: Array<{ row: Row; epoch: number }> = [];
	for (const row of rows) {
		const epoch = epochOf(row.time) ?? cursorEpoch;
		const key = `${row.id}@${epoch}`;
		if (epoch < cursorEpoch || seen.has(key) || emitted.has(key)) continue;
		emitted.add(key);
		if (!skip(row)) fresh.push({ row, epoch });
	}
	fresh.sort((a, b) => a.epoch - b.epoch || compareIds(a.row.id, b.row.id));

	const nowEpoch = epochOf(serverNow) ?? cursorEpoch;
	const nextEpoch = Math.max(cursorEpoch, nowEpoch - SAFETY_MARGIN_SECONDS);
	const keep = [...seen, ...emitted].filter((key) => Number(key.slice(key.lastIndexOf('@') + 1)) >= nextEpoch);
	return {
		emit: fresh.map((f) => f.row),
		next: {
			signature: state.signature,
			cursor: nextEpoch === cursorEpoch && state.cursor ? state.cursor : formatAtom(nextEpoch, offsetOf(serverNow)),
			cursorEpoch: nextEpoch,
			seen: keep.slice(-MAX_SEEN),
		},
	};
}

function compareIds(a: string, b: string): number {
	const x = Number(a);
	const y = Number(b);
	if (Number.isFinite(x) && Number.isFinite(y)) return x - y;
	return a < b ? -1 : a > b ? 1 : 0;
}
