import { createHash, randomBytes, timingSafeEqual } from 'crypto';

/**
 * Compares a presented secret with the expected one in constant time. Both sides are hashed first,
 * so neither the length nor the content of the expected value leaks through timing.
 */
export function secretsMatch(presented: unknown, expected: string | undefined): boolean {
	if (typeof presented !== 'string' || presented === '' || !expected) return false;
	const a = createHash('sha256').update(presented, 'utf8').digest();
	const b = createHash('sha256').update(expected, 'utf8').digest();
	return timingSafeEqual(a, b);
}

/** A fresh random secret for a handler URL: 32 bytes, URL-safe. */
export function newSecret(): string {
	return randomBytes(32).toString('base64url');
}

/** The query parameter that carries the per-activation secret in an auto-subscribed handler URL. */
export const SECRET_PARAM = 'b24secret';

export function handlerUrl(webhookUrl: string, secret: string): string {
	const url = new URL(webhookUrl);
	url.searchParams.set(SECRET_PARAM, secret);
	return url.toString();
}

/** The handler URL without its query: what identifies "this node" among Bitrix24's bindings. */
export function handlerBase(url: string): string {
	try {
		const parsed = new URL(url);
		return `${parsed.origin}${parsed.pathname}`.replace(/\/+$/, '').toLowerCase();
	} catch {
		return url.split('?')[0].replace(/\/+$/, '').toLowerCase();
	}
}
