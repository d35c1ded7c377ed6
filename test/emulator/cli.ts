// npm run emulator -- [--port N] [--seed deals=10000,contacts=500] [--time-scale 100] [--plan standard|enterprise|none]
// Prints one line with the portal URL, a webhook URL and OAuth2 app data, then serves until SIGINT/SIGTERM.
import { startEmulator } from './index';
import type { EmulatorOptions, Plan } from './types';

function parseArgs(argv: string[]): EmulatorOptions {
	const o: EmulatorOptions = {};
	for (let i = 0; i < argv.length; i++) {
		const [flag, inline] = argv[i].split('=', 2);
		const val = (): string => (inline !== undefined && !flag.startsWith('--seed') ? inline : argv[++i]);
		switch (flag) {
			case '--port':
				o.port = Number(val());
				break;
			case '--seed': {
				const spec = argv[i].startsWith('--seed=') ? argv[i].slice('--seed='.length) : argv[++i];
				o.seed = {};
				for (const part of (spec || '').split(',').filter(Boolean)) {
					const [k, n] = part.split('=');
					o.seed[k.trim()] = Number(n);
				}
				break;
			}
			case '--time-scale':
				o.timeScale = Number(val());
				break;
			case '--plan':
				o.plan = val() as Plan;
				break;
			case '--no-limits':
				o.limits = false;
				break;
			case '--operating-billing':
				o.operatingBilling = val() as 'per-method' | 'batch';
				break;
			default:
				break;
		}
	}
	return o;
}

async function main(): Promise<void> {
	const em = await startEmulator(parseArgs(process.argv.slice(2)));
	process.stdout.write(
		`Bitrix24 emulator portal=${em.url} webhook=${em.webhookUrl} client_id=${em.oauth.clientId} client_secret=${em.oauth.clientSecret} token_url=${em.oauth.tokenUrl} authorize_url=${em.oauth.authorizeUrl}\n`,
	);
	const stop = (): void => {
		em.stop().then(() => process.exit(0), () => process.exit(0));
	};
	process.on('SIGINT', stop);
	process.on('SIGTERM', stop);
}

main().catch((e) => {
	process.stderr.write(`${(e as Error).stack || e}\n`);
	process.exit(1);
});
