import { normalizePortal, parseWebhookUrl, signWithApiKey, signWithWebhookPath } from '../../credentials/signing';

describe('webhook URL validation', () => {
	test('accepts a well-formed inbound webhook', () => {
		expect(parseWebhookUrl('https://acme.bitrix24.com/rest/7/abc123xyz/')).toEqual({ portal: 'https://acme.bitrix24.com', userId: '7', code: 'abc123xyz' });
		expect(parseWebhookUrl(' https://acme.bitrix24.com/rest/7/abc123xyz ')).toMatchObject({ userId: '7', code: 'abc123xyz' });
	});
	test.each([
		['', /empty/],
		['acme.bitrix24.com/rest/1/abc', /not a valid URL/],
		['ftp://acme.bitrix24.com/rest/1/abc/', /must start with https/],
		['https://acme.bitrix24.com/1/abc/', /no \/rest\//],
		['https://acme.bitrix24.com/rest/abc123/', /missing the user ID/],
		['https://acme.bitrix24.com/rest/1/', /missing the webhook code/],
		['https://acme.bitrix24.com/rest/1/abc123/crm.deal.list', /ends with a method name \("crm.deal.list"\)/],
		['https://acme.bitrix24.com/rest/1/abc123/crm.deal.list.json', /ends with a method name/],
	])('rejects %j with a message that says what is wrong', (url, message) => {
		expect(() => parseWebhookUrl(url)).toThrow(message);
	});
	test('normalizes portal addresses', () => {
		expect(normalizePortal('acme.bitrix24.com/')).toBe('https://acme.bitrix24.com');
		expect(normalizePortal('http://127.0.0.1:8080/some/path')).toBe('http://127.0.0.1:8080');
	});
});

describe('signing', () => {
	const hook = { portal: 'https://acme.bitrix24.com', userId: '7', code: 'SECRETCODE' };
	test('webhook path goes after /rest/ on the portal, once', () => {
		const once = signWithWebhookPath({ url: 'https://acme.bitrix24.com/rest/crm.deal.get' }, hook);
		expect(once.url).toBe('https://acme.bitrix24.com/rest/7/SECRETCODE/crm.deal.get');
		expect(signWithWebhookPath(once, hook).url).toBe(once.url);
		expect(signWithWebhookPath({ url: 'profile.json' }, hook).url).toBe('https://acme.bitrix24.com/rest/7/SECRETCODE/profile.json');
	});
	test("n8n's HTTP Request node passes `uri`: it is signed in place, and other hosts get nothing", () => {
		const signed = signWithWebhookPath({ uri: 'https://acme.bitrix24.com/rest/crm.deal.list' } as never, hook) as { uri?: string; url?: string };
		expect(signed.uri).toBe('https://acme.bitrix24.com/rest/7/SECRETCODE/crm.deal.list');
		expect(signed.url).toBeUndefined();
		const foreign = { uri: 'https://sink.example.com/collect' } as never;
		expect(signWithWebhookPath(foreign, hook)).toBe(foreign);
		const base = { portalUrl: 'https://acme.bitrix24.com', userId: '7', apiKey: 'KEY123' };
		expect(JSON.stringify(signWithApiKey({ uri: 'https://sink.example.com/collect' } as never, { ...base, sendKeyAs: 'header', headerName: 'X-Key' }))).not.toContain('KEY123');
		expect(JSON.stringify(signWithApiKey({ uri: 'https://sink.example.com/collect' } as never, { ...base, sendKeyAs: 'queryParameter' }))).not.toContain('KEY123');
		expect(signWithApiKey({ uri: 'https://acme.bitrix24.com/rest/profile' } as never, { ...base, sendKeyAs: 'header', headerName: 'X-Key' }).headers).toEqual({ 'X-Key': 'KEY123' });
	});
	test('leaves signed download links unchanged', () => {
		const link = 'https://acme.bitrix24.com/rest/download.json?auth=x&token=disk%7CaWQ9MQ';
		expect(signWithWebhookPath({ url: link }, hook).url).toBe(link);
	});
	test('never sends the code to another host', () => {
		expect(signWithWebhookPath({ url: 'https://evil.example.com/rest/crm.deal.get' }, hook).url).toBe('https://evil.example.com/rest/crm.deal.get');
	});
	test('API key placements', () => {
		const base = { portalUrl: 'https://acme.bitrix24.com', userId: '7', apiKey: 'KEY123' };
		expect(signWithApiKey({ url: 'https://acme.bitrix24.com/rest/user.current' }, { ...base, sendKeyAs: 'webhookPath' }).url).toBe(
			'https://acme.bitrix24.com/rest/7/KEY123/user.current',
		);
		expect(signWithApiKey({ url: 'https://acme.bitrix24.com/rest/user.current' }, { ...base, sendKeyAs: 'queryParameter', parameterName: 'token' }).qs).toEqual({ token: 'KEY123' });
		expect(signWithApiKey({ url: 'https://acme.bitrix24.com/rest/user.current' }, { ...base, sendKeyAs: 'header', headerName: 'X-Key' }).headers).toEqual({ 'X-Key': 'KEY123' });
		expect(signWithApiKey({ url: 'https://other.example.com/x' }, { ...base, sendKeyAs: 'header', headerName: 'X-Key' }).headers).toBeUndefined();
		expect(() => signWithApiKey({ url: 'x' }, { ...base, userId: 'admin', sendKeyAs: 'webhookPath' })).toThrow(/numeric ID/);
	});
});
