import type { Core, HandlerMap } from '../core';
export function diskHandlers(): HandlerMap {
	return {};
}
export function diskInitialData(_core: Core): void {}
