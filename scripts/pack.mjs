#!/usr/bin/env node
// `npm run pack`: builds the package and packs it into n8n-nodes-b24-<version>.tgz, the file to
// install into n8n's nodes folder until the package is on the npm registry.
//
//   npm run pack                       build, then pack into the repository folder
//   npm run pack -- --out /some/dir    pack into another folder
//   npm run pack -- --no-build         pack the existing dist/
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const outIndex = args.indexOf('--out');
const outDir = path.resolve(outIndex >= 0 && args[outIndex + 1] ? args[outIndex + 1] : REPO);

function run(command, commandArgs) {
	const result = spawnSync(command, commandArgs, { cwd: REPO, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
	if (result.status !== 0) {
		process.stderr.write(result.stdout ?? '');
		process.stderr.write(`\n${command} ${commandArgs.join(' ')} failed (exit ${result.status ?? result.signal})\n`);
		process.exit(1);
	}
	return result.stdout;
}

if (!args.includes('--no-build')) run('npm', ['run', 'build', '--silent']);
const pkg = JSON.parse(fs.readFileSync(path.join(REPO, 'package.json'), 'utf8'));
for (const file of [...pkg.n8n.nodes, ...pkg.n8n.credentials]) {
	if (!fs.existsSync(path.join(REPO, file))) {
		process.stderr.write(`${file} is missing: run without --no-build\n`);
		process.exit(1);
	}
}
fs.mkdirSync(outDir, { recursive: true });
// the build already ran; --ignore-scripts keeps npm from running lifecycle scripts a second time
const [packed] = JSON.parse(run('npm', ['pack', '--json', '--ignore-scripts', '--pack-destination', outDir]));
const tarball = path.join(outDir, packed.filename);
const kb = (bytes) => `${Math.round(bytes / 1024)} kB`;
process.stdout.write(
	[
		`${tarball}`,
		`  ${packed.entryCount} files, ${kb(packed.size)} packed, ${kb(packed.unpackedSize)} unpacked`,
		'',
		// n8n supplies n8n-workflow; npm 7+ would otherwise install the peer dependency beside the package
		'Install it into n8n (then restart n8n):',
		`  mkdir -p ~/.n8n/nodes && cd ~/.n8n/nodes && npm install --legacy-peer-deps ${tarball}`,
		'n8n in Docker (container "n8n", data volume at /home/node/.n8n):',
		'  docker exec -u node n8n mkdir -p /home/node/.n8n/nodes',
		`  docker cp ${tarball} n8n:/home/node/.n8n/nodes/`,
		`  docker exec -u node -w /home/node/.n8n/nodes n8n npm install --legacy-peer-deps ./${packed.filename}`,
		'  docker restart n8n',
		'',
	].join('\n'),
);
