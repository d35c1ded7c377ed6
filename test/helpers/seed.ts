import type { Portal } from './portal';
import { startPortal } from './portal';

/** The portal the registry walker and the area tests share: limits off, a little of everything seeded. */
export async function startSharedPortal(): Promise<Portal> {
	return await startPortal({ limits: false, seed: { deals: 5, leads: 5, contacts: 5, companies: 5, users: 3, tasks: 3 } });
}
