import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { executeGeneric } from './handlers/generic';
import { findOperation } from './registry';
import type { ItemOutcome } from './types';

function errorJson(error: Error, resource: string, operation: string): IDataObject {
	const context = (error as NodeApiError).context ?? {};
	const httpCode = (error as NodeApiError).httpCode;
	return {
		error: error.message,
		...(context.bitrixCode ? { code: context.bitrixCode as string } : {}),
		...(httpCode ? { httpCode: Number(httpCode) || httpCode } : {}),
		resource,
		operation,
		timestamp: new Date().toISOString(),
	};
}

function asNodeError(ctx: IExecuteFunctions, error: Error, itemIndex: number): Error {
	if (error instanceof NodeApiError || error instanceof NodeOperationError) {
		error.context = { ...(error.context ?? {}), itemIndex };
		return error;
	}
	return new NodeOperationError(ctx.getNode(), error, { itemIndex });
}

/** Resource/operation → handler; one result set per input item, paired; continue-on-fail per item. */
export async function route(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const items = this.getInputData();
	const resource = this.getNodeParameter('resource', 0) as string;
	const operation = this.getNodeParameter('operation', 0) as string;
	const op = findOperation(resource, operation, this.getNode().typeVersion);
	if (!op) {
		throw new NodeOperationError(this.getNode(), `The operation "${operation}" of resource "${resource}" is not known`, {
			description: 'Pick a resource and operation from the lists; for any other method use System → Call Method.',
		});
	}

	let outcomes: ItemOutcome[];
	try {
		outcomes = await (op.execute ?? executeGeneric).call(this, op, items.length);
	} catch (error) {
		if (!this.continueOnFail()) throw asNodeError(this, error as Error, 0);
		outcomes = items.map(() => ({ error: error as Error }));
	}

	const output: INodeExecutionData[] = [];
	for (let i = 0; i < items.length; i++) {
		const outcome = outcomes[i];
		if (outcome.error) {
			if (!this.continueOnFail()) throw asNodeError(this, outcome.error, i);
			output.push({ json: errorJson(outcome.error, resource, operation), pairedItem: { item: i } });
			continue;
		}
		outcome.json.forEach((json, k) => {
			const binary = outcome.binary?.[k];
			output.push({ json, ...(binary ? { binary } : {}), pairedItem: { item: i } });
		});
	}
	return [output];
}
