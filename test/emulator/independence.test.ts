/** The emulator is the referee: it may know the documented API only, never the node's own code. */
import { readdirSync, readFileSync } from 'fs';
import { join } from 'path';

function sources(dir: string): string[] {
	return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
		entry.isDirectory() ? sources(join(dir, entry.name)) : /\.(ts|js|mjs)$/.test(entry.name) ? [join(dir, entry.name)] : [],
	);
}

test('no emulator file imports from nodes/ or credentials/', () => {
	const offenders = sources(__dirname).filter((file) => /from\s+['"][./]*\/?(nodes|credentials)\//.test(readFileSync(file, 'utf8')) || /require\(['"][./]*(nodes|credentials)\//.test(readFileSync(file, 'utf8')));
	expect(offenders).toEqual([]);
	expect(sources(__dirname).length).toBeGreaterThan(10);
});
