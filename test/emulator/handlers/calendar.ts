// calendar.accessibility.get (calendar-accessibility-get.md): the events in which each asked user
// is busy in the period, read from the events calendar.event.add keeps (generic:calendar.event):
// the owner of a user calendar and the attendees of a meeting.
import type { Core, HandlerMap } from '../core';
import { p } from '../core';
import type { Rec } from '../store';

const EVENTS = 'generic:calendar.event';

/** A record field whatever its case (calendar.event.add keeps its top-level parameters). */
function field(rec: Rec, name: string): unknown {
	const key = Object.keys(rec).find((k) => k.toLowerCase() === name.toLowerCase());
	return key === undefined ? undefined : rec[key];
}

/** Dates without a zone are read as UTC (the emulator's portal time). */
function time(v: unknown): number | undefined {
	if (v === undefined || v === null || v === '') return undefined;
	const s = String(v);
	const t = Date.parse(/[zZ]|[+-]\d\d:?\d\d$/.test(s) ? s : `${s.replace(' ', 'T')}${s.length <= 10 ? 'T00:00:00' : ''}Z`);
	return Number.isNaN(t) ? undefined : t;
}

function ids(v: unknown): string[] {
	const list = Array.isArray(v) ? v : typeof v === 'string' ? v.split(',') : v === undefined || v === null ? [] : [v];
	return list.map((x) => String(x).trim()).filter(Boolean);
}

/** `02.12.2024 11:00:00`, as the page prints DATE_FROM/DATE_TO. */
function shown(t: number): string {
	const d = new Date(t).toISOString();
	return `${d.slice(8, 10)}.${d.slice(5, 7)}.${d.slice(0, 4)} ${d.slice(11, 19)}`;
}

function busy(rec: Rec, from: number, to: number): Rec {
	return {
		ID: String(rec.ID),
		NAME: String(field(rec, 'name') ?? ''),
		DATE_FROM: shown(from),
		DATE_TO: shown(to),
		DATE_FROM_TS_UTC: String(Math.floor(from / 1000)),
		DATE_TO_TS_UTC: String(Math.floor(to / 1000)),
		'~USER_OFFSET_FROM': 0,
		'~USER_OFFSET_TO': 0,
		DT_SKIP_TIME: field(rec, 'skip_time') === 'Y' ? 'Y' : 'N',
		TZ_FROM: String(field(rec, 'timezone_from') ?? 'UTC'),
		TZ_TO: String(field(rec, 'timezone_to') ?? 'UTC'),
		ACCESSIBILITY: String(field(rec, 'accessibility') ?? 'busy'),
		IMPORTANCE: String(field(rec, 'importance') ?? 'normal'),
		EVENT_TYPE: '',
	};
}

export function calendarHandlers(): HandlerMap {
	return {
		'calendar.accessibility.get': (ctx, core: Core) => {
			const periodFrom = time(p(ctx, 'from')) ?? 0;
			// `to` is a date: the whole day counts
			const periodTo = (time(p(ctx, 'to')) ?? periodFrom) + 86_400_000;
			const events = core.store.all(EVENTS);
			const result: Record<string, Rec[]> = {};
			for (const user of ids(p(ctx, 'users'))) {
				result[user] = events.flatMap((rec) => {
					const from = time(field(rec, 'from'));
					const to = time(field(rec, 'to')) ?? from;
					if (from === undefined || to === undefined || to <= periodFrom || from >= periodTo) return [];
					const owns = String(field(rec, 'type') ?? '') === 'user' && String(field(rec, 'ownerId')) === user;
					const attends = ids(field(rec, 'attendees')).includes(user);
					return owns || attends ? [busy(rec, from, to)] : [];
				});
			}
			return { result };
		},
	};
}
