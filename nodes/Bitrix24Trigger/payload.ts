import type { IDataObject } from 'n8n-workflow';

import { describeEvent } from './events';

/**
 * Bitrix24 posts events as application/x-www-form-urlencoded with PHP-style nested keys
 * (`data[FIELDS][ID]=7`, `auth[application_token]=...`). n8n's body parser keeps those keys flat;
 * other parsers nest them. This folds either shape (or a raw string) into one nested object.
 */
export function parseEventBody(body: unknown): IDataObject {
	if (typeof body === 'string') return unflatten(Object.fromEntries(new URLSearchParams(body)));
	if (Buffer.isBuffer(body)) return parseEventBody(body.toString('utf8'));
	if (!body || typeof body !== 'object' || Array.isArray(body)) return {};
	return unflatten(body as IDataObject);
}

const UNSAFE_KEYS = new Set(['__proto__', 'prototype', 'constructor']);

function splitKey(key: string): string[] | undefined {
	const match = /^([^[\]]+)((?:\[[^[\]]*\])*)$/.exec(key);
	if (!match) return undefined;
	const parts = [match[1]];
	for (const m of match[2].matchAll(/\[([^[\]]*)\]/g)) parts.push(m[1]);
	return parts;
}

function setPath(target: IDataObject, parts: string[], value: unknown) {
	let node: IDataObject = target;
	for (let i = 0; i < parts.length; i++) {
		let key = parts[i];
		if (UNSAFE_KEYS.has(key)) return;
		const last = i === parts.length - 1;
		if (key === '') key = String(Object.keys(node).length);
		if (last) {
			const existing = node[key];
			if (existing && typeof existing === 'object' && value && typeof value === 'object') {
				Object.assign(existing, value);
			} else {
				node[key] = value as IDataObject[string];
			}
			return;
		}
		const next = node[key];
		if (!next || typeof next !== 'object' || Array.isArray(next)) node[key] = {};
		node = node[key] as IDataObject;
	}
}

function unflatten(flat: IDataObject): IDataObject {
	const out: IDataObject = {};
	for (const [key, raw] of Object.entries(flat)) {
		const value = raw && typeof raw === 'object' && !Array.isArray(raw) ? unflatten(raw as IDataObject) : raw;
		const parts = splitKey(key) ?? [key];
		setPath(out, parts, value);
	}
	return listify(out) as IDataObject;
}

/** `{0: a, 1: b}` from `x[0]=a&x[1]=b` reads better as an array. */
function listify(value: unknown): unknown {
	if (!value || typeof value !== 'object') return value;
	if (Array.isArray(value)) return value.map(listify);
	const entries = Object.entries(value as IDataObject).map(([k, v]) => [k, listify(v)] as const);
	const keys = entries.map(([k]) => k);
	if (keys.length && keys.every((k, i) => k === String(i))) return entries.map(([, v]) => v);
	return Object.fromEntries(entries);
}

export interface EventAuth {
	applicationToken?: string;
	domain?: string;
	memberId?: string;
}

export function authOf(payload: IDataObject): EventAuth {
	const auth = (payload.auth && typeof payload.auth === 'object' ? payload.auth : {}) as IDataObject;
	const text = (v: unknown) => (typeof v === 'string' && v !== '' ? v : undefined);
	return { applicationToken: text(auth.application_token), domain: text(auth.domain), memberId: text(auth.member_id) };
}

function idOf(value: unknown): number | string | undefined {
	if (value === undefined || value === null || value === '' || value === 'undefined') return undefined;
	const text = String(value);
	return /^\d+$/.test(text) ? Number(text) : text;
}

function objectAt(value: unknown, key: string): IDataObject | undefined {
	if (!value || typeof value !== 'object') return undefined;
	const found = (value as IDataObject)[key];
	return found && typeof found === 'object' && !Array.isArray(found) ? (found as IDataObject) : undefined;
}

function pick(source: IDataObject | undefined, ...keys: string[]): unknown {
	if (!source) return undefined;
	for (const key of keys) {
		if (source[key] !== undefined && source[key] !== '' && source[key] !== 'undefined') return source[key];
	}
	return undefined;
}

function isoTime(ts: unknown): string | undefined {
	const seconds = Number(ts);
	if (!Number.isFinite(seconds) || seconds <= 0) return undefined;
	return new Date(seconds * 1000).toISOString();
}

/**
 * The item the trigger emits: event name, the IDs of what changed, when, on which portal, and the
 * rest of `data` as Bitrix24 sent it. Nothing from `auth` (tokens, application token) is kept.
 */
export function eventItem(payload: IDataObject): IDataObject {
	const event = String(payload.event ?? '').toUpperCase();
	const spec = describeEvent(event);
	const data = (payload.data && typeof payload.data === 'object' ? payload.data : {}) as IDataObject;
	const fields = objectAt(data, 'FIELDS');
	const after = objectAt(data, 'FIELDS_AFTER');
	const before = objectAt(data, 'FIELDS_BEFORE');
	const item: IDataObject = { event };

	if (spec?.family === 'task' || spec?.family === 'taskComment' || after || before) {
		const id = idOf(pick(after, 'ID') ?? pick(before, 'ID') ?? pick(fields, 'ID'));
		if (id !== undefined) item.id = id;
		if (spec?.family === 'taskComment') {
			const taskId = idOf(pick(after, 'TASK_ID') ?? pick(before, 'TASK_ID') ?? pick(fields, 'TASK_ID'));
			if (taskId !== undefined) item.taskId = taskId;
		} else if (spec?.family === 'task' && id !== undefined) {
			item.taskId = id;
		}
	} else {
		// FIELDS.ID for most events; feed posts name it POST_ID; others (users, bookings, calendar, calls) carry it in data
		const id = idOf(pick(fields, 'ID', 'id', 'POST_ID') ?? pick(data, 'ID', 'id', 'CALL_ID'));
		if (id !== undefined) item.id = id;
	}
	if (spec?.family === 'crm' || spec?.family === 'crmDynamic') {
		const typeId = idOf(pick(fields, 'ENTITY_TYPE_ID')) ?? spec.entityTypeId;
		if (typeId !== undefined) item.entityTypeId = Number(typeId);
	}
	if (spec?.family === 'telephony') {
		const callId = pick(data, 'CALL_ID');
		if (callId !== undefined) item.callId = callId;
	}
	const ts = isoTime(payload.ts);
	if (ts) item.ts = ts;
	const auth = authOf(payload);
	if (auth.domain) item.portal = auth.domain;
	const handlerId = idOf(payload.event_handler_id);
	if (handlerId !== undefined) item.handlerId = handlerId;
	item.data = data;
	return item;
}
