import type { HandlerMap } from '../core';
export function imHandlers(): HandlerMap {
	return {};
}
