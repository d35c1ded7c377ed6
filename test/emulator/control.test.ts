import { spawn } from 'child_process';
import * as path from 'path';
import { startEmulator, Emulator } from './index';
import { get, hook, post } from './helpers';

describe('HTTP control API', () => {
	let em: Emulator;
	beforeAll(async () => {
		em = await startEmulator({ limits: false });
	});
	afterAll(() => em.stop());

	test('seed, store, log, counters, faults, tokens', async () => {
		const seeded = await post(`${em.url}/_emulator/seed`, { deals: 7 });
		expect(seeded.body).toEqual({ deals: 7 });
		const store = await get(`${em.url}/_emulator/store/deals`);
		expect(store.body.count).toBe(7);
		await hook(em, 'crm.deal.list');
		const log = await get(`${em.url}/_emulator/log`);
		expect(log.body.at(-1).method).toBe('crm.deal.list');
		const counters = await get(`${em.url}/_emulator/counters`);
		expect(counters.body.byMethod['crm.deal.list']).toBe(1);
		expect(counters.body.byStatus['200']).toBe(1);
		await post(`${em.url}/_emulator/faults`, { method: 'profile', kind: 'status', status: 503 });
		expect((await hook(em, 'profile')).status).toBe(503);
		await post(`${em.url}/_emulator/log/clear`, {});
		expect((await get(`${em.url}/_emulator/log`)).body).toEqual([]);
		const tokens = await post(`${em.url}/_emulator/tokens`, { expired: true });
		expect(tokens.body.access_token).toBeDefined();
		const r = await post(`${em.url}/rest/profile`, { auth: tokens.body.access_token });
		expect(r.body.error).toBe('expired_token');
	});
});

describe('CLI', () => {
	test('prints one line with portal, webhook and OAuth data, then serves until SIGTERM', async () => {
		const child = spawn(process.execPath, [require.resolve('ts-node/dist/bin.js'), '--transpile-only', path.join(__dirname, 'cli.ts'), '--seed', 'deals=3', '--time-scale', '100', '--plan', 'enterprise'], {
			cwd: path.join(__dirname, '..', '..'),
			stdio: ['ignore', 'pipe', 'pipe'],
		});
		const line = await new Promise<string>((resolve, reject) => {
			let buf = '';
			child.stdout.on('data', (c: Buffer) => {
				buf += c.toString();
				if (buf.includes('\n')) resolve(buf.split('\n')[0]);
			});
			child.on('exit', (code) => reject(new Error(`exited ${code}`)));
		});
		try {
			const m = /webhook=(\S+)/.exec(line);
			expect(line).toMatch(/portal=http:\/\/127\.0\.0\.1:\d+ /);
			expect(line).toMatch(/client_id=\S+ client_secret=\S+ token_url=\S+/);
			const r = await post(`${m![1]}crm.deal.list`, {});
			expect(r.body.total).toBe(3);
		} finally {
			const exited = new Promise((r) => child.on('exit', r));
			child.kill('SIGTERM');
			await exited;
		}
	}, 30000);
});
