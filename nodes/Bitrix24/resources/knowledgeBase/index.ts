import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import type { OperationSpec, ResourceSpec } from '../../types';
import { binaryProperty } from '../drive/binary';
import { bool, num, str } from '../shared';
import { fieldOps, intId, restV3 } from '../v3common';

// note.* (REST 3.0): Knowledge Base 2.0 — knowledge bases ("collections"), their documents and files.

const collectionId = intId('id', 'Knowledge Base ID');
const documentId = intId('id', 'Document ID');

/** note.*.archive and note.*.delete answer `{result: true}`. */
const done = (flag: string) => (result: unknown, request: IDataObject | unknown[]) => ({
	id: (request as IDataObject).id as number,
	[flag]: (result as IDataObject | undefined)?.result === true,
});

const archive = (what: string, method: string, key: typeof collectionId): OperationSpec => ({
	value: 'archive',
	name: 'Archive',
	action: `Archive ${what}`,
	method,
	kind: 'action',
	params: [key],
	output: done('archived'),
});

/**
 * note.collection.list pages by cursor: `pagination.afterCursor` takes the `nextCursor` of the
 * previous answer, which is null after the last page (note-collection-list.md).
 */
const PAGE = 200;

const collection: ResourceSpec = {
	value: 'knowledgeBase',
	name: 'Knowledge Base',
	group: 'Knowledge Base',
	description: 'Knowledge bases of Knowledge Base 2.0 (REST 3.0)',
	operations: restV3([
		{
			value: 'create',
			name: 'Create',
			action: 'Create a knowledge base',
			method: 'note.collection.add',
			kind: 'create',
			params: [str('name', 'Name', { required: true, to: 'fields.name', description: 'Up to 255 characters' })],
			optional: [num('position', 'Position', { to: 'fields.position', description: 'Place in the list of knowledge bases' })],
			unwrap: 'item',
		},
		{ value: 'get', name: 'Get', action: 'Get a knowledge base', method: 'note.collection.get', kind: 'get', params: [collectionId], unwrap: 'item' },
		{
			value: 'getMany',
			name: 'Get Many',
			action: 'Get many knowledge bases',
			method: 'note.collection.list',
			kind: 'getMany',
			paging: { mode: 'pagination', pageSize: PAGE, itemsPath: 'items', cursorKey: 'afterCursor', nextCursorKey: 'nextCursor' },
		},
		{
			value: 'update',
			name: 'Update',
			action: 'Rename a knowledge base',
			method: 'note.collection.update',
			kind: 'update',
			params: [collectionId, str('name', 'Name', { required: true, to: 'fields.name', description: 'The new name, up to 255 characters' })],
			unwrap: 'item',
		},
		{ value: 'delete', name: 'Delete', action: 'Delete a knowledge base', method: 'note.collection.delete', kind: 'delete', params: [collectionId], output: done('deleted') },
		archive('a knowledge base', 'note.collection.archive', collectionId),
		...fieldOps('note.collection', 'a knowledge base'),
	]),
};

const document: ResourceSpec = {
	value: 'knowledgeBaseDocument',
	name: 'Knowledge Base Document',
	group: 'Knowledge Base',
	description: 'Documents (pages in Markdown) of a knowledge base (REST 3.0)',
	operations: restV3([
		{
			value: 'create',
			name: 'Create',
			action: 'Create a knowledge base document',
			method: 'note.document.add',
			kind: 'create',
			params: [
				intId('collectionId', 'Knowledge Base ID', { to: 'fields.collectionId' }),
				str('title', 'Title', { required: true, to: 'fields.title', description: 'Up to 255 characters' }),
			],
			optional: [
				num('parentId', 'Parent Document ID', { integer: true, to: 'fields.parentId', description: 'Put the document under this one' }),
				str('markdown', 'Markdown', { to: 'fields.markdown', description: 'The content in Markdown (up to 1 MB)' }),
			],
			unwrap: 'item',
		},
		{ value: 'get', name: 'Get', action: 'Get a knowledge base document', method: 'note.document.get', kind: 'get', params: [documentId], unwrap: 'item' },
		{
			value: 'update',
			name: 'Update',
			action: 'Update a knowledge base document',
			description: 'Change the title or the Markdown content of a document (at least one)',
			method: 'note.document.update',
			kind: 'update',
			params: [documentId],
			optional: [
				str('title', 'Title', { to: 'fields.title' }),
				str('markdown', 'Markdown', { to: 'fields.markdown', description: 'The new content; a file goes in as its Asset Markdown from Knowledge Base File → Get' }),
				bool('overwrite', 'Overwrite Unsaved Edits', 'Whether to overwrite changes not yet saved in the collaborative editor'),
			],
			optionalName: 'updateFields',
			unwrap: 'item',
		},
		{ value: 'delete', name: 'Delete', action: 'Delete a knowledge base document', method: 'note.document.delete', kind: 'delete', params: [documentId], output: done('deleted') },
		archive('a knowledge base document', 'note.document.archive', documentId),
		{
			value: 'search',
			name: 'Search',
			action: 'Search knowledge base documents',
			description: 'Full-text search across the documents the user can read, best matches first',
			method: 'note.document.search.list',
			kind: 'action',
			params: [str('query', 'Query', { required: true, description: '3 to 200 characters' })],
			optional: [num('limit', 'Limit', { default: 50, to: 'pagination.limit', description: 'Max number of results to return (up to 200)' })],
			optionalName: 'options',
			unwrap: 'items',
		},
		{
			value: 'getTree',
			name: 'Get Tree',
			action: 'Get the document tree of a knowledge base',
			description: 'Get the documents of a knowledge base as a tree (each with its children)',
			method: 'note.document.tree.list',
			kind: 'action',
			params: [intId('collectionId', 'Knowledge Base ID')],
			unwrap: 'items',
		},
		...fieldOps('note.document', 'a knowledge base document'),
		...fieldOps('note.document.search', 'a document search result', 'SearchField', 'Search'),
		...fieldOps('note.document.tree', 'a document tree entry', 'TreeField', 'Tree'),
	]),
};

/** note.file.add takes the file inline as Base64 `fileContent` with its `fileName`. */
async function withFile(this: IExecuteFunctions, params: IDataObject, itemIndex: number): Promise<IDataObject> {
	const { binaryPropertyName, ...request } = params;
	const property = String(binaryPropertyName);
	const binary = this.helpers.assertBinaryData(itemIndex, property);
	const buffer = await this.helpers.getBinaryDataBuffer(itemIndex, property);
	request.fileName = request.fileName || binary.fileName || `file${binary.fileExtension ? `.${binary.fileExtension}` : ''}`;
	request.fileContent = buffer.toString('base64');
	return request;
}

const file: ResourceSpec = {
	value: 'knowledgeBaseFile',
	name: 'Knowledge Base File',
	group: 'Knowledge Base',
	description: 'Files attached to knowledge base documents (REST 3.0)',
	operations: restV3([
		{
			value: 'upload',
			name: 'Upload',
			action: 'Upload a file to a knowledge base document',
			description: 'Attach a file from binary data to a document; put its Asset Markdown into the document to show it',
			method: 'note.file.add',
			kind: 'create',
			params: [intId('documentId', 'Document ID'), binaryProperty('read')],
			optional: [str('fileName', 'File Name', { description: 'Name with extension; defaults to the file name of the binary data' })],
			optionalName: 'options',
			prepare: withFile,
			unwrap: 'item',
			batchable: false,
		},
		{
			value: 'get',
			name: 'Get',
			action: 'Get a knowledge base file',
			method: 'note.file.get',
			kind: 'get',
			params: [intId('id', 'File ID'), intId('documentId', 'Document ID')],
			unwrap: 'item',
		},
		...fieldOps('note.file', 'a knowledge base file'),
	]),
};

export const knowledgeBaseResources: ResourceSpec[] = [collection, document, file];
