// `batch`: up to 50 `method?query` commands run in order; later commands may
// refer to earlier results with $result[key][path...]. HTTP 200 even when
// commands fail; empty sections come back as [] like PHP's empty array.
import { parseQuery } from './encoding';
import { B24Error, CallContext, Caller, Fault, MethodResult } from './types';
import type { FaultQueue } from './faults';
import { DEFAULT_FAULT_ERRORS } from './faults';

export const BATCH_MAX = 50;
/** Methods that may not run inside a batch: nesting and file transfer (docs §6, §10). */
export const NOT_IN_BATCH = new Set(['batch', 'disk.folder.uploadfile', 'disk.storage.uploadfile', 'disk.file.uploadversion']);

export interface SubOutcome {
	key: string;
	method: string;
	params: unknown;
	status: number;
	error?: string;
}

export interface BatchDeps {
	faults: FaultQueue;
	/** run one sub-command (auth, scope, validation, limits, handler); returns the result and its time block */
	invoke(ctx: CallContext): Promise<{ res: MethodResult; time: Record<string, unknown> }>;
	/** log one sub-command */
	logSub(o: SubOutcome): void;
	unresolved: 'empty' | 'literal' | 'error';
}

type Sections = { result: unknown; result_error: unknown; result_next: unknown; result_total: unknown };

const REF_RE = /\$(result|result_error|result_next|result_total)((?:\[[^\]]*\])+)/g;

function walk(base: unknown, path: string[]): unknown {
	let cur = base;
	for (const seg of path) {
		if (cur === null || cur === undefined || typeof cur !== 'object') return undefined;
		cur = (cur as Record<string, unknown>)[seg];
	}
	return cur;
}

function substitute(value: unknown, sections: Record<string, Record<string, unknown>>, mode: BatchDeps['unresolved']): unknown {
	if (Array.isArray(value)) return value.map((v) => substitute(v, sections, mode));
	if (value && typeof value === 'object') {
		const out: Record<string, unknown> = {};
		for (const [k, v] of Object.entries(value)) out[k] = substitute(v, sections, mode);
		return out;
	}
	if (typeof value !== 'string' || !value.includes('$result')) return value;
	const resolve = (section: string, pathStr: string, whole: string): unknown => {
		const path = [...pathStr.matchAll(/\[([^\]]*)\]/g)].map((m) => m[1]);
		const v = walk(sections[section], path);
		if (v !== undefined) return v;
		if (mode === 'error') throw new B24Error(400, 'ERROR_ARGUMENT', `Batch reference ${whole} does not resolve`);
		return mode === 'literal' ? whole : '';
	};
	const single = /^\$(result|result_error|result_next|result_total)((?:\[[^\]]*\])+)$/.exec(value);
	if (single) return resolve(single[1], single[2], value);
	return value.replace(REF_RE, (whole, section: string, pathStr: string) => {
		const v = resolve(section, pathStr, whole);
		return v !== null && typeof v === 'object' ? JSON.stringify(v) : String(v ?? '');
	});
}

/** PHP encodes an empty array as [] and a 0..n-1 keyed array as a list. */
function phpArray(map: Record<string, unknown>, asList: boolean): unknown {
	const keys = Object.keys(map);
	if (keys.length === 0) return [];
	if (asList && keys.every((k, i) => k === String(i))) return keys.map((k) => map[k]);
	return map;
}

export async function runBatch(ctx: CallContext, caller: Caller, deps: BatchDeps): Promise<MethodResult> {
	const cmd = ctx.params.cmd ?? ctx.params.CMD;
	const haltRaw = ctx.params.halt ?? ctx.params.HALT;
	const halt = haltRaw === true || haltRaw === 1 || haltRaw === '1' || haltRaw === 'true' || haltRaw === 'Y';
	if (!cmd || typeof cmd !== 'object') throw new B24Error(400, 'ERROR_ARGUMENT', "Parameter 'cmd' must be an array of commands.");
	const asList = Array.isArray(cmd);
	const entries: Array<[string, unknown]> = asList ? (cmd as unknown[]).map((c, i) => [String(i), c]) : Object.entries(cmd as Record<string, unknown>);
	if (entries.length > BATCH_MAX) throw new B24Error(400, 'ERROR_BATCH_LENGTH_EXCEEDED', `Max batch length exceeded (${BATCH_MAX})`);

	const result: Record<string, unknown> = {};
	const errors: Record<string, unknown> = {};
	const totals: Record<string, unknown> = {};
	const nexts: Record<string, unknown> = {};
	const times: Record<string, unknown> = {};
	const sections = { result, result_error: errors, result_next: nexts, result_total: totals };

	for (const [key, raw] of entries) {
		const str = String(raw ?? '');
		const q = str.indexOf('?');
		const method = (q < 0 ? str : str.slice(0, q)).trim().toLowerCase().replace(/\.json$/, '');
		let params: Record<string, unknown> = {};
		let status = 200;
		let errorCode: string | undefined;
		try {
			const parsed = parseQuery(q < 0 ? '' : str.slice(q + 1));
			params = (Array.isArray(parsed) ? Object.fromEntries(parsed.map((v, i) => [String(i), v])) : parsed) as Record<string, unknown>;
			// sub-commands run with the batch's own auth; an auth inside a command is dropped
			delete params.auth;
			delete params.access_token;
			params = substitute(params, sections, deps.unresolved) as Record<string, unknown>;
			if (NOT_IN_BATCH.has(method)) {
				throw new B24Error(405, 'ERROR_BATCH_METHOD_NOT_ALLOWED', 'Method is not allowed for batch usage');
			}
			const fault: Fault | undefined = deps.faults.takeBatchCommand(key, method);
			if (fault) {
				const [code, desc] = DEFAULT_FAULT_ERRORS[fault.status ?? 500] || ['INTERNAL_SERVER_ERROR', 'Internal server error'];
				throw new B24Error(fault.status ?? 500, fault.error ?? code, fault.description ?? desc);
			}
			const { res, time } = await deps.invoke({ method, params, caller, inBatch: true });
			result[key] = res.result;
			if (res.total !== undefined) totals[key] = res.total;
			if (res.next !== undefined) nexts[key] = res.next;
			times[key] = time;
		} catch (e) {
			if (!(e instanceof B24Error)) throw e;
			status = e.status;
			errorCode = e.code;
			errors[key] = { error: e.code, error_description: e.description };
		}
		deps.logSub({ key, method, params, status, error: errorCode });
		if (errorCode !== undefined && halt) break;
	}

	const out: Sections & { result_time: unknown } = {
		result: phpArray(result, asList),
		result_error: phpArray(errors, asList),
		result_total: phpArray(totals, asList),
		result_next: phpArray(nexts, asList),
		result_time: phpArray(times, asList),
	};
	return { result: out, cost: 0 };
}
