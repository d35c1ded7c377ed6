import type { Core, HandlerMap } from '../core';
import type { Store } from '../store';
export function openlinesHandlers(): HandlerMap {
	return {};
}
export function openlinesInitialData(_core: Core): void {}
export function seedOpenlines(_s: Store, _n: number, _r: () => number): void {}
