import type { ItemOutcome } from '../types';

/**
 * The one per-item loop: runs `body` for each input item in order; what it throws becomes that item's
 * error outcome, so the other items still run (the router decides continue-on-fail). A body that only
 * collects a request for a later batch returns nothing and the batch fills the item's outcome in.
 */
export async function forEachItem(itemCount: number, body: (itemIndex: number) => Promise<ItemOutcome | void>): Promise<ItemOutcome[]> {
	const outcomes: ItemOutcome[] = new Array(itemCount);
	for (let i = 0; i < itemCount; i++) {
		try {
			const outcome = await body(i);
			if (outcome) outcomes[i] = outcome;
		} catch (error) {
			outcomes[i] = { error: error as Error };
		}
	}
	return outcomes;
}
