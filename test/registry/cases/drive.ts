import type { IBinaryKeyData, IDataObject } from 'n8n-workflow';

import type { Portal } from '../../helpers/portal';
import { seededRows } from './seed';
import type { Cases, OperationCase } from './types';

const CONTENT = Buffer.from('Bitrix24 Drive case\n');
const binary = (fileName = 'case.txt'): IBinaryKeyData => ({ data: { data: CONTENT.toString('base64'), mimeType: 'text/plain', fileName } });

let counter = 0;
/** The portal of the running case, for checks against what the portal keeps. */
let portalRef: Portal;
const unique = (stem: string) => `${stem} ${++counter}`;

/** A fresh folder under "Shared documents" (root folder 2), made through the node itself. */
async function folder(portal: Portal): Promise<string> {
	const [created] = await portal.json({ resource: 'folder', operation: 'createSubfolder', folder: '2', NAME: unique('case folder') });
	return created.ID as string;
}

async function file(portal: Portal): Promise<string> {
	const [created] = await portal.json({ resource: 'folder', operation: 'uploadFile', folder: await folder(portal), binaryPropertyName: 'data' }, { binary: [binary(`${unique('case')}.txt`)] });
	return created.ID as string;
}

const fileObject = (items: IDataObject[]) => {
	expect(items).toHaveLength(1);
	expect(items[0]).toMatchObject({ ID: expect.any(String), NAME: expect.any(String), TYPE: 'file', STORAGE_ID: expect.any(String), SIZE: expect.any(String) });
};
const folderObject = (items: IDataObject[]) => {
	expect(items).toHaveLength(1);
	expect(items[0]).toMatchObject({ ID: expect.any(String), NAME: expect.any(String), TYPE: 'folder', PARENT_ID: expect.any(String) });
};
/** *.getFields (disk-storage-get-fields.md & co.): one item per documented field, ID and NAME among them. */
const hasFields = (items: IDataObject[]) => {
	expect(items.map((field) => field.field)).toEqual(expect.arrayContaining(['ID', 'NAME']));
	for (const field of items) expect(field).toMatchObject({ field: expect.any(String), TYPE: expect.any(String) });
};
const idParam = (expected?: string) => (params: IDataObject) => expect(String(params.id)).toBe(expected ?? String(params.id));

/**
 * copyTo and restore answer the copied/restored object (disk-folder-copy-to.md, disk-file-copy-to.md,
 * disk-folder-restore.md, disk-file-restore.md): the node outputs that object. Its documented fields:
 */
const FOLDER_KEYS = ['ID', 'NAME', 'CODE', 'STORAGE_ID', 'TYPE', 'REAL_OBJECT_ID', 'PARENT_ID', 'DELETED_TYPE', 'CREATE_TIME', 'UPDATE_TIME', 'DELETE_TIME', 'CREATED_BY', 'UPDATED_BY', 'DELETED_BY', 'DETAIL_URL'];
const FILE_KEYS = ['ID', 'NAME', 'CODE', 'STORAGE_ID', 'TYPE', 'PARENT_ID', 'DELETED_TYPE', 'GLOBAL_CONTENT_VERSION', 'FILE_ID', 'SIZE', 'CREATE_TIME', 'UPDATE_TIME', 'DELETE_TIME', 'CREATED_BY', 'UPDATED_BY', 'DELETED_BY', 'DOWNLOAD_URL', 'DETAIL_URL'];
const documentedObject = (kind: 'file' | 'folder', check: (item: IDataObject) => void) => (items: IDataObject[]) => {
	expect(items).toHaveLength(1);
	expect(Object.keys(items[0]).sort()).toEqual([...(kind === 'file' ? FILE_KEYS : FOLDER_KEYS)].sort());
	expect(items[0]).toMatchObject({ NAME: expect.any(String), STORAGE_ID: expect.any(String), PARENT_ID: expect.any(String), DELETED_TYPE: expect.any(Number) });
	check(items[0]);
};

const onObject = (kind: 'file' | 'folder', make: (portal: Portal) => Promise<string>): Cases => {
	const shape = kind === 'file' ? fileObject : folderObject;
	let id = '';
	let target = '';
	let copied = 0;
	const table = kind === 'file' ? 'diskFile' : 'diskFolder';
	const withId = async (portal: Portal) => ({ id: (id = await make(portal)) });
	const moveOrCopy = (op: string): OperationCase => ({
		parameters: async (portal) => ((portalRef = portal), { ...(await withId(portal)), targetFolderId: (target = await folder(portal)) }),
		request: (params) => expect(params).toEqual({ id, targetFolderId: target }),
		output:
			op === 'move'
				? (items) => (shape(items), expect(items[0]).toMatchObject({ ID: id, PARENT_ID: target }))
				: // the copy is a new object: documented with a numeric ID, in the target folder, kept by the portal
					documentedObject(kind, (item) => {
						expect(item).toMatchObject({ ID: expect.any(Number), TYPE: kind, PARENT_ID: target, DELETED_TYPE: 0 });
						expect(item.ID).not.toBe(Number(id));
						copied = item.ID as number;
						expect(portalRef.emu.store.get(table, copied)).toMatchObject({ PARENT_ID: Number(target), DELETED_TYPE: 0 });
					}),
	});
	return {
		[`${kind}.get`]: { parameters: (portal) => withId(portal), request: (params) => expect(params).toEqual({ id }), output: (items) => (shape(items), expect(items[0].ID).toBe(id)) },
		[`${kind}.rename`]: {
			parameters: async (portal) => ({ ...(await withId(portal)), newName: `renamed ${kind} ${id}` }),
			request: (params) => expect(params).toEqual({ id, newName: `renamed ${kind} ${id}` }),
			output: (items) => (shape(items), expect(items[0]).toMatchObject({ ID: id, NAME: `renamed ${kind} ${id}` })),
		},
		[`${kind}.move`]: moveOrCopy('move'),
		[`${kind}.copy`]: moveOrCopy('copy'),
		[`${kind}.trash`]: { parameters: (portal) => withId(portal), request: (params) => expect(params).toEqual({ id }), output: (items) => (shape(items), expect(items[0]).toMatchObject({ ID: id, DELETED_TYPE: '3' })) },
		[`${kind}.restore`]: {
			// restore what is in the trash: trash it through the node first
			parameters: async (portal) => {
				portalRef = portal;
				const params = await withId(portal);
				await portal.json({ resource: kind, operation: 'trash', [kind]: id });
				return params;
			},
			request: (params) => expect(params).toEqual({ id }),
			// documented with ID as a string: the restored object, out of the trash
			output: documentedObject(kind, (item) => {
				expect(item).toMatchObject({ ID: id, TYPE: kind, DELETED_TYPE: 0 });
				expect(portalRef.emu.store.get(table, Number(id))).toMatchObject({ DELETED_TYPE: 0 });
			}),
		},
		[`${kind}.getExternalLink`]: {
			parameters: (portal) => withId(portal),
			request: idParam(),
			output: (items) => expect(items).toEqual([{ id, link: expect.stringMatching(/^http/) }]),
		},
		[`${kind}.getFields`]: { request: (params) => expect(params).toEqual({}), output: hasFields },
		[`${kind}.delete`]: { parameters: (portal) => withId(portal), request: (params) => expect(params).toEqual({ id }), output: (items) => expect(items).toEqual([{ id, deleted: true }]) },
	};
};

let appStorage = '';

export const driveCases: Cases = {
	'storage.getMany': {
		request: (params) => expect(params).toEqual({ start: 0 }),
		output: (items) => {
			expect(items.length).toBeGreaterThanOrEqual(2);
			for (const storage of items) expect(storage).toMatchObject({ ID: expect.any(String), NAME: expect.any(String), ENTITY_TYPE: expect.any(String), ROOT_OBJECT_ID: expect.any(String) });
		},
	},
	'storage.get': {
		parameters: { id: '2' },
		request: (params) => expect(params).toEqual({ id: '2' }),
		output: (items) => expect(items).toEqual([expect.objectContaining({ ID: '2', CODE: 'shared_files_s1', ENTITY_TYPE: 'common', ROOT_OBJECT_ID: '2' })]),
	},
	'storage.getForApp': {
		auth: 'oAuth2',
		request: (params) => expect(params).toEqual({}),
		// disk-storage-get-for-app.md: the application's own storage
		output: (items) => {
			expect(items).toHaveLength(1);
			expect(items[0]).toMatchObject({ ID: expect.any(String), NAME: expect.any(String), ENTITY_TYPE: 'restapp', ROOT_OBJECT_ID: expect.any(String) });
		},
	},
	'storage.rename': {
		auth: 'oAuth2',
		// renames the application's storage (disk-storage-rename.md): its id comes from getForApp
		parameters: async (portal) => {
			const [own] = await portal.json({ resource: 'storage', operation: 'getForApp' }, { auth: 'oAuth2' });
			return { id: (appStorage = String(own.ID)), newName: 'App files' };
		},
		request: (params) => expect(params).toEqual({ id: appStorage, newName: 'App files' }),
		// documented: the storage object with its new name
		output: (items) => {
			expect(items).toHaveLength(1);
			expect(Object.keys(items[0]).sort()).toEqual(['CODE', 'ENTITY_ID', 'ENTITY_TYPE', 'ID', 'MODULE_ID', 'NAME', 'ROOT_OBJECT_ID']);
			expect(items[0]).toMatchObject({ ID: appStorage, NAME: 'App files', ENTITY_TYPE: 'restapp', ENTITY_ID: expect.any(String), ROOT_OBJECT_ID: expect.any(String) });
		},
	},
	'storage.getTypes': {
		// answered generically: seed the documented types (disk-storage-get-types.md: user, common, group)
		parameters: (portal) => (seededRows(portal, 'disk.storage', [{ ID: 1, CODE: 'user' }, { ID: 2, CODE: 'common' }, { ID: 3, CODE: 'group' }]), {}),
		request: (params) => expect(params).toEqual({}),
		output: (items) => expect(items.map((row) => row.type)).toEqual(['user', 'common', 'group']),
	},
	'storage.getChildren': {
		parameters: async (portal) => (await folder(portal), { id: '2' }),
		request: (params) => expect(params).toEqual({ id: '2', start: 0 }),
		output: (items) => {
			expect(items.length).toBeGreaterThan(0);
			for (const child of items) expect(child).toMatchObject({ ID: expect.any(String), PARENT_ID: '2', TYPE: expect.stringMatching(/^(file|folder)$/) });
		},
	},
	'storage.createFolder': {
		parameters: { id: '2', NAME: 'Created in root' },
		request: (params) => expect(params).toEqual({ id: '2', data: { NAME: 'Created in root' } }),
		// disk.storage.addFolder answers the new folder (ID, NAME, CREATED_BY, CREATE_TIME...)
		output: (items) => expect(items).toEqual([expect.objectContaining({ ID: expect.anything(), NAME: 'Created in root', CREATED_BY: '1', CREATE_TIME: expect.any(String) })]),
	},
	'storage.uploadFile': {
		parameters: { id: '1', binaryPropertyName: 'data', options: { NAME: 'root upload.txt', generateUniqueName: true } },
		binary: [binary('local name.txt')],
		request: (params) => expect(params).toEqual({ id: '1', data: { NAME: 'root upload.txt' }, generateUniqueName: true, fileContent: ['root upload.txt', CONTENT.toString('base64')] }),
		output: (items) => (fileObject(items), expect(items[0]).toMatchObject({ NAME: expect.stringMatching(/^root upload( \(\d+\))?\.txt$/), PARENT_ID: '1', SIZE: String(CONTENT.length) })),
	},
	'storage.getFields': { request: (params) => expect(params).toEqual({}), output: hasFields },

	...onObject('folder', folder),
	'folder.getChildren': {
		parameters: async (portal) => {
			const [parent] = await portal.json({ resource: 'folder', operation: 'createSubfolder', folder: '2', NAME: unique('parent') });
			await portal.json({ resource: 'folder', operation: 'createSubfolder', folder: parent.ID as string, NAME: 'child' });
			return { id: parent.ID as string };
		},
		request: (params) => expect(params).toMatchObject({ start: 0 }),
		output: (items) => expect(items).toEqual([expect.objectContaining({ NAME: 'child', TYPE: 'folder' })]),
	},
	'folder.createSubfolder': {
		parameters: { id: '2', NAME: 'Sub by case' },
		request: (params) => expect(params).toEqual({ id: '2', data: { NAME: 'Sub by case' } }),
		output: (items) => (folderObject(items), expect(items[0]).toMatchObject({ NAME: 'Sub by case', PARENT_ID: '2', STORAGE_ID: '2' })),
	},
	'folder.uploadFile': {
		parameters: async (portal) => ({ id: await folder(portal), binaryPropertyName: 'attachment' }),
		binary: [{ attachment: binary('from binary.txt').data }],
		request: (params) => expect(params).toMatchObject({ data: { NAME: 'from binary.txt' }, fileContent: ['from binary.txt', CONTENT.toString('base64')] }),
		output: (items) => (fileObject(items), expect(items[0]).toMatchObject({ NAME: 'from binary.txt', SIZE: String(CONTENT.length) })),
	},

	...onObject('file', file),
	'file.download': {
		parameters: async (portal) => ({ id: await file(portal), binaryPropertyName: 'data' }),
		request: (params) => expect(params).toEqual({ id: expect.any(String) }),
		output: (items) => (expect(items).toHaveLength(1), expect(items[0]).toMatchObject({ TYPE: 'file', SIZE: String(CONTENT.length) }), expect(items[0].DOWNLOAD_URL).toBeUndefined()),
	},
	'file.uploadVersion': {
		parameters: async (portal) => ({ id: await file(portal), binaryPropertyName: 'data' }),
		binary: [binary('v2.txt')],
		request: (params) => expect(params).toEqual({ id: expect.any(String), fileContent: ['v2.txt', CONTENT.toString('base64')] }),
		// disk-file-upload-version.md: the file's record after the new version
		output: (items) => {
			expect(items).toHaveLength(1);
			expect(items[0]).toMatchObject({ ID: expect.any(String), STORAGE_ID: expect.any(String), FILE_ID: expect.any(String), SIZE: expect.any(String), UPDATE_TIME: expect.any(String) });
		},
	},
	'file.getVersions': {
		// versions are answered generically: seed one documented version of the new file (disk-file-get-versions.md)
		parameters: async (portal) => {
			const id = await file(portal);
			seededRows(portal, 'disk.file', [{ ID: 7, OBJECT_ID: id, SIZE: '20', NAME: 'case.txt', GLOBAL_CONTENT_VERSION: '2', CREATED_BY: '1' }]);
			return { id };
		},
		request: (params) => expect(params).toEqual({ id: expect.any(String), start: 0 }),
		output: (items) => expect(items).toEqual([expect.objectContaining({ ID: '7', NAME: 'case.txt', GLOBAL_CONTENT_VERSION: '2' })]),
	},
	'file.getAttachedObject': {
		parameters: { id: '495' },
		request: (params) => expect(params).toEqual({ id: '495' }),
		output: (items) => (expect(items).toHaveLength(1), expect(String(items[0].ID)).toBe('495')),
	},
};
