// Runs the n8n CLI (one pinned version, one private user folder) with the package linked the
// way a user's install is: $N8N_USER_FOLDER/.n8n/nodes/node_modules/n8n-nodes-b24.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';

export const PACKAGE_NAME = 'n8n-nodes-b24';

/** Tracks every child process so they can be killed on exit, whatever happens. */
const children = new Set();
export function trackChild(child) {
	children.add(child);
	child.on('exit', () => children.delete(child));
	return child;
}
export function killAllChildren(signal = 'SIGTERM') {
	for (const child of children) {
		try {
			process.kill(-child.pid, signal); // detached: its own process group
		} catch {
			try {
				child.kill(signal);
			} catch {}
		}
	}
}

export class N8nInstance {
	/**
	 * @param {object} o
	 * @param {{n8nBin:string,nodeBin:string,nodeDir:string|null}} o.install
	 * @param {string} o.userFolder  unique per run
	 * @param {string} o.packageRoot the built package (has package.json + dist/)
	 * @param {number} o.port        editor/REST port (server mode)
	 * @param {number} o.brokerPort  task-runner broker port (2.x)
	 * @param {string} o.logFile     where n8n's stderr/stdout of every command is appended
	 * @param {(s:string)=>string} [o.redact]
	 */
	constructor(o) {
		Object.assign(this, o);
		this.redact = o.redact ?? ((s) => s);
	}

	env(extra = {}) {
		const env = {
			PATH: process.env.PATH,
			HOME: process.env.HOME,
			TMPDIR: process.env.TMPDIR ?? '/tmp',
			LANG: process.env.LANG ?? 'C.UTF-8',
			N8N_USER_FOLDER: this.userFolder,
			DB_TYPE: 'sqlite',
			DB_SQLITE_POOL_SIZE: '2',
			N8N_ENCRYPTION_KEY: 'b24-e2e-encryption-key-0123456789',
			N8N_DIAGNOSTICS_ENABLED: 'false',
			N8N_VERSION_NOTIFICATIONS_ENABLED: 'false',
			N8N_TEMPLATES_ENABLED: 'false',
			N8N_PERSONALIZATION_ENABLED: 'false',
			N8N_HIRING_BANNER_ENABLED: 'false',
			N8N_ENFORCE_SETTINGS_FILE_PERMISSIONS: 'true',
			N8N_VERIFIED_PACKAGES_ENABLED: 'false',
			N8N_RUNNERS_BROKER_PORT: String(this.brokerPort),
			N8N_RUNNERS_BROKER_LISTEN_ADDRESS: '127.0.0.1',
			N8N_LISTEN_ADDRESS: '127.0.0.1',
			N8N_HOST: '127.0.0.1',
			N8N_PORT: String(this.port),
			N8N_SECURE_COOKIE: 'false',
			N8N_LOG_LEVEL: 'warn',
			N8N_NO_COLOR: '1',
			NO_COLOR: '1',
			// loopback only: no outgoing telemetry or update checks
			N8N_DIAGNOSTICS_CONFIG_FRONTEND: '',
			N8N_DIAGNOSTICS_CONFIG_BACKEND: '',
			...(this.versionEnv ?? {}),
			...extra,
		};
		if (this.nodeDir) env.PATH = `${path.join(this.nodeDir, 'bin')}${path.delimiter}${env.PATH}`;
		return env;
	}

	/** Creates the user folder and links the package like `npm install n8n-nodes-b24` in ~/.n8n/nodes would. */
	prepare() {
		const nodesDir = path.join(this.userFolder, '.n8n', 'nodes');
		fs.mkdirSync(path.join(nodesDir, 'node_modules'), { recursive: true });
		const pkgJson = path.join(nodesDir, 'package.json');
		if (!fs.existsSync(pkgJson)) {
			fs.writeFileSync(
				pkgJson,
				JSON.stringify({ name: 'installed-nodes', private: true }, null, 2),
			);
		}
		const link = path.join(nodesDir, 'node_modules', PACKAGE_NAME);
		try {
			fs.unlinkSync(link);
		} catch {}
		fs.symlinkSync(this.packageRoot, link, 'dir');
		return link;
	}

	/**
	 * Runs one n8n CLI command. Resolves {code, stdout, stderr, ms}; never rejects on a non-zero
	 * exit (callers assert), but does reject on timeout.
	 */
	run(args, { timeoutMs = 120_000, env = {} } = {}) {
		return new Promise((resolve, reject) => {
			const t0 = Date.now();
			const child = trackChild(
				spawn(this.nodeBin, [this.n8nBin, ...args], {
					cwd: this.userFolder,
					env: this.env(env),
					stdio: ['ignore', 'pipe', 'pipe'],
					detached: true,
				}),
			);
			let stdout = '';
			let stderr = '';
			child.stdout.on('data', (d) => (stdout += d));
			child.stderr.on('data', (d) => (stderr += d));
			const timer = setTimeout(() => {
				try {
					process.kill(-child.pid, 'SIGKILL');
				} catch {}
				reject(new Error(`n8n ${args[0]} timed out after ${timeoutMs / 1000}s`));
			}, timeoutMs);
			child.on('error', (e) => {
				clearTimeout(timer);
				reject(e);
			});
			child.on('close', (code, signal) => {
				clearTimeout(timer);
				const ms = Date.now() - t0;
				fs.appendFileSync(
					this.logFile,
					this.redact(
						`\n===== n8n ${args.join(' ')} → exit ${code ?? signal} in ${ms} ms\n--- stdout\n${stdout}\n--- stderr\n${stderr}\n`,
					),
				);
				resolve({ code, signal, stdout, stderr, ms });
			});
		});
	}

	async mustRun(args, opts) {
		const r = await this.run(args, opts);
		if (r.code !== 0) {
			throw new Error(
				`n8n ${args[0]} exited with ${r.code}: ${this.redact((r.stderr || r.stdout).trim().split('\n').slice(0, 8).join('\n'))}`,
			);
		}
		return r;
	}

	/**
	 * `n8n start` (server mode) on this.port, with WEBHOOK_URL pointing at it. Resolves once n8n
	 * says the editor is accessible (it activates the active workflows before that). The output
	 * is appended to the log file, redacted, when the server stops.
	 */
	async startServer({ env = {}, timeoutMs = 180_000 } = {}) {
		const base = `http://127.0.0.1:${this.port}`;
		const t0 = Date.now();
		const child = trackChild(
			spawn(this.nodeBin, [this.n8nBin, 'start'], {
				cwd: this.userFolder,
				env: this.env({ WEBHOOK_URL: `${base}/`, N8N_LOG_LEVEL: 'info', ...env }),
				stdio: ['ignore', 'pipe', 'pipe'],
				detached: true,
			}),
		);
		const server = { base, child, output: '', exited: null };
		child.stdout.on('data', (d) => (server.output += d));
		child.stderr.on('data', (d) => (server.output += d));
		const exited = new Promise((resolve) =>
			child.on('exit', (code, signal) => {
				server.exited = { code, signal };
				resolve(server.exited);
			}),
		);
		let logged = false;
		const writeLog = (note) => {
			if (logged) return;
			logged = true;
			fs.appendFileSync(
				this.logFile,
				this.redact(`
===== n8n start (${base}) → ${note} after ${Date.now() - t0} ms
${server.output}
`),
			);
		};
		server.stop = async () => {
			if (!server.exited) await stopGroup(child, exited);
			writeLog(`stopped (${server.exited.code ?? server.exited.signal})`);
		};
		try {
			await waitFor(() => server.exited || server.output.includes('Editor is now accessible'), {
				timeoutMs,
				intervalMs: 200,
				what: 'n8n start to report "Editor is now accessible"',
			});
			if (server.exited) throw new Error(`n8n start exited with ${server.exited.code ?? server.exited.signal}: ${this.redact(server.output.slice(-1500))}`);
		} catch (e) {
			await server.stop();
			throw e;
		}
		server.startMs = Date.now() - t0;
		return server;
	}

	importCredentials(file) {
		return this.mustRun(['import:credentials', `--input=${file}`]);
	}

	importWorkflows(dir) {
		return this.mustRun(['import:workflow', '--separate', `--input=${dir}`]);
	}

	async exportCredential(id) {
		const out = path.join(this.userFolder, `export-${id}-${Date.now()}.json`);
		await this.mustRun(['export:credentials', `--id=${id}`, '--decrypted', `--output=${out}`]);
		const data = JSON.parse(fs.readFileSync(out, 'utf8'));
		fs.rmSync(out, { force: true });
		return Array.isArray(data) ? data[0] : data;
	}

	/**
	 * Executes an imported workflow. Returns {code, run, error, ms, raw} where `run` is the
	 * parsed IRun (data.resultData...) or null if no JSON could be found.
	 */
	async execute(id, { timeoutMs = 120_000 } = {}) {
		const r = await this.run(['execute', `--id=${id}`, '--rawOutput'], { timeoutMs, env: { N8N_LOG_LEVEL: 'info' } });
		const run = parseRunJson(r.stdout);
		this.outputs = this.outputs ?? [];
		this.outputs.push({ id, text: r.stdout + r.stderr });
		let code = r.code;
		if (code === null && run?.finished !== undefined) {
			// Rarely (seen once with n8n 2.41.1 under heavy load) the process dies by a signal while
			// shutting down after it printed the whole result; judge the run by what it printed.
			code = run.status === 'success' || (run.finished && !run.data?.resultData?.error) ? 0 : 1;
			fs.appendFileSync(this.logFile, `(n8n exited by ${r.signal} after printing a complete result: counted as exit ${code})\n`);
		}
		return { code, run, ms: r.ms, raw: r };
	}
}

/**
 * --rawOutput prints the IRun JSON. On failure n8n prints a text preamble, the JSON, and more text
 * after it, so look for a line that opens a JSON object and cut it at its balanced closing brace.
 */
/** SIGTERM to a detached child's process group, SIGKILL after 30 s; resolves when it has exited. */
export async function stopGroup(child, exited) {
	try {
		process.kill(-child.pid, 'SIGTERM');
	} catch {}
	const timer = setTimeout(() => {
		try {
			process.kill(-child.pid, 'SIGKILL');
		} catch {}
	}, 30_000);
	await exited;
	clearTimeout(timer);
}

export function parseRunJson(stdout) {
	const text = stdout.trim();
	try {
		return JSON.parse(text);
	} catch {}
	let best = null;
	for (let at = 0; at < text.length; at++) {
		if (text[at] !== '{' || (at > 0 && text[at - 1] !== '\n')) continue;
		const end = balancedEnd(text, at);
		if (end < 0) continue;
		try {
			const parsed = JSON.parse(text.slice(at, end + 1));
			if (parsed?.data?.resultData) return parsed;
			best ??= parsed;
		} catch {}
	}
	return best;
}

/** Index of the brace that closes the object opened at `start`, or -1. */
function balancedEnd(text, start) {
	let depth = 0;
	let inString = false;
	for (let i = start; i < text.length; i++) {
		const c = text[i];
		if (inString) {
			if (c === '\\') i++;
			else if (c === '"') inString = false;
			continue;
		}
		if (c === '"') inString = true;
		else if (c === '{') depth++;
		else if (c === '}') {
			depth--;
			if (depth === 0) return i;
		}
	}
	return -1;
}

/** Waits until fn() resolves truthy, polling; bounded. */
export async function waitFor(fn, { timeoutMs = 30_000, intervalMs = 250, what = 'condition' } = {}) {
	const t0 = Date.now();
	let lastError;
	while (Date.now() - t0 < timeoutMs) {
		try {
			const v = await fn();
			if (v) return v;
		} catch (e) {
			lastError = e;
		}
		await new Promise((r) => setTimeout(r, intervalMs));
	}
	throw new Error(`timed out after ${timeoutMs / 1000}s waiting for ${what}${lastError ? `: ${lastError.message}` : ''}`);
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

/** Runs a test entry point; Ctrl-C, a crash or the end stops every child it started. */
export function runMain(main, tag) {
	for (const sig of ['SIGINT', 'SIGTERM']) {
		process.on(sig, () => {
			killAllChildren('SIGKILL');
			process.exit(130);
		});
	}
	process.on('exit', () => killAllChildren('SIGKILL'));
	main().catch((e) => {
		process.stderr.write(`[${tag}] ${e.stack ?? e}\n`);
		killAllChildren('SIGKILL');
		process.exit(1);
	});
}
