/**
 * Drive round trip through n8n's real binary-data helpers: create a folder, upload a file from
 * binary data, read it, download it back to binary and compare the bytes, rename, move, delete.
 */
import type { IBinaryKeyData, IDataObject } from 'n8n-workflow';

import type { Portal } from '../helpers/portal';
import { startSharedPortal } from '../helpers/seed';

let portal: Portal;

beforeAll(async () => {
	portal = await startSharedPortal();
});
afterAll(async () => await portal.stop());

const bytes = Buffer.from([0x25, 0x50, 0x44, 0x46, 0x00, 0xff, 0x10, 0x80, ...Buffer.from('Bitrix24 round trip ✓')]);
const input = (fileName: string, content = bytes): IBinaryKeyData => ({
	data: { data: content.toString('base64'), mimeType: 'application/pdf', fileName, fileExtension: fileName.split('.').pop() },
});

test('folder → upload → get → download → rename → move → delete', async () => {
	const [folder] = await portal.json({ resource: 'folder', operation: 'createSubfolder', folder: '2', NAME: 'n8n round trip' });
	expect(folder).toMatchObject({ NAME: 'n8n round trip', TYPE: 'folder', PARENT_ID: '2' });
	const [target] = await portal.json({ resource: 'folder', operation: 'createSubfolder', folder: '2', NAME: 'n8n archive' });
	expect(target).toMatchObject({ NAME: 'n8n archive', PARENT_ID: '2' });

	const [uploaded] = await portal.json(
		{ resource: 'folder', operation: 'uploadFile', folder: folder.ID as string, binaryPropertyName: 'data' },
		{ binary: [input('report.pdf')] },
	);
	expect(uploaded).toMatchObject({ NAME: 'report.pdf', TYPE: 'file', PARENT_ID: folder.ID, SIZE: String(bytes.length) });
	const upload = portal.emu.log.filter((e) => e.method === 'disk.folder.uploadfile').pop()!;
	expect(upload.parent).toBeUndefined(); // sent on its own, never inside batch
	expect(upload.params as IDataObject).toMatchObject({ id: folder.ID, data: { NAME: 'report.pdf' }, fileContent: ['report.pdf', bytes.toString('base64')] });

	const [got] = await portal.json({ resource: 'file', operation: 'get', file: uploaded.ID as string });
	expect(got).toMatchObject({ ID: uploaded.ID, NAME: 'report.pdf', DOWNLOAD_URL: expect.stringContaining('token=') });

	const [downloaded] = await portal.run({ resource: 'file', operation: 'download', file: uploaded.ID as string, binaryPropertyName: 'file' });
	expect(downloaded.json).toMatchObject({ ID: uploaded.ID, NAME: 'report.pdf' });
	expect(downloaded.json.DOWNLOAD_URL).toBeUndefined();
	const file = downloaded.binary!.file;
	expect(file).toMatchObject({ fileName: 'report.pdf', mimeType: 'application/pdf' });
	expect(Buffer.from(file.data, 'base64').equals(bytes)).toBe(true);

	const [renamed] = await portal.json({ resource: 'file', operation: 'rename', file: uploaded.ID as string, newName: 'final.pdf' });
	expect(renamed).toMatchObject({ ID: uploaded.ID, NAME: 'final.pdf' });
	const [moved] = await portal.json({ resource: 'file', operation: 'move', file: uploaded.ID as string, targetFolderId: target.ID as string });
	expect(moved).toMatchObject({ ID: uploaded.ID, PARENT_ID: target.ID });
	const [deleted] = await portal.json({ resource: 'file', operation: 'delete', file: uploaded.ID as string });
	expect(deleted).toEqual({ id: uploaded.ID, deleted: true });
	const [tree] = await portal.json({ resource: 'folder', operation: 'delete', folder: folder.ID as string });
	expect(tree).toEqual({ id: folder.ID, deleted: true });

	const gone = await portal.json({ resource: 'file', operation: 'get', file: uploaded.ID as string }, { continueOnFail: true });
	expect(gone[0]).toMatchObject({ code: 'ERROR_NOT_FOUND' });
});

test('uploads several items one call each, with a name and a unique-name option', async () => {
	const items: IDataObject[] = [{}, {}];
	const out = await portal.json(
		{ resource: 'storage', operation: 'uploadFile', id: '1', binaryPropertyName: 'data', options: { NAME: 'same.txt', generateUniqueName: true } },
		{ items, binary: [input('a.txt', Buffer.from('one')), input('b.txt', Buffer.from('two'))] },
	);
	expect(out.map((f) => f.NAME)).toEqual(['same.txt', 'same (1).txt']);
	expect(out.map((f) => f.SIZE)).toEqual(['3', '3']);
	const calls = portal.emu.log.filter((e) => e.method === 'disk.storage.uploadfile').slice(-2);
	expect(calls.map((c) => (c.params as IDataObject).generateUniqueName)).toEqual([true, true]);
});

test('an item without the binary field fails on its own with continue-on-fail', async () => {
	const out = await portal.json(
		{ resource: 'folder', operation: 'uploadFile', folder: '1', binaryPropertyName: 'data' },
		{ items: [{}, {}], binary: [undefined, input('ok.bin')], continueOnFail: true },
	);
	expect(out[0].error).toMatch(/data/);
	expect(out[1]).toMatchObject({ NAME: 'ok.bin', TYPE: 'file' });
});

test('a download error names neither the webhook code nor the signed link', async () => {
	const [file] = await portal.json({ resource: 'folder', operation: 'uploadFile', folder: '1', binaryPropertyName: 'data' }, { binary: [input('secret.bin')] });
	const [got] = await portal.json({ resource: 'file', operation: 'get', file: file.ID as string });
	const token = new URL(got.DOWNLOAD_URL as string).searchParams.get('token')!;
	await portal.json({ resource: 'file', operation: 'trash', file: file.ID as string });
	const out = await portal.json({ resource: 'file', operation: 'download', file: file.ID as string, binaryPropertyName: 'data' }, { auth: 'oAuth2', continueOnFail: true });
	expect(out[0]).toMatchObject({ code: 'HTTP_404', httpCode: 404 });
	const text = JSON.stringify(out);
	expect(text).not.toContain(token);
	expect(text).not.toContain(portal.emu.webhook.code);
});
