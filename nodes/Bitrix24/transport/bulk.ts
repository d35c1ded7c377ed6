import { NodeApiError } from 'n8n-workflow';

import type { B24Context } from './connection';
import { bitrixApiError } from './errors';
import type { Command } from './request';
import { callBatch, callMethod } from './request';
import { BATCH_SIZE } from './paging';

export type CommandOutcome = { ok: true; result: unknown } | { ok: false; error: Error };

/** The same failure, pinned to another item. */
export function forItem(error: Error, itemIndex: number): Error {
	const copy = Object.assign(Object.create(Object.getPrototypeOf(error) as object) as Error, error);
	// an Error's message and stack are not enumerable: Object.assign leaves them behind
	copy.message = error.message;
	copy.stack = error.stack;
	if (error instanceof NodeApiError || 'context' in error) {
		(copy as NodeApiError).context = { ...((error as NodeApiError).context ?? {}), itemIndex };
	}
	return copy;
}

/**
 * Runs one command per item: packed 50 to a batch (halt=0) so each item gets its own result or
 * error, or one call per item for methods that cannot run inside batch.
 */
export async function runCommands(
	ctx: B24Context,
	entries: Array<{ itemIndex: number; command: Command }>,
	batchable = true,
): Promise<Map<number, CommandOutcome>> {
	const outcomes = new Map<number, CommandOutcome>();
	// REST 3.0 has its own batch (a JSON array of {method, query}), but its docs do not say how one
	// failed call is reported, so each REST 3.0 command is its own call with its own error
	if (!batchable || entries.length === 1 || entries.some(({ command }) => command.api === 'v3')) {
		for (const { itemIndex, command } of entries) {
			try {
				const envelope = await callMethod(ctx, command.method, command.params, { itemIndex, api: command.api });
				outcomes.set(itemIndex, { ok: true, result: envelope.result });
			} catch (error) {
				outcomes.set(itemIndex, { ok: false, error: error as Error });
			}
		}
		return outcomes;
	}
	for (let offset = 0; offset < entries.length; offset += BATCH_SIZE) {
		const chunk = entries.slice(offset, offset + BATCH_SIZE);
		const commands: Record<string, Command> = {};
		for (const { itemIndex, command } of chunk) commands[`i${itemIndex}`] = command;
		try {
			// refused commands (OPERATION_TIME_LIMIT) are re-sent by callBatch under the same keys
			const progress = `${offset.toLocaleString('en')} of ${entries.length.toLocaleString('en')} items done`;
			const batch = await callBatch(ctx, commands, { itemIndex: chunk[0].itemIndex, halt: false, progress });
			for (const { itemIndex } of chunk) {
				const key = `i${itemIndex}`;
				const error = batch.errors[key];
				if (error) {
					outcomes.set(itemIndex, {
						ok: false,
						error: bitrixApiError(ctx.getNode(), { code: error.error, description: error.error_description, method: commands[key].method, commandKey: key, itemIndex }, []),
					});
				} else if (key in batch.result) {
					outcomes.set(itemIndex, { ok: true, result: batch.result[key] });
				} else {
					outcomes.set(itemIndex, {
						ok: false,
						error: bitrixApiError(
							ctx.getNode(),
							{ code: 'NOT_EXECUTED', description: 'Bitrix24 did not run this command in the batch', method: commands[key].method, commandKey: key, itemIndex, hint: 'Run the item again.' },
							[],
						),
					});
				}
			}
		} catch (error) {
			for (const { itemIndex } of chunk) outcomes.set(itemIndex, { ok: false, error: forItem(error as Error, itemIndex) });
		}
	}
	return outcomes;
}

