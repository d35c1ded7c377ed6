// Small fetch helpers for the emulator's own tests.
import type { Emulator } from './index';

export interface Reply {
	status: number;
	body: any; // eslint-disable-line @typescript-eslint/no-explicit-any
	headers: Headers;
}

/** The answer as JSON when it is JSON, as text otherwise (HTML error pages, empty bodies). */
async function reply(r: Response): Promise<Reply> {
	const text = await r.text();
	let parsed: unknown = text;
	try {
		parsed = JSON.parse(text);
	} catch {
		/* html or empty */
	}
	return { status: r.status, body: parsed, headers: r.headers };
}

export async function post(url: string, body: unknown, headers: Record<string, string> = {}): Promise<Reply> {
	return await reply(await fetch(url, { method: 'POST', headers: { 'Content-Type': 'application/json', ...headers }, body: JSON.stringify(body) }));
}

export async function form(url: string, body: string, headers: Record<string, string> = {}): Promise<Reply> {
	return await reply(await fetch(url, { method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded', ...headers }, body }));
}

export async function get(url: string, headers: Record<string, string> = {}): Promise<Reply> {
	return await reply(await fetch(url, { headers, redirect: 'manual' }));
}

/** Call a method through the emulator's ready webhook with a JSON body. */
export function hook(em: Emulator, method: string, params: unknown = {}): Promise<Reply> {
	return post(em.webhookUrl + method, params);
}

/** Call a method with an OAuth access token in the `auth` parameter. */
export function oauth(em: Emulator, token: string, method: string, params: Record<string, unknown> = {}): Promise<Reply> {
	return post(`${em.url}/rest/${method}`, { ...params, auth: token });
}
