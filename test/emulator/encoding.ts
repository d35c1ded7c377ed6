// Request-body decoding the way PHP does it: `a[b][0][c]=x`, `select[]=ID`,
// repeated keys (last one wins), and maps keyed 0..n-1 become arrays so
// `0=5&1[POST_MESSAGE]=x` arrives as a positional list.
import type { Encoding, Params } from './types';

type Bag = Record<string, unknown>;

function decode(s: string): string {
	try {
		return decodeURIComponent(s.replace(/\+/g, ' '));
	} catch {
		return s; // PHP keeps malformed escapes as they are
	}
}

/** Split `a[b][]` into ['a','b','']; PHP-style. */
function splitKey(raw: string): string[] {
	const open = raw.indexOf('[');
	if (open <= 0) return [raw];
	const parts = [raw.slice(0, open)];
	const re = /\[([^\]]*)\]/g;
	let m: RegExpExecArray | null;
	let last = open;
	re.lastIndex = open;
	while ((m = re.exec(raw)) && m.index === last) {
		parts.push(m[1]);
		last = re.lastIndex;
	}
	return parts;
}

function nextIndex(bag: Bag): string {
	let max = -1;
	for (const k of Object.keys(bag)) if (/^\d+$/.test(k)) max = Math.max(max, Number(k));
	return String(max + 1);
}

/** Parse a query/form string into nested maps (PHP parse_str semantics). */
export function parseQuery(qs: string): Params {
	const root: Bag = {};
	if (!qs) return root;
	for (const pair of qs.split('&')) {
		if (!pair) continue;
		const eq = pair.indexOf('=');
		const rawKey = decode(eq < 0 ? pair : pair.slice(0, eq));
		const value = eq < 0 ? '' : decode(pair.slice(eq + 1));
		if (!rawKey) continue;
		const path = splitKey(rawKey);
		let bag: Bag = root;
		for (let i = 0; i < path.length; i++) {
			let k = path[i];
			if (k === '' && i > 0) k = nextIndex(bag);
			if (i === path.length - 1) {
				bag[k] = value;
			} else {
				const cur = bag[k];
				if (!cur || typeof cur !== 'object') bag[k] = {};
				bag = bag[k] as Bag;
			}
		}
	}
	return listify(root) as Params;
}

/** Turn maps keyed exactly 0..n-1 into arrays, recursively. */
export function listify(v: unknown): unknown {
	if (Array.isArray(v)) return v.map(listify);
	if (v && typeof v === 'object') {
		const o = v as Bag;
		const keys = Object.keys(o);
		for (const k of keys) o[k] = listify(o[k]);
		if (keys.length > 0 && keys.every((k, i) => k === String(i))) return keys.map((k) => o[k]);
		return o;
	}
	return v;
}

/** Build a PHP-style query string (used for event payloads). */
export function buildQuery(data: unknown, prefix = ''): string {
	const out: string[] = [];
	const walk = (v: unknown, key: string): void => {
		if (v === undefined) return;
		if (v !== null && typeof v === 'object') {
			for (const [k, x] of Object.entries(v as Bag)) walk(x, key ? `${key}[${k}]` : k);
			return;
		}
		out.push(`${encodeURIComponent(key)}=${encodeURIComponent(v === null ? '' : String(v))}`);
	};
	walk(data, prefix);
	return out.join('&');
}

export interface DecodedBody {
	params: unknown;
	encoding: Encoding;
	error?: string;
}

/** Decode a request body by content type; an empty body means query-string only. */
export function decodeBody(contentType: string | undefined, body: string): DecodedBody {
	const ct = (contentType || '').toLowerCase();
	if (!body.trim()) return { params: {}, encoding: 'query' };
	if (ct.includes('application/json')) {
		try {
			return { params: JSON.parse(body), encoding: 'json' };
		} catch {
			return { params: {}, encoding: 'json', error: 'Request body is not valid JSON' };
		}
	}
	if (ct.includes('multipart/form-data')) {
		return { params: {}, encoding: 'form', error: 'multipart/form-data is not supported by the emulator' };
	}
	// form-encoded (also the default for a body without a content type, as PHP would not parse it,
	// but curl-style clients often omit it)
	return { params: parseQuery(body), encoding: 'form' };
}

/** Merge query and body like PHP's $_REQUEST (body wins). Arrays (positional bodies) are kept. */
export function mergeParams(query: Params, body: unknown): unknown {
	if (Array.isArray(body) && Object.keys(query).length === 0) return body;
	const merged: Bag = { ...query };
	// a positional JSON array merges as keys 0..n-1 (PHP would see the same)
	if (body && typeof body === 'object') Object.assign(merged, body as Bag);
	return listify(merged);
}
