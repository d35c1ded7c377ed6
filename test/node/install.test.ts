/**
 * What `npm pack` puts into the tarball users install into ~/.n8n/nodes: exactly what n8n loads
 * (compiled nodes and credentials, codex JSON, icons) plus package.json, README and LICENSE.
 * The package's own `files` rules run on a mirror of a build (every source file as tsc and gulp emit
 * it: .js, .d.ts, .js.map, tsbuildinfo), so the check does not need `npm run build`; the e2e
 * `--pack` leg runs the real tarball inside n8n.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const REPO = path.resolve(__dirname, '../..');
const pkg = JSON.parse(fs.readFileSync(path.join(REPO, 'package.json'), 'utf8')) as {
	name: string;
	version: string;
	n8n: { nodes: string[]; credentials: string[] };
};

function sourceFiles(dir: string): string[] {
	return fs.readdirSync(path.join(REPO, dir), { withFileTypes: true }).flatMap((entry) => {
		const rel = path.posix.join(dir, entry.name);
		return entry.isDirectory() ? sourceFiles(rel) : [rel];
	});
}

let root: string;
let packed: string[];
const sources = [...sourceFiles('nodes'), ...sourceFiles('credentials')];

beforeAll(() => {
	root = fs.mkdtempSync(path.join(os.tmpdir(), 'b24-pack-'));
	const put = (rel: string, text = '') => {
		fs.mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
		fs.writeFileSync(path.join(root, rel), text);
	};
	for (const file of ['package.json', 'README.md', 'LICENSE']) fs.copyFileSync(path.join(REPO, file), path.join(root, file));
	for (const file of sources) {
		put(file);
		if (file.endsWith('.ts')) for (const ext of ['.js', '.d.ts', '.js.map']) put(`dist/${file.replace(/\.ts$/, ext)}`);
		else put(`dist/${file}`);
	}
	put('dist/tsconfig.tsbuildinfo');
	put('test/node/core.test.ts');
	put('scripts/start.mjs');
	const [result] = JSON.parse(execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: root, encoding: 'utf8' })) as Array<{
		filename: string;
		files: Array<{ path: string }>;
	}>;
	expect(result.filename).toBe(`${pkg.name}-${pkg.version}.tgz`);
	packed = result.files.map((file) => file.path).sort();
}, 60_000);

afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

test('the tarball holds the compiled code, codex JSON and icons, package.json, README and LICENSE — nothing else', () => {
	const expected = [
		'package.json',
		'README.md',
		'LICENSE',
		...sources.filter((file) => file.endsWith('.ts') && !file.endsWith('.d.ts')).map((file) => `dist/${file.replace(/\.ts$/, '.js')}`),
		...sources.filter((file) => /\.(json|svg|png)$/.test(file)).map((file) => `dist/${file}`),
	].sort();
	expect(packed).toEqual(expected);
});

test('every node and credential n8n loads is in the tarball, with its codex file and icon', () => {
	for (const file of [...pkg.n8n.nodes, ...pkg.n8n.credentials]) expect(packed).toContain(file);
	for (const node of pkg.n8n.nodes) expect(packed).toContain(node.replace(/\.js$/, '.json'));
	for (const file of [...pkg.n8n.nodes, ...pkg.n8n.credentials]) {
		const source = fs.readFileSync(path.join(REPO, file.replace(/^dist\//, '').replace(/\.js$/, '.ts')), 'utf8');
		const icon = /icon(?:: Icon)?(?::| =) 'file:([^']+)'/.exec(source)?.[1];
		expect(icon).toBeDefined();
		expect(packed).toContain(path.posix.join(path.posix.dirname(file), icon!));
	}
});

test('no tests, sources, source maps, declarations or build info', () => {
	expect(packed.filter((file) => /\.(ts|map|tsbuildinfo)$/.test(file) || /^(test|scripts|nodes|credentials)\//.test(file))).toEqual([]);
});

test('the README installs the tarball this version packs', () => {
	const readme = fs.readFileSync(path.join(REPO, 'README.md'), 'utf8');
	expect(readme).toContain('npm run pack');
	expect(readme).toContain(`npm install --legacy-peer-deps /path/to/${pkg.name}-${pkg.version}.tgz`);
});
