/**
 * The credentials sit below the node: the transport imports their signing code, never the reverse,
 * so dist/credentials loads on its own and the design has no back-arrow.
 */
import { readdirSync, readFileSync } from 'fs';
import { dirname, join, relative, resolve } from 'path';

const REPO = resolve(__dirname, '../..');
const CREDENTIALS = join(REPO, 'credentials');

function sources(dir: string): string[] {
	return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
		entry.isDirectory() ? sources(join(dir, entry.name)) : /\.(ts|js)$/.test(entry.name) ? [join(dir, entry.name)] : [],
	);
}

/** Every module a file names in `import … from`, `export … from`, `import()` or `require()`. */
function specifiers(text: string): string[] {
	const found = text.matchAll(/(?:\bfrom\s*|\bimport\s*\(\s*|\brequire\s*\(\s*|^\s*import\s+)['"]([^'"]+)['"]/gm);
	return [...found].map((match) => match[1]);
}

test('no file in credentials/ imports from nodes/ (or anything else outside credentials/)', () => {
	const files = sources(CREDENTIALS);
	expect(files.length).toBeGreaterThanOrEqual(4);
	const offenders = files.flatMap((file) =>
		specifiers(readFileSync(file, 'utf8'))
			.filter((spec) => spec.startsWith('.'))
			.filter((spec) => relative(CREDENTIALS, resolve(dirname(file), spec)).startsWith('..'))
			.map((spec) => `${relative(REPO, file)}: ${spec}`),
	);
	expect(offenders).toEqual([]);
});

test('the scan sees relative imports', () => {
	expect(specifiers("import { a } from '../nodes/x';\nexport * from \"./y\";\nconst z = require('../nodes/z');")).toEqual(['../nodes/x', './y', '../nodes/z']);
});
