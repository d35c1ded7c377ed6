// Starts the project's Bitrix24 emulator (test/emulator, TypeScript) in this process through
// ts-node, and gives the harness a small, stable surface over it.
import { createRequire } from 'node:module';
import fs from 'node:fs';
import path from 'node:path';

const require = createRequire(import.meta.url);

let registered = false;
function registerTsNode(repoRoot) {
	if (registered) return;
	require(require.resolve('ts-node', { paths: [repoRoot] })).register({
		transpileOnly: true,
		project: path.join(repoRoot, 'tsconfig.json'),
		compilerOptions: { module: 'commonjs' },
	});
	registered = true;
}

/**
 * @param {string} repoRoot
 * @param {object} options EmulatorOptions (port, plan, seed, apiKey, ...)
 * @returns {Promise<Emulator>}
 */
export async function startEmulator(repoRoot, options = {}) {
	registerTsNode(repoRoot);
	const dir = path.join(repoRoot, 'test', 'emulator');
	let inst;
	if (fs.existsSync(path.join(dir, 'index.ts'))) {
		const mod = require(path.join(dir, 'index.ts'));
		inst = await mod.startEmulator({ port: 0, ...options });
	} else {
		// the library entry point is not there yet: drive the server class directly
		const { EmulatorServer } = require(path.join(dir, 'server.ts'));
		const server = new EmulatorServer(options);
		await server.listen(options.port ?? 0);
		inst = {
			server,
			get url() {
				return server.url;
			},
			get webhookUrl() {
				return server.webhookUrl;
			},
			get webhook() {
				return server.webhook;
			},
			get oauth() {
				return server.oauthInfo;
			},
			issueTokens: (o) => server.issueTokens(o),
			get log() {
				return server.log;
			},
			calls: (method) => server.log.filter((e) => e.method === method),
			clearLog: () => server.clearLog(),
			counters: () => server.counters(),
			store: server.store,
			faults: server.faults,
			stop: () => server.close(),
		};
	}
	return new Emulator(inst);
}

export class Emulator {
	constructor(inst) {
		this.inst = inst;
	}
	get url() {
		return this.inst.url;
	}
	get webhookUrl() {
		return this.inst.webhookUrl;
	}
	get webhook() {
		return this.inst.webhook;
	}
	get oauth() {
		return this.inst.oauth;
	}
	issueTokens(opts = {}) {
		return this.inst.issueTokens(opts);
	}
	/** Every logged REST call (batch sub-commands carry `parent`). Secrets are masked by the emulator. */
	log() {
		return [...(typeof this.inst.log === 'function' ? this.inst.log() : this.inst.log)];
	}
	clearLog() {
		this.inst.clearLog();
	}
	counters() {
		return this.inst.counters();
	}
	count(entity) {
		return this.inst.store.count(entity);
	}
	all(entity) {
		return this.inst.store.all ? this.inst.store.all(entity) : [];
	}
	/** Seeds n records of the first entity name the emulator knows; returns the name used or null. */
	seedAny(names, n) {
		for (const name of names) {
			try {
				this.inst.store.seed(name, n);
				return name;
			} catch {}
		}
		return null;
	}
	/** Finds an open Open Lines session: {sessionId, chatId} or null. */
	openSession() {
		let rows = [];
		try {
			rows = this.all('olSession');
		} catch {
			return null;
		}
		const open = rows.find((r) => r.CLOSED === 'N' || r.CLOSED === undefined);
		return open ? { sessionId: Number(open.ID ?? open.id), chatId: Number(open.CHAT_ID) } : null;
	}
	/** Logged calls of one REST method. */
	calls(method) {
		return this.log().filter((e) => e.method === method);
	}
	/** Event deliveries the emulator made so far ({event, handler, status, ...}). */
	get deliveries() {
		return this.inst.deliveries ?? [];
	}
	/** Resolves when every queued event delivery has finished. */
	deliveriesSettled() {
		return this.inst.deliveriesSettled();
	}
	/** Registers an outgoing webhook (the portal's "Outgoing webhook" settings) for these events. */
	outgoingWebhook(handlerUrl, events, applicationToken) {
		return this.inst.outgoingWebhook(handlerUrl, events, applicationToken);
	}
	injectFault(fault) {
		this.inst.faults.inject(fault);
	}
	clearFaults() {
		this.inst.faults.clear?.();
	}
	/** Secrets that must never be printed. */
	secrets() {
		const s = [];
		if (this.webhook?.code) s.push(this.webhook.code);
		if (this.oauth?.clientSecret) s.push(this.oauth.clientSecret);
		return s;
	}
	async stop() {
		await this.inst.stop();
	}
}
