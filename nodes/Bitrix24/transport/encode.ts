/** PHP-style query encoding (`fields[PHONE][0][VALUE]=…`), as batch commands must be written. */
export function toQueryString(params: unknown): string {
	const pairs: string[] = [];
	const walk = (value: unknown, key: string) => {
		if (value === undefined) return;
		if (value === null) {
			pairs.push(`${key}=`);
		} else if (Array.isArray(value)) {
			value.forEach((entry, index) => walk(entry, `${key}[${index}]`));
		} else if (typeof value === 'object') {
			for (const [name, entry] of Object.entries(value as Record<string, unknown>)) {
				walk(entry, `${key}[${encodeURIComponent(name)}]`);
			}
		} else {
			const text = typeof value === 'boolean' ? (value ? '1' : '0') : String(value);
			// batch references are resolved by the server before use; keep them readable
			pairs.push(`${key}=${/^\$result\[[^\s&]*\]$/.test(text) ? text : encodeURIComponent(text)}`);
		}
	};
	if (Array.isArray(params)) {
		params.forEach((entry, index) => walk(entry, String(index)));
	} else if (params && typeof params === 'object') {
		for (const [name, entry] of Object.entries(params as Record<string, unknown>)) walk(entry, encodeURIComponent(name));
	}
	return pairs.join('&');
}
