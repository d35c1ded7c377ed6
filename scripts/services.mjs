// Throw-away Redis and PostgreSQL on free loopback ports, for tests that run n8n in queue mode.
// Both come from Debian packages (redis-server, postgresql), installed with apt-get when missing.
// Every process is started by this module in its own process group and stopped by its PID; the
// data directories are temporary and removed on stop.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

function log(msg) {
	process.stdout.write(`[services] ${msg}\n`);
}

/** A free TCP port on 127.0.0.1. */
export function freePort() {
	return new Promise((resolve, reject) => {
		const srv = net.createServer();
		srv.unref();
		srv.on('error', reject);
		srv.listen(0, '127.0.0.1', () => {
			const { port } = srv.address();
			srv.close(() => resolve(port));
		});
	});
}

function which(bin) {
	const r = spawnSync('sh', ['-c', `command -v ${bin}`], { encoding: 'utf8' });
	return r.status === 0 ? r.stdout.trim() : null;
}

/** The newest installed PostgreSQL server's bin directory (Debian keeps it out of PATH). */
function postgresBinDir() {
	const root = '/usr/lib/postgresql';
	if (!fs.existsSync(root)) return null;
	const versions = fs
		.readdirSync(root)
		.filter((v) => fs.existsSync(path.join(root, v, 'bin', 'initdb')))
		.sort((a, b) => Number(b) - Number(a));
	return versions.length ? path.join(root, versions[0], 'bin') : null;
}

/** apt-get installs the packages that are missing (CI runs as root on a fresh machine). */
export function ensurePackages() {
	const missing = [];
	if (!which('redis-server')) missing.push('redis-server');
	if (!postgresBinDir()) missing.push('postgresql');
	if (!missing.length) return;
	if (process.getuid?.() !== 0) {
		throw new Error(`${missing.join(' and ')} missing: run "sudo apt-get install -y ${missing.join(' ')}" (or run this as root)`);
	}
	log(`apt-get install -y ${missing.join(' ')}`);
	const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
	let r = spawnSync('apt-get', ['install', '-y', '--no-install-recommends', ...missing], { stdio: 'inherit', env });
	if (r.status !== 0) {
		spawnSync('apt-get', ['update'], { stdio: 'inherit', env });
		r = spawnSync('apt-get', ['install', '-y', '--no-install-recommends', ...missing], { stdio: 'inherit', env });
	}
	if (r.status !== 0) throw new Error(`apt-get install ${missing.join(' ')} failed (exit ${r.status})`);
	// the Debian packages start their own system services; the test uses private instances only
	for (const service of ['redis-server', 'postgresql']) spawnSync('service', [service, 'stop'], { stdio: 'ignore' });
}

function waitPort(port, timeoutMs, what, child) {
	const t0 = Date.now();
	return new Promise((resolve, reject) => {
		const attempt = () => {
			if (child.exitCode !== null || child.signalCode) return reject(new Error(`${what} exited (${child.exitCode ?? child.signalCode}) before listening`));
			const socket = net.connect(port, '127.0.0.1');
			socket.once('connect', () => {
				socket.destroy();
				resolve();
			});
			socket.once('error', () => {
				socket.destroy();
				if (Date.now() - t0 > timeoutMs) reject(new Error(`${what} did not listen on 127.0.0.1:${port} within ${timeoutMs / 1000}s`));
				else setTimeout(attempt, 100);
			});
		};
		attempt();
	});
}

/** Starts a process in its own group; its output goes to logFile. */
function startProcess(cmd, args, logFile, options = {}) {
	const fd = fs.openSync(logFile, 'a');
	const child = spawn(cmd, args, { stdio: ['ignore', fd, fd], detached: true, ...options });
	fs.closeSync(fd);
	return child;
}

/** Stops a process group we started: SIGTERM (or the given signal), SIGKILL after a grace period. */
async function stopProcess(child, signal = 'SIGTERM', graceMs = 10_000) {
	if (child.exitCode !== null || child.signalCode) return;
	const exited = new Promise((resolve) => child.once('exit', resolve));
	try {
		process.kill(-child.pid, signal);
	} catch {}
	const timer = setTimeout(() => {
		try {
			process.kill(-child.pid, 'SIGKILL');
		} catch {}
	}, graceMs);
	await exited;
	clearTimeout(timer);
}

/**
 * Starts redis-server and a fresh PostgreSQL cluster, both on 127.0.0.1 only.
 * Returns { redis: {host, port}, postgres: {host, port, user, database}, pids, stop() }.
 */
export async function startServices({ logDir = os.tmpdir() } = {}) {
	ensurePackages();
	fs.mkdirSync(logDir, { recursive: true });
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'b24-services-'));
	fs.chmodSync(dir, 0o755);
	const started = [];
	// a crash or Ctrl-C of the caller must not leave them running
	const onExit = () => {
		for (const { child } of started) {
			try {
				process.kill(-child.pid, 'SIGKILL');
			} catch {}
		}
		fs.rmSync(dir, { recursive: true, force: true });
	};
	process.on('exit', onExit);
	const stopAll = async () => {
		process.off('exit', onExit);
		for (const { child, signal } of started.reverse()) await stopProcess(child, signal);
		started.length = 0;
		fs.rmSync(dir, { recursive: true, force: true });
	};
	try {
		const redisPort = await freePort();
		const redis = startProcess(
			'redis-server',
			['--port', String(redisPort), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', dir],
			path.join(logDir, 'redis.log'),
		);
		started.push({ child: redis, signal: 'SIGTERM' });
		await waitPort(redisPort, 20_000, 'redis-server', redis);

		const bin = postgresBinDir();
		const data = path.join(dir, 'pg');
		fs.mkdirSync(data, { mode: 0o700 });
		// PostgreSQL refuses to run as root: the cluster belongs to the postgres system user then
		const asRoot = process.getuid?.() === 0;
		const run = (cmd, args) => (asRoot ? ['runuser', ['-u', 'postgres', '--', cmd, ...args]] : [cmd, args]);
		if (asRoot) spawnSync('chown', ['-R', 'postgres:postgres', data]);
		const pgLog = path.join(logDir, 'postgres.log');
		const [initCmd, initArgs] = run(path.join(bin, 'initdb'), ['-D', data, '-U', 'n8n', '-A', 'trust', '-E', 'UTF8', '--no-sync']);
		const init = spawnSync(initCmd, initArgs, { encoding: 'utf8', cwd: dir });
		fs.appendFileSync(pgLog, `${init.stdout}\n${init.stderr}\n`);
		if (init.status !== 0) throw new Error(`initdb failed (exit ${init.status}); see ${pgLog}`);
		const pgPort = await freePort();
		const [pgCmd, pgArgs] = run(path.join(bin, 'postgres'), [
			'-D', data, '-p', String(pgPort), '-k', data,
			'-c', 'listen_addresses=127.0.0.1', '-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off',
			'-c', 'max_connections=100',
		]);
		const postgres = startProcess(pgCmd, pgArgs, pgLog, { cwd: dir });
		// SIGINT is PostgreSQL's fast shutdown (SIGTERM would wait for n8n's pooled connections)
		started.push({ child: postgres, signal: 'SIGINT' });
		await waitPort(pgPort, 60_000, 'postgres', postgres);
		// the port opens before the cluster accepts logins
		const ready = path.join(bin, 'pg_isready');
		for (let i = 0; i < 100; i++) {
			if (spawnSync(ready, ['-h', '127.0.0.1', '-p', String(pgPort), '-U', 'n8n', '-d', 'postgres']).status === 0) break;
			await new Promise((r) => setTimeout(r, 200));
		}
		log(`redis-server pid ${redis.pid} on 127.0.0.1:${redisPort}; postgres pid ${postgres.pid} on 127.0.0.1:${pgPort} (${path.basename(path.dirname(bin))})`);
		return {
			redis: { host: '127.0.0.1', port: redisPort },
			postgres: { host: '127.0.0.1', port: pgPort, user: 'n8n', database: 'postgres' },
			pids: { redis: redis.pid, postgres: postgres.pid },
			stop: stopAll,
		};
	} catch (e) {
		await stopAll();
		throw e;
	}
}

// `node scripts/services.mjs` starts both, prints where, and stops them on Ctrl-C.
if (import.meta.url === `file://${process.argv[1]}`) {
	const services = await startServices();
	process.stdout.write(`${JSON.stringify({ redis: services.redis, postgres: services.postgres, pids: services.pids })}\n`);
	const stop = () => services.stop().then(() => process.exit(0));
	process.on('SIGINT', stop);
	process.on('SIGTERM', stop);
}
