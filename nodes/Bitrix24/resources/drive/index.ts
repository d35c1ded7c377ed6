import type { IDataObject } from 'n8n-workflow';

import type { OperationSpec, PagingSpec, ParamSpec, ResourceSpec } from '../../types';
import { bool, fieldsOp, id, json, str } from '../shared';
import { binaryProperty, downloadFile, withFileContent } from './binary';
import { listOf } from '../platform/output';

/** Drive lists page with `start` (offset); their filter takes disk field names such as TYPE or NAME. */
const driveList: PagingSpec = { mode: 'start', filterKey: 'filter', orderKey: 'order' };

const storageId = id('id', 'Storage ID');
const folderId = id('id', 'Folder ID', undefined, { locator: 'folder' });
const fileId = id('id', 'File ID', undefined, { locator: 'file' });
const targetFolderId = id('targetFolderId', 'Target Folder ID');
const newName = str('newName', 'New Name', { required: true });

const rights = json('rights', 'Access Rights (JSON)', {
	shape: 'array',
	description: 'Access rights as a JSON array, e.g. [{"TASK_ID": 42, "ACCESS_CODE": "U35"}]; TASK_ID values come from disk.rights.getTasks',
});
const uniqueName = bool('generateUniqueName', 'Generate Unique Name', 'Whether to add a number to the name (file (1).docx) when the name is taken, instead of failing');
const uploadOptions: ParamSpec[] = [str('NAME', 'File Name', { to: 'data.NAME', description: 'Name on Drive; defaults to the file name of the binary data' }), uniqueName, rights];

const upload = (on: string, method: string, target: ParamSpec): OperationSpec => ({
	value: 'uploadFile',
	name: 'Upload File',
	action: `Upload a file to a ${on}`,
	description: `Upload a file from binary data to a ${on}`,
	method,
	kind: 'create',
	params: [target, binaryProperty('read')],
	optional: uploadOptions,
	optionalName: 'options',
	prepare: withFileContent(true),
	batchable: false,
});

const childrenOp = (of: string, method: string, target: ParamSpec): OperationSpec => ({
	value: 'getChildren',
	name: 'Get Children',
	action: `Get files and folders in a ${of}`,
	method,
	kind: 'getMany',
	params: [target],
	paging: driveList,
});

const newFolder = (method: string, parent: ParamSpec, value: string, name: string, action: string): OperationSpec => ({
	value,
	name,
	action,
	method,
	kind: 'create',
	params: [parent, str('NAME', 'Folder Name', { required: true, to: 'data.NAME' })],
});

const objectOps = (kind: 'file' | 'folder', target: ParamSpec, prefix: string): OperationSpec[] => [
	{ value: 'get', name: 'Get', action: `Get a ${kind}`, method: `${prefix}.get`, kind: 'get', params: [target] },
	{ value: 'rename', name: 'Rename', action: `Rename a ${kind}`, method: `${prefix}.rename`, kind: 'update', params: [target, newName] },
	{ value: 'move', name: 'Move', action: `Move a ${kind} to another folder`, method: `${prefix}.moveTo`, kind: 'action', params: [target, targetFolderId] },
	{ value: 'copy', name: 'Copy', action: `Copy a ${kind} to another folder`, method: `${prefix}.copyTo`, kind: 'action', params: [target, targetFolderId] },
	{ value: 'trash', name: 'Move to Trash', action: `Move a ${kind} to the trash`, method: `${prefix}.markDeleted`, kind: 'action', params: [target] },
	{
		value: 'restore',
		name: 'Restore',
		action: `Restore a ${kind} from the trash`,
		description: `Restore a ${kind} from the trash; use the ID it had before it was moved there`,
		method: `${prefix}.restore`,
		kind: 'action',
		params: [target],
	},
	{
		value: 'getExternalLink',
		name: 'Get Public Link',
		action: `Get a public link to a ${kind}`,
		method: `${prefix}.getExternalLink`,
		kind: 'action',
		params: [target],
		output: (result, request) => ({ id: (request as IDataObject).id as string, link: result as string }),
	},
	fieldsOp(`${prefix}.getFields`, kind),
];

export const driveStorage: ResourceSpec = {
	value: 'storage',
	name: 'Drive Storage',
	group: 'Drive',
	description: 'Drives of users, groups and the company',
	operations: [
		{ value: 'getMany', name: 'Get Many', action: 'Get many storages', method: 'disk.storage.getList', kind: 'getMany', paging: driveList },
		{ value: 'get', name: 'Get', action: 'Get a storage', method: 'disk.storage.get', kind: 'get', params: [storageId] },
		{
			value: 'getForApp',
			name: 'Get App Storage',
			action: "Get the application's storage",
			method: 'disk.storage.getForApp',
			kind: 'get',
			appOnly: true,
		},
		{
			value: 'rename',
			name: 'Rename',
			action: "Rename the application's storage",
			method: 'disk.storage.rename',
			kind: 'update',
			params: [storageId, newName],
			appOnly: true,
		},
		{
			value: 'getTypes',
			name: 'Get Types',
			action: 'Get the storage types',
			method: 'disk.storage.getTypes',
			kind: 'get',
			output: listOf('type'),
		},
		childrenOp('storage', 'disk.storage.getChildren', storageId),
		newFolder('disk.storage.addFolder', storageId, 'createFolder', 'Create Folder', 'Create a folder in the root of a storage'),
		upload('storage', 'disk.storage.uploadFile', storageId),
		fieldsOp('disk.storage.getFields', 'storage'),
	],
};

export const driveFolder: ResourceSpec = {
	value: 'folder',
	name: 'Drive Folder',
	group: 'Drive',
	operations: [
		...objectOps('folder', folderId, 'disk.folder'),
		childrenOp('folder', 'disk.folder.getChildren', folderId),
		newFolder('disk.folder.addSubFolder', folderId, 'createSubfolder', 'Create Subfolder', 'Create a folder inside a folder'),
		upload('folder', 'disk.folder.uploadFile', folderId),
		{ value: 'delete', name: 'Delete', action: 'Delete a folder and its contents', description: 'Delete a folder and everything in it for good, bypassing the trash', method: 'disk.folder.deleteTree', kind: 'delete', params: [folderId] },
	],
};

export const driveFile: ResourceSpec = {
	value: 'file',
	name: 'Drive File',
	group: 'Drive',
	operations: [
		...objectOps('file', fileId, 'disk.file'),
		{
			value: 'download',
			name: 'Download',
			action: 'Download a file',
			description: 'Download a file into binary data, with its Drive fields as JSON',
			method: 'disk.file.get',
			kind: 'action',
			params: [fileId, binaryProperty('write')],
			batchable: false,
			execute: downloadFile,
		},
		{
			value: 'uploadVersion',
			name: 'Upload Version',
			action: 'Upload a new version of a file',
			description: 'Replace the content of a file from binary data, keeping the old content as a version',
			method: 'disk.file.uploadVersion',
			kind: 'action',
			params: [fileId, binaryProperty('read')],
			prepare: withFileContent(false),
			batchable: false,
		},
		{ value: 'getVersions', name: 'Get Versions', action: 'Get the versions of a file', method: 'disk.file.getVersions', kind: 'getMany', params: [fileId], paging: { mode: 'start', filterKey: 'filter' } },
		{ value: 'delete', name: 'Delete', action: 'Delete a file', description: 'Delete a file for good, bypassing the trash', method: 'disk.file.delete', kind: 'delete', params: [fileId] },
		{
			value: 'getAttachedObject',
			name: 'Get Attachment',
			action: 'Get a file attached to a record',
			description: 'Get a Drive file attached to a task, comment or other record, by the attachment ID',
			method: 'disk.attachedObject.get',
			kind: 'get',
			params: [id('id', 'Attachment ID')],
		},
	],
};

export const driveResources: ResourceSpec[] = [driveStorage, driveFolder, driveFile];
