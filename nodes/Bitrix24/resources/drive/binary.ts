import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { readParams } from '../../params';
import { callMethod } from '../../transport/request';
import { downloadSigned } from '../../transport/download';
import type { ItemOutcome, OperationSpec, ParamSpec } from '../../types';
import { forEachItem } from '../../handlers/items';
import { str } from '../shared';

export const binaryProperty = (verb: 'read' | 'write'): ParamSpec =>
	str('binaryPropertyName', verb === 'read' ? 'Input Binary Field' : 'Put Output File in Field', {
		required: true,
		default: 'data',
		description:
			verb === 'read'
				? 'The name of the input binary field holding the file to upload'
				: 'The name of the output binary field to put the file in',
	});

/**
 * Drive uploads take the file inline as `fileContent: [name, base64]`. The name defaults to the
 * binary's own file name; `data.NAME` is set only by the methods that document it.
 */
export function withFileContent(withDataName: boolean) {
	return async function (this: IExecuteFunctions, params: IDataObject, itemIndex: number): Promise<IDataObject> {
		const { binaryPropertyName, ...request } = params;
		const property = String(binaryPropertyName);
		const binary = this.helpers.assertBinaryData(itemIndex, property);
		const buffer = await this.helpers.getBinaryDataBuffer(itemIndex, property);
		const data = (request.data ?? {}) as IDataObject;
		const name = String(data.NAME || binary.fileName || `file${binary.fileExtension ? `.${binary.fileExtension}` : ''}`);
		if (withDataName) request.data = { ...data, NAME: name };
		request.fileContent = [name, buffer.toString('base64')];
		return request;
	};
}

/** Download: disk.file.get for the signed DOWNLOAD_URL, then the file itself as n8n binary data. */
export async function downloadFile(this: IExecuteFunctions, op: OperationSpec, itemCount: number): Promise<ItemOutcome[]> {
	return await forEachItem(itemCount, async (i) => {
		// File ID is a resource locator from node version 2, read like every other input
		const params = await readParams(this, op, i);
		const id = String(params.id);
		const property = String(params.binaryPropertyName);
		const envelope = await callMethod(this, op.method, { id }, { itemIndex: i, idempotent: true });
		const { DOWNLOAD_URL: link, ...file } = (envelope.result ?? {}) as IDataObject;
		const { body, mimeType } = await downloadSigned(this, String(link ?? ''), i);
		const binary = await this.helpers.prepareBinaryData(body, String(file.NAME ?? `file-${id}`), mimeType);
		return { json: [file], binary: [{ [property]: binary }] };
	});
}
