import { startEmulator, Emulator } from './index';
import { post } from './helpers';

// handlers/v3families.ts: state the REST 3.0 mail, company structure and Knowledge Base answers depend on.
describe('REST 3.0 families with state', () => {
	let em: Emulator;
	const v3 = (method: string, body: Record<string, unknown> = {}) => post(`${em.url}/rest/api/${em.webhook.userId}/${em.webhook.code}/${method}`, body);
	beforeAll(async () => {
		em = await startEmulator({ limits: false });
	});
	afterAll(() => em.stop());

	test('mail: a reply joins its thread; moving, creating from and replying to an unknown e-mail are refused', async () => {
		const first = em.store.insert('generic:mail.message', { subject: 'Order 5', from: 'client@example.com', to: 'me@example.com', body: 'Hi', date: '2026-05-25T10:00:00+03:00' });
		em.store.insert('generic:mail.message', { subject: 'Other', from: 'x@example.com', to: 'me@example.com', body: 'Unrelated' });
		const reply = await v3('mail.message.reply', { replyToMessageId: first.ID, from: 'me@example.com', to: ['client@example.com'], subject: 'Re: Order 5', body: 'Thanks' });
		expect(reply.body.result).toEqual({ success: true, to: ['client@example.com'] });
		const thread = await v3('mail.message.thread', { id: first.ID });
		expect(thread.body.result.map((m: { subject: string; body: string }) => [m.subject, m.body])).toEqual([['Order 5', 'Hi'], ['Re: Order 5', 'Thanks']]);

		const chat = await v3('mail.message.createchat', { messageId: first.ID });
		const again = await v3('mail.message.createchat', { messageId: first.ID });
		expect([chat.body.result.existing, again.body.result.existing, again.body.result.chatId]).toEqual([false, true, chat.body.result.chatId]);

		for (const [method, body] of [
			['mail.message.reply', { replyToMessageId: 999, from: 'me@example.com', to: ['a@example.com'], subject: 's', body: 'b' }],
			['mail.message.createtask', { messageId: 999 }],
			['mail.message.movetofolder', { messageIds: [999], action: 'spam' }],
		] as const) {
			const res = await v3(method, body);
			expect({ method, status: res.status, code: res.body.error?.code }).toEqual({ method, status: 400, code: 'BITRIX_REST_V3_EXCEPTION_ENTITYNOTFOUNDEXCEPTION' });
		}
		const noFolder = await v3('mail.message.movetofolder', { messageIds: [first.ID], action: 'move' });
		expect(noFolder.status).toBe(400);
		const spam = await v3('mail.message.movetofolder', { messageIds: [first.ID], action: 'spam' });
		expect(spam.body.result).toEqual({ success: true, movedCount: 1, action: 'spam' });
		expect(em.store.get('generic:mail.message', first.ID as number)!.folder).toBe('Spam');
	});

	test('company structure: members follow add, move, remove and set; the tree refuses cycles', async () => {
		const dept = (await v3('humanresources.node.add', { type: 'DEPARTMENT', name: 'Sales', parentId: 1, userIds: { MEMBER_HEAD: [1] } })).body.result;
		expect(dept).toEqual(expect.objectContaining({ id: expect.any(Number), parentId: 1, accessCode: `DR${dept.id}`, userCount: 1 }));
		const child = (await v3('humanresources.node.add', { type: 'DEPARTMENT', name: 'Sales East', parentId: dept.id })).body.result;
		expect((await v3('humanresources.node.children', { id: dept.id })).body.result.items.map((n: { id: number }) => n.id)).toEqual([child.id]);

		// a department cannot move under its own child
		const cycle = await v3('humanresources.node.move', { id: dept.id, parentId: child.id });
		expect(cycle.status).toBe(400);

		await v3('humanresources.node.member.add', { nodeId: child.id, userIds: [1], role: 'MEMBER_EMPLOYEE' });
		const multi = (await v3('humanresources.employee.multidepartment')).body.result;
		expect(multi.employees).toContainEqual(expect.objectContaining({ userId: 1, departments: expect.arrayContaining([{ id: dept.id, name: 'Sales' }, { id: child.id, name: 'Sales East' }]) }));

		await v3('humanresources.node.member.move', { nodeId: child.id, userIds: [1] });
		const got = (await v3('humanresources.node.get', { id: dept.id })).body.result.item;
		expect(got.members).toEqual([]);
		const subs = (await v3('humanresources.employee.subordinates', { id: 1 })).body.result;
		expect(subs.departments.map((d: { nodeId: number }) => d.nodeId)).not.toContain(dept.id);

		const removed = (await v3('humanresources.node.member.remove', { nodeId: child.id, userIds: [1, 42] })).body.result;
		expect(removed).toEqual({ removed: [1], failed: [{ userId: 42, reason: 'Not found in this node' }] });
		const unknownUser = await v3('humanresources.node.member.set', { nodeId: child.id, userIds: { MEMBER_HEAD: [4242] } });
		expect(unknownUser.status).toBe(400);
		const unknownNode = await v3('humanresources.node.get', { id: 98765 });
		expect(unknownNode.body.error.code).toBe('BITRIX_REST_V3_EXCEPTION_ENTITYNOTFOUNDEXCEPTION');
	});

	test('knowledge base: the last page has no cursor; search, tree and files belong to their document', async () => {
		const ids: number[] = [];
		for (const name of ['A', 'B', 'C']) ids.push((await v3('note.collection.add', { fields: { name } })).body.result.item.id);
		// one page holds them all: no next cursor (note-collection-list.md: null after the last page)
		const page = (await v3('note.collection.list', { pagination: { limit: 200 } })).body.result;
		expect(page.items.map((c: { id: number }) => c.id)).toEqual(expect.arrayContaining(ids));
		expect(page.nextCursor).toBeNull();

		const doc = (await v3('note.document.add', { fields: { collectionId: ids[0], title: 'Soup', markdown: 'Beetroot soup recipe' } })).body.result.item;
		const sub = (await v3('note.document.add', { fields: { collectionId: ids[0], parentId: doc.id, title: 'Variant' } })).body.result.item;
		const wrongBase = await v3('note.document.add', { fields: { collectionId: ids[1], parentId: doc.id, title: 'Elsewhere' } });
		expect(wrongBase.status).toBe(400);
		const tree = (await v3('note.document.tree.list', { collectionId: ids[0] })).body.result;
		expect(tree.items).toEqual([expect.objectContaining({ id: doc.id, children: [expect.objectContaining({ id: sub.id, parentId: doc.id })] })]);
		expect((await v3('note.document.search.list', { query: 'be' })).status).toBe(400);
		expect((await v3('note.document.search.list', { query: 'beetroot' })).body.result.items).toEqual([expect.objectContaining({ documentId: doc.id })]);

		const file = (await v3('note.file.add', { documentId: doc.id, fileName: 'photo.jpg', fileContent: Buffer.from('jpeg').toString('base64') })).body.result.item;
		expect(file).toEqual(expect.objectContaining({ size: 4, mimeType: 'image/jpeg', assetType: 'image', assetMarkdown: `[[image fileId=${file.id}]]` }));
		expect((await v3('note.file.get', { id: file.id, documentId: sub.id })).status).toBe(400);
		expect((await v3('note.file.add', { documentId: doc.id, fileName: 'run.exe', fileContent: 'AAAA' })).status).toBe(400);
	});

	test('HCM Link: refused rows come back in errors with status "error", the good ones are kept', async () => {
		// every humanresources.hcmlink.* method needs an application context: an OAuth token, not a webhook
		const token = em.issueTokens().access_token;
		const classic = (method: string, body: Record<string, unknown>) => post(`${em.url}/rest/${method}.json`, { ...body, auth: token });
		await classic('humanresources.hcmlink.company.add', { fields: { company: 'c1', crmCompanyId: 12, title: 'C1', fields: [{ field: 'pn', title: 'PN' }] } });
		const set = await classic('humanresources.hcmlink.employee.set', { company: 'c1', data: [{ employee: 'e1', person: 'p1', data: { firstName: 'Ann' } }, { employee: 'e2', person: 'p2', data: {} }] });
		expect(set.body.result).toEqual({ status: 'error', errors: ["Item #1 should have not empty 'employee', 'person', 'data'"] });
		expect((await classic('humanresources.hcmlink.employee.set', { company: 'c1', data: [] })).body.result.errors).toEqual(["Parameter 'data' must be a non empty array "]);
		const values = await classic('humanresources.hcmlink.field.value.set', { company: 'c1', data: [{ field: 'pn', employee: 'e1', value: '7' }, { field: 'pn', employee: 'e9', value: '8' }] });
		expect(values.body.result).toEqual({ status: 'error', errors: ["Item #1 employee 'e9' not found for company 'c1'"] });
		expect(em.store.all('generic:humanresources.hcmlink.field.value')).toEqual([expect.objectContaining({ company: 'c1', field: 'pn', employee: 'e1', value: '7' })]);
		const list = await classic('humanresources.hcmlink.employee.list', { company: 'c1' });
		expect(list.body.result).toEqual([expect.objectContaining({ person: 'p1', title: 'Ann', employees: [expect.objectContaining({ employee: 'e1' })] })]);
	});
});
