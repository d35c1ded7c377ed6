// Drive (disk.*): storages, folders and files in one object-id space. Uploads
// take `fileContent: [name, base64]` and keep the bytes; disk.file.get gives a
// signed DOWNLOAD_URL served by the emulator at /rest/download.json.
import type { Core, HandlerMap } from '../core';
import { idParam, objParam, p, yes } from '../core';
import { matches, pageArray, parseFilter, parseStart } from '../query';
import type { Rec } from '../store';
import { B24Error, CallContext } from '../types';
import { resultShapes } from './generic';

/**
 * An object in the types its method's doc page prints (copyTo answers ID, REAL_OBJECT_ID and
 * FILE_ID as numbers, restore as strings; DELETED_TYPE is a number in both).
 */
function documented(core: Core, method: string, r: Rec): Rec {
	const base = out(core, r);
	const skel = resultShapes().get(method)?.result as Rec | undefined;
	if (!skel) return base;
	const shaped: Rec = {};
	for (const [k, tag] of Object.entries(skel)) {
		const v = base[k];
		if (v === undefined) shaped[k] = null;
		else if (tag === 'int') shaped[k] = v === null ? null : Number(v);
		else if (tag === 'intString') shaped[k] = v === null ? null : String(v);
		else if (tag === 'null') shaped[k] = v === '0' ? null : v;
		else shaped[k] = v;
	}
	return shaped;
}

function nextObjectId(core: Core): number {
	return Math.max(core.store.table('diskFolder').nextId, core.store.table('diskFile').nextId);
}

function out(core: Core, r: Rec): Rec {
	const base: Rec = {
		ID: String(r.ID),
		NAME: r.NAME,
		CODE: r.CODE ?? null,
		STORAGE_ID: String(r.STORAGE_ID),
		TYPE: r.TYPE,
		PARENT_ID: r.PARENT_ID ? String(r.PARENT_ID) : null,
		DELETED_TYPE: String(r.DELETED_TYPE ?? 0),
		CREATE_TIME: r.CREATE_TIME,
		UPDATE_TIME: r.UPDATE_TIME,
		DELETE_TIME: r.DELETE_TIME ?? null,
		CREATED_BY: String(r.CREATED_BY ?? 1),
		UPDATED_BY: String(r.UPDATED_BY ?? r.CREATED_BY ?? 1),
		DELETED_BY: r.DELETED_BY ? String(r.DELETED_BY) : '0',
		DETAIL_URL: `${core.url}/docs/path/${encodeURIComponent(String(r.NAME))}`,
	};
	if (r.TYPE === 'folder') return { ...base, REAL_OBJECT_ID: String(r.ID) };
	return { ...base, GLOBAL_CONTENT_VERSION: '1', FILE_ID: String(r.ID), SIZE: String(r.SIZE ?? 0), DOWNLOAD_URL: core.fileDownloadUrl(Number(r.ID)) };
}

function folder(core: Core, ctx: CallContext, name = 'id'): Rec {
	const f = core.store.get('diskFolder', idParam(ctx, name));
	if (!f) throw new B24Error(400, 'ERROR_NOT_FOUND', 'Could not find entity with id');
	return f;
}

function file(core: Core, ctx: CallContext): Rec {
	const f = core.store.get('diskFile', idParam(ctx, 'id'));
	if (!f) throw new B24Error(400, 'ERROR_NOT_FOUND', 'Could not find entity with id');
	return f;
}

function children(core: Core, parentId: number): Rec[] {
	return [...core.store.all('diskFolder'), ...core.store.all('diskFile')].filter((r) => Number(r.PARENT_ID) === parentId && !r.DELETED_TYPE).sort((a, b) => Number(a.ID) - Number(b.ID));
}

function uniqueName(core: Core, parentId: number, name: string, generate: boolean): string {
	const taken = new Set(children(core, parentId).map((c) => String(c.NAME).toLowerCase()));
	if (!taken.has(name.toLowerCase())) return name;
	if (!generate) throw new B24Error(400, 'DISK_OBJ_22000', `A file or folder named '${name}' already exists`);
	const dot = name.lastIndexOf('.');
	const stem = dot > 0 ? name.slice(0, dot) : name;
	const ext = dot > 0 ? name.slice(dot) : '';
	for (let i = 1; ; i++) {
		const candidate = `${stem} (${i})${ext}`;
		if (!taken.has(candidate.toLowerCase())) return candidate;
	}
}

function upload(core: Core, ctx: CallContext, parent: Rec) {
	const data = objParam(ctx, 'data');
	const content = p(ctx, 'fileContent');
	if (content === undefined) {
		// two-step upload: the docs return an uploadUrl for a multipart POST (not emulated)
		return { result: { field: 'file', uploadUrl: `${core.url}/rest/upload.json?folder=${parent.ID}` } };
	}
	if (!Array.isArray(content) || content.length < 2 || typeof content[1] !== 'string') {
		throw new B24Error(400, 'ERROR_ARGUMENT', "Parameter 'fileContent' must be [fileName, base64Content]");
	}
	const b64 = String(content[1]);
	if (/^data:/.test(b64) || !/^[A-Za-z0-9+/=\s]*$/.test(b64)) throw new B24Error(400, 'ERROR_ARGUMENT', 'fileContent must be plain base64 without a data-URI prefix');
	const name = uniqueName(core, Number(parent.ID), String(data.NAME || content[0]), yes(p(ctx, 'generateUniqueName')));
	const now = core.clock.isoDate();
	const bytes = Buffer.from(b64, 'base64');
	const r = core.store.insert('diskFile', { ID: nextObjectId(core), NAME: name, TYPE: 'file', PARENT_ID: Number(parent.ID), STORAGE_ID: parent.STORAGE_ID, SIZE: bytes.length, CONTENT_BASE64: bytes.toString('base64'), CREATE_TIME: now, UPDATE_TIME: now, CREATED_BY: ctx.caller.userId, DELETED_TYPE: 0 });
	return { result: out(core, r), cost: core.cost.add };
}

function storageOut(s: Rec): Rec {
	return { ID: String(s.ID), NAME: s.NAME, CODE: s.CODE ?? null, MODULE_ID: 'disk', ENTITY_TYPE: s.ENTITY_TYPE, ENTITY_ID: String(s.ENTITY_ID), ROOT_OBJECT_ID: String(s.ROOT_OBJECT_ID) };
}

export function diskHandlers(): HandlerMap {
	const storage = (core: Core, ctx: CallContext): Rec => {
		const s = core.store.get('diskStorage', idParam(ctx, 'id'));
		if (!s) throw new B24Error(400, 'ERROR_NOT_FOUND', 'Could not find entity with id');
		return s;
	};
	// storage lists and folder children take `filter` with the documented operators (%NAME, TYPE...;
	// disk-storage-get-children.md, disk-storage-get-list.md) over the fields they answer
	const paged = (ctx: CallContext, rows: Rec[]) => {
		const conds = parseFilter(p(ctx, 'filter'), (name) => name.toUpperCase());
		const start = parseStart(p(ctx, 'start'));
		const pg = pageArray(conds.length ? rows.filter((r) => matches(r, conds)) : rows, start);
		return { result: pg.rows, total: start === -1 ? 0 : pg.total, next: pg.next };
	};
	return {
		'disk.storage.getlist': (ctx, core) => paged(ctx, core.store.all('diskStorage').map(storageOut)),
		'disk.storage.get': (ctx, core) => ({ result: storageOut(storage(core, ctx)) }),
		// the application's own storage (disk-storage-get-for-app.md), made on first use
		'disk.storage.getforapp': (ctx, core) => {
			const app = ctx.caller.clientId ?? 'app';
			let s = core.store.all('diskStorage').find((x) => x.ENTITY_TYPE === 'restapp' && x.APP === app);
			if (!s) {
				const now = core.clock.isoDate();
				const root = core.store.insert('diskFolder', { ID: nextObjectId(core), NAME: 'Application files', TYPE: 'folder', PARENT_ID: 0, CREATE_TIME: now, UPDATE_TIME: now, CREATED_BY: ctx.caller.userId, DELETED_TYPE: 0 });
				s = core.store.insert('diskStorage', { NAME: 'Application files', ENTITY_TYPE: 'restapp', ENTITY_ID: core.store.count('diskStorage') + 1, APP: app, ROOT_OBJECT_ID: root.ID });
				root.STORAGE_ID = s.ID;
			}
			return { result: storageOut(s) };
		},
		'disk.storage.rename': (ctx, core) => {
			const s = storage(core, ctx);
			// only the application's storage (documented: "Access denied (invalid type of storage)")
			if (s.ENTITY_TYPE !== 'restapp') throw new B24Error(400, 'ACCESS_DENIED', 'Access denied (invalid type of storage)');
			const name = p(ctx, 'newName');
			if (name === undefined || name === null || String(name) === '') throw new B24Error(400, 'ERROR_ARGUMENT', 'Invalid value of parameter {Parameter #1}');
			s.NAME = String(name);
			return { result: storageOut(s) };
		},
		'disk.storage.getchildren': (ctx, core) => paged(ctx, children(core, Number(storage(core, ctx).ROOT_OBJECT_ID)).map((r) => out(core, r))),
		'disk.storage.uploadfile': (ctx, core) => {
			const root = core.store.get('diskFolder', Number(storage(core, ctx).ROOT_OBJECT_ID)) as Rec;
			return upload(core, ctx, root);
		},
		'disk.folder.get': (ctx, core) => ({ result: out(core, folder(core, ctx)) }),
		'disk.folder.getchildren': (ctx, core) => paged(ctx, children(core, Number(folder(core, ctx).ID)).map((r) => out(core, r))),
		'disk.folder.addsubfolder': (ctx, core) => {
			const parent = folder(core, ctx);
			const data = objParam(ctx, 'data');
			if (!data.NAME) throw new B24Error(400, 'ERROR_ARGUMENT', "Field 'NAME' is required in 'data'");
			const now = core.clock.isoDate();
			const r = core.store.insert('diskFolder', { ID: nextObjectId(core), NAME: uniqueName(core, Number(parent.ID), String(data.NAME), false), TYPE: 'folder', PARENT_ID: Number(parent.ID), STORAGE_ID: parent.STORAGE_ID, CREATE_TIME: now, UPDATE_TIME: now, CREATED_BY: ctx.caller.userId, DELETED_TYPE: 0 });
			return { result: out(core, r), cost: core.cost.add };
		},
		'disk.folder.uploadfile': (ctx, core) => upload(core, ctx, folder(core, ctx)),
		'disk.folder.rename': (ctx, core) => {
			const f = folder(core, ctx);
			f.NAME = uniqueName(core, Number(f.PARENT_ID), String(p(ctx, 'newName')), false);
			return { result: out(core, f) };
		},
		'disk.folder.moveto': (ctx, core) => {
			const f = folder(core, ctx);
			f.PARENT_ID = Number(folder(core, ctx, 'targetFolderId').ID);
			return { result: out(core, f) };
		},
		'disk.folder.markdeleted': (ctx, core) => {
			const f = folder(core, ctx);
			Object.assign(f, { DELETED_TYPE: 3, DELETE_TIME: core.clock.isoDate(), DELETED_BY: ctx.caller.userId });
			return { result: out(core, f) };
		},
		'disk.folder.deletetree': (ctx, core) => {
			const f = folder(core, ctx);
			const drop = (id: number): void => {
				for (const c of [...core.store.all('diskFolder'), ...core.store.all('diskFile')].filter((r) => Number(r.PARENT_ID) === id)) {
					if (c.TYPE === 'folder') drop(Number(c.ID));
					core.store.remove(c.TYPE === 'folder' ? 'diskFolder' : 'diskFile', Number(c.ID));
				}
			};
			drop(Number(f.ID));
			core.store.remove('diskFolder', Number(f.ID));
			return { result: true };
		},
		'disk.folder.copyto': (ctx, core) => {
			const f = folder(core, ctx);
			const target = folder(core, ctx, 'targetFolderId');
			const now = core.clock.isoDate();
			// the folder and everything under it, copied into the target (disk-folder-copy-to.md)
			const copy = (src: Rec, parentId: number, name: string): Rec => {
				const { ID: _id, ...rest } = src;
				void _id;
				const table = src.TYPE === 'folder' ? 'diskFolder' : 'diskFile';
				const c = core.store.insert(table, { ...rest, ID: nextObjectId(core), NAME: name, PARENT_ID: parentId, STORAGE_ID: target.STORAGE_ID, CREATE_TIME: now, UPDATE_TIME: now, CREATED_BY: ctx.caller.userId, UPDATED_BY: ctx.caller.userId, DELETED_TYPE: 0, DELETE_TIME: null, DELETED_BY: 0 });
				if (src.TYPE === 'folder') for (const child of children(core, Number(src.ID))) copy(child, Number(c.ID), String(child.NAME));
				return c;
			};
			const c = copy(f, Number(target.ID), uniqueName(core, Number(target.ID), String(f.NAME), false));
			return { result: documented(core, 'disk.folder.copyto', c), cost: core.cost.add };
		},
		'disk.folder.restore': (ctx, core) => {
			const f = folder(core, ctx);
			Object.assign(f, { DELETED_TYPE: 0, UPDATE_TIME: core.clock.isoDate(), UPDATED_BY: ctx.caller.userId });
			return { result: documented(core, 'disk.folder.restore', f) };
		},
		'disk.folder.getexternallink': (ctx, core) => ({ result: `${core.url}/~${folder(core, ctx).ID}` }),
		'disk.file.get': (ctx, core) => ({ result: out(core, file(core, ctx)) }),
		'disk.file.rename': (ctx, core) => {
			const f = file(core, ctx);
			f.NAME = uniqueName(core, Number(f.PARENT_ID), String(p(ctx, 'newName')), false);
			return { result: out(core, f) };
		},
		'disk.file.moveto': (ctx, core) => {
			const f = file(core, ctx);
			f.PARENT_ID = Number(folder(core, ctx, 'targetFolderId').ID);
			return { result: out(core, f) };
		},
		'disk.file.markdeleted': (ctx, core) => {
			const f = file(core, ctx);
			Object.assign(f, { DELETED_TYPE: 3, DELETE_TIME: core.clock.isoDate(), DELETED_BY: ctx.caller.userId });
			return { result: out(core, f) };
		},
		'disk.file.delete': (ctx, core) => {
			core.store.remove('diskFile', Number(file(core, ctx).ID));
			return { result: true };
		},
		'disk.file.copyto': (ctx, core) => {
			const f = file(core, ctx);
			const target = folder(core, ctx, 'targetFolderId');
			const now = core.clock.isoDate();
			const { ID: _id, ...rest } = f;
			void _id;
			const c = core.store.insert('diskFile', { ...rest, ID: nextObjectId(core), NAME: uniqueName(core, Number(target.ID), String(f.NAME), false), PARENT_ID: Number(target.ID), STORAGE_ID: target.STORAGE_ID, CREATE_TIME: now, UPDATE_TIME: now, CREATED_BY: ctx.caller.userId, UPDATED_BY: ctx.caller.userId, DELETED_TYPE: 0, DELETE_TIME: null, DELETED_BY: 0 });
			return { result: documented(core, 'disk.file.copyto', c), cost: core.cost.add };
		},
		'disk.file.restore': (ctx, core) => {
			const f = file(core, ctx);
			Object.assign(f, { DELETED_TYPE: 0, UPDATE_TIME: core.clock.isoDate(), UPDATED_BY: ctx.caller.userId });
			return { result: documented(core, 'disk.file.restore', f) };
		},
		'disk.file.getexternallink': (ctx, core) => ({ result: `${core.url}/~${file(core, ctx).ID}` }),
	};
}

export function diskInitialData(core: Core): void {
	if (core.store.count('diskStorage')) return;
	const now = '2024-01-01T10:00:00+00:00';
	core.store.insert('diskFolder', { ID: 1, NAME: 'Admin Portal', TYPE: 'folder', PARENT_ID: 0, STORAGE_ID: 1, CREATE_TIME: now, UPDATE_TIME: now, CREATED_BY: 1, DELETED_TYPE: 0 });
	core.store.insert('diskStorage', { ID: 1, NAME: 'Admin Portal', ENTITY_TYPE: 'user', ENTITY_ID: 1, ROOT_OBJECT_ID: 1 });
	core.store.insert('diskFolder', { ID: 2, NAME: 'Shared documents', TYPE: 'folder', PARENT_ID: 0, STORAGE_ID: 2, CREATE_TIME: now, UPDATE_TIME: now, CREATED_BY: 1, DELETED_TYPE: 0 });
	core.store.insert('diskStorage', { ID: 2, NAME: 'Shared documents', CODE: 'shared_files_s1', ENTITY_TYPE: 'common', ENTITY_ID: 'shared_files_s1', ROOT_OBJECT_ID: 2 });
}
