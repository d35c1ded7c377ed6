import type { IExecuteFunctions, IHttpRequestOptions } from 'n8n-workflow';

import { getConnection } from './connection';
import { bitrixApiError } from './errors';

export interface Download {
	body: Buffer;
	/** The server's MIME type; undefined when it only says "octet-stream", so n8n guesses from the name. */
	mimeType?: string;
}

/**
 * Fetches a signed Drive link (`DOWNLOAD_URL`) with a GET through the credential, leaving the link's
 * own `auth` and `token` as they are. The link carries a long-lived token, so it never appears in
 * an error, and a link to another host is refused so the credential signs nothing outside the portal.
 */
export async function downloadSigned(ctx: IExecuteFunctions, link: string, itemIndex: number): Promise<Download> {
	const conn = await getConnection(ctx);
	let url: URL | undefined;
	try {
		url = new URL(link, conn.restBase);
	} catch {
		url = undefined;
	}
	const linkSecrets = url ? [...url.searchParams.values(), url.search] : [link];
	const secrets = [...conn.secrets, ...linkSecrets];
	if (!url || url.host !== conn.portalKey) {
		throw bitrixApiError(
			ctx.getNode(),
			{ code: 'DOWNLOAD_LINK_INVALID', description: 'Bitrix24 returned a download link that is not on the portal', itemIndex, hint: 'Check the portal address in the credential.' },
			secrets,
		);
	}
	const options: IHttpRequestOptions = {
		method: 'GET',
		url: url.toString(),
		encoding: 'arraybuffer',
		json: false,
		returnFullResponse: true,
		// the docs ask for browser-like headers on file links; a bare client may get an HTML 404
		headers: { 'User-Agent': 'n8n-nodes-b24', Accept: '*/*', 'Accept-Language': 'en-US,en;q=0.9', Referer: `${url.protocol}//${url.host}/` },
	};
	try {
		const response = (await ctx.helpers.httpRequestWithAuthentication.call(ctx, conn.credentialType, options)) as {
			body: Buffer | ArrayBuffer;
			headers: Record<string, string | undefined>;
		};
		const body = Buffer.isBuffer(response.body) ? response.body : Buffer.from(response.body);
		const type = String(response.headers['content-type'] ?? '').split(';')[0].trim();
		return { body, mimeType: type && type !== 'application/octet-stream' ? type : undefined };
	} catch (error) {
		// n8n wraps HTTP failures in an error with `httpCode`; a plain network failure carries a `code`
		const failure = error as { httpCode?: string | null; cause?: { code?: string; response?: { status?: number } }; code?: string };
		const status = Number(failure.httpCode ?? failure.cause?.response?.status) || undefined;
		const code = failure.cause?.code ?? failure.code;
		throw bitrixApiError(
			ctx.getNode(),
			{
				code: status ? `HTTP_${status}` : (code ?? 'NETWORK_ERROR'),
				description: status ? `Bitrix24 answered HTTP ${status} to the file download` : 'The file download from Bitrix24 failed',
				httpCode: status,
				itemIndex,
				hint: status === 404 ? 'The file was deleted or moved to the trash, or the download link expired. Get the file again and retry.' : 'Check that the portal is reachable from n8n.',
			},
			secrets,
		);
	}
}
