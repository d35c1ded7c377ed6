// bizproc.workflow.start: answers the started workflow's ID, a string such as
// "66e81a641752f8.56521481" (bizproc-workflow-start.md). The rest of bizproc.workflow.*
// stays with the generic store (the handler is marked `wrapsGeneric`).
import type { Handler, HandlerMap } from '../core';

let started = 0;

export function bizprocHandlers(): HandlerMap {
	const start: Handler = (_ctx, core) => {
		started += 1;
		const seconds = Math.floor(Date.parse(core.clock.isoDate()) / 1000) || started;
		const id = `${seconds.toString(16).padStart(8, '0')}${(started & 0xfffff).toString(16).padStart(5, '0')}.${String(10_000_000 + ((started * 7_919) % 90_000_000)).padStart(8, '0')}`;
		return { result: id };
	};
	return { 'bizproc.workflow.start': Object.assign(start, { wrapsGeneric: true }) };
}
