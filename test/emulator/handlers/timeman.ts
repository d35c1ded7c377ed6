// Time tracking (timeman/*): one workday per user. timeman.open starts it (OPENED), timeman.pause
// pauses it (PAUSED), timeman.open again resumes it, timeman.close ends it (CLOSED); timeman.status
// reads it, CLOSED before the first open (timeman-status.md fields). A TIME on a paused day is
// refused with `TIME` (timeman-open.md); an open TIME on another calendar day with WRONG_DATETIME.
// timeman.networkrange.set replaces the office ranges that .get lists and .check matches an IPv4
// address against (false when no range holds it, timeman-networkrange-check.md); without IP the
// caller's address is 127.0.0.1.
import type { Core, Handler, HandlerMap } from '../core';
import { p } from '../core';
import type { Rec } from '../store';
import { B24Error, CallContext } from '../types';

const DAYS = 'timemanDay';
const RANGES = 'timemanNetworkRange';

function userOf(ctx: CallContext): number {
	const given = p(ctx, 'USER_ID');
	return given === undefined || given === '' ? ctx.caller.userId : Number(given);
}

function dayOf(core: Core, userId: number): Rec | undefined {
	return core.store.all(DAYS).find((d) => d.USER_ID === userId);
}

function view(day: Rec | undefined): Rec {
	return {
		STATUS: day?.STATUS ?? 'CLOSED',
		TIME_START: day?.TIME_START ?? null,
		TIME_FINISH: day?.TIME_FINISH ?? null,
		DURATION: '00:00:00',
		TIME_LEAKS: '00:00:00',
		ACTIVE: true,
		IP_OPEN: '',
		IP_CLOSE: '',
		LAT_OPEN: day?.LAT_OPEN ?? 0,
		LON_OPEN: day?.LON_OPEN ?? 0,
		LAT_CLOSE: day?.LAT_CLOSE ?? 0,
		LON_CLOSE: day?.LON_CLOSE ?? 0,
		TZ_OFFSET: 0,
	};
}

const coordinate = (ctx: CallContext, key: string): number => Number(p(ctx, key) ?? 0) || 0;

const open: Handler = (ctx, core) => {
	const userId = userOf(ctx);
	const time = p(ctx, 'TIME') as string | undefined;
	let day = dayOf(core, userId);
	if (time && day?.STATUS === 'PAUSED') throw new B24Error(400, 'TIME', 'Unable to set time, work day is paused');
	if (time && String(time).slice(0, 10) !== core.clock.isoDate().slice(0, 10)) throw new B24Error(400, 'WRONG_DATETIME', 'Day open date should correspond to the current date');
	if (day?.STATUS === 'PAUSED' || day?.STATUS === 'OPENED') day.STATUS = 'OPENED';
	else {
		if (day) core.store.remove(DAYS, Number(day.ID));
		day = core.store.insert(DAYS, { USER_ID: userId, STATUS: 'OPENED', TIME_START: time || core.clock.isoDate(), LAT_OPEN: coordinate(ctx, 'LAT'), LON_OPEN: coordinate(ctx, 'LON') });
	}
	return { result: view(day) };
};

const pause: Handler = (ctx, core) => {
	const day = dayOf(core, userOf(ctx));
	if (day?.STATUS === 'OPENED') day.STATUS = 'PAUSED';
	return { result: view(day) };
};

const close: Handler = (ctx, core) => {
	const day = dayOf(core, userOf(ctx));
	if (day && day.STATUS !== 'CLOSED') Object.assign(day, { STATUS: 'CLOSED', TIME_FINISH: p(ctx, 'TIME') || core.clock.isoDate(), LAT_CLOSE: coordinate(ctx, 'LAT'), LON_CLOSE: coordinate(ctx, 'LON') });
	return { result: view(day) };
};

const ipNumber = (ip: string): number | undefined => {
	const parts = ip.trim().split('.').map(Number);
	return parts.length === 4 && parts.every((x) => Number.isInteger(x) && x >= 0 && x <= 255) ? parts.reduce((n, x) => n * 256 + x, 0) : undefined;
};

function holds(range: string, ip: number): boolean {
	const [from, to = from] = range.split('-').map((x) => ipNumber(x));
	return from !== undefined && to !== undefined && ip >= from && ip <= to;
}

export function timemanHandlers(): HandlerMap {
	return {
		'timeman.open': open,
		'timeman.pause': pause,
		'timeman.close': close,
		'timeman.status': (ctx, core) => ({ result: view(dayOf(core, userOf(ctx))) }),
		'timeman.networkrange.set': (ctx, core) => {
			const given = p(ctx, 'RANGES');
			const ranges = Array.isArray(given) ? given : [];
			for (const r of core.store.all(RANGES)) core.store.remove(RANGES, Number(r.ID));
			for (const r of ranges as Rec[]) core.store.insert(RANGES, { ip_range: String(r.ip_range ?? ''), name: String(r.name ?? '') });
			return { result: { result: true } };
		},
		'timeman.networkrange.get': (_ctx, core) => ({ result: core.store.all(RANGES).map((r) => ({ ip_range: r.ip_range, name: r.name })) }),
		'timeman.networkrange.check': (ctx, core) => {
			const ip = String(p(ctx, 'IP') ?? '127.0.0.1');
			const n = ipNumber(ip);
			const found = n === undefined ? undefined : core.store.all(RANGES).find((r) => holds(String(r.ip_range), n));
			return { result: found ? { ip, range: found.ip_range, name: found.name } : false };
		},
	};
}
