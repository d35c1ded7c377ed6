import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { getPath } from '../../handlers/generic';
import { readParams } from '../../params';
import { callMethod } from '../../transport/request';
import type { CustomExecute, ItemOutcome, OperationSpec } from '../../types';

/**
 * Messenger lists page by OFFSET/LIMIT or by a LAST_ID cursor instead of `start`, so the generic
 * reader cannot walk them: this one asks for full pages until a short page or the limit.
 */
export interface CursorPaging {
	/** `offset`: OFFSET grows by the rows read; `lastId`: the cursor is the last row's ID. */
	style: 'offset' | 'lastId';
	pageSize: number;
	/** Request keys (defaults: OFFSET, LIMIT, LAST_ID). */
	offsetKey?: string;
	limitKey?: string;
	cursorKey?: string;
	/** Where rows sit in `result`; rows keyed by ID are flattened. */
	itemsPath?: string;
	/** Row ID field for the cursor and to drop rows repeated by overlapping pages. */
	idField?: string;
}

function rowsOf(result: unknown, path?: string): IDataObject[] {
	const rows = getPath(result, path);
	if (Array.isArray(rows)) return rows as IDataObject[];
	if (rows && typeof rows === 'object') return Object.values(rows as IDataObject) as IDataObject[];
	return [];
}

export function cursorList(paging: CursorPaging): CustomExecute {
	const { style, pageSize, offsetKey = 'OFFSET', limitKey = 'LIMIT', cursorKey = 'LAST_ID', idField = 'id' } = paging;
	return async function (this: IExecuteFunctions, op: OperationSpec, itemCount: number): Promise<ItemOutcome[]> {
		const outcomes: ItemOutcome[] = [];
		for (let i = 0; i < itemCount; i++) {
			try {
				const params = readParams(this, op, i);
				const want = this.getNodeParameter('returnAll', i, false) ? Number.POSITIVE_INFINITY : (this.getNodeParameter('limit', i, 50) as number);
				const rows: IDataObject[] = [];
				const seen = new Set<string>();
				let offset = Number(params[offsetKey] ?? 0);
				let cursor = params[cursorKey];
				while (rows.length < want) {
					const size = Math.min(pageSize, want - rows.length);
					const request: IDataObject = { ...params, [limitKey]: size };
					if (style === 'offset') request[offsetKey] = offset;
					else if (cursor !== undefined) request[cursorKey] = cursor;
					const envelope = await callMethod(this, op.method, request, { itemIndex: i, idempotent: true });
					const page = rowsOf(envelope.result, paging.itemsPath);
					for (const row of page) {
						const key = String(row[idField] ?? '');
						if (key && seen.has(key)) continue;
						if (key) seen.add(key);
						if (rows.length < want) rows.push(row);
					}
					if (page.length < size) break;
					offset += page.length;
					cursor = page[page.length - 1][idField];
				}
				outcomes.push({ json: rows });
			} catch (error) {
				outcomes.push({ error: error as Error });
			}
		}
		return outcomes;
	};
}
