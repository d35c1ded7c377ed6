import type { INode, JsonObject } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

/** How to fix each documented Bitrix24 error: the description under the message in n8n. */
const HINTS: Record<string, string> = {
	expired_token:
		'The OAuth2 access token expired and could not be renewed. Reconnect the Bitrix24 OAuth2 credential.',
	invalid_token:
		'Bitrix24 does not know this access token. Reconnect the Bitrix24 OAuth2 credential (the app may have been reinstalled).',
	NO_AUTH_FOUND:
		'Bitrix24 did not accept the credential. Check the webhook URL or key, and that the webhook or app still exists on the portal.',
	INVALID_CREDENTIALS:
		'The Bitrix24 user behind this credential lacks the rights for this action. Use a user with the needed permissions.',
	insufficient_scope:
		'The webhook or app lacks the permission (scope) this method needs. Add the scope in Bitrix24 (edit the inbound webhook or the app) and try again.',
	ACCESS_DENIED:
		'Bitrix24 refused access: the user lacks permission for this record or action, or REST is not available on this plan.',
	WRONG_AUTH_TYPE:
		'This method works only with application (OAuth2) authorization. Switch the node to a Bitrix24 OAuth2 credential.',
	ERROR_METHOD_NOT_FOUND:
		'Bitrix24 has no such method, or its module is not installed on this portal. Check the method name against the Bitrix24 REST docs.',
	QUERY_LIMIT_EXCEEDED:
		'Bitrix24 refused the request because of its request-rate limit and retries did not get through. Lower the load on this portal or set the right Plan in the credential.',
	OPERATION_TIME_LIMIT:
		'Bitrix24 blocked this method for this credential because its 10-minute operating-time budget is used up. Wait a few minutes, raise "Max Wait on Limits" in the credential, or make the job smaller.',
	INVALID_ARG_VALUE: 'A field name or value is not valid for this method. Check the field names and the Filter and Sort JSON.',
	NOT_FOUND: 'No record with this ID exists, or the user cannot see it. Check the ID.',
	ERROR_NOT_FOUND: 'No record with this ID exists, or the user cannot see it. Check the ID.',
	ERROR_BATCH_LENGTH_EXCEEDED: 'A batch holds at most 50 commands. Split the commands into smaller batches.',
	ERROR_BATCH_METHOD_NOT_ALLOWED: 'This method cannot run inside a batch (nested batch, file upload or download).',
	OVERLOAD_LIMIT: 'Bitrix24 blocked REST for this portal. Only Bitrix24 support can lift this block.',
	ERROR_CORE: 'Bitrix24 rejected the values. Check required fields (for tasks: Title and Responsible ID).',
	ERROR_ARGUMENT: 'An argument has the wrong value or format. Check the parameters of this operation.',
	user_access_error: 'An administrator limited this app to other users. Ask the portal admin to grant access.',
	METHOD_CONFIRM_WAITING: 'An administrator must approve this method for the app in Bitrix24 first.',
	METHOD_CONFIRM_DENIED: 'An administrator denied this method for the app.',
	PAYMENT_REQUIRED: 'The Bitrix24 app subscription or trial has ended.',
	INVALID_REQUEST: 'Bitrix24 requires HTTPS for OAuth calls. Use an https:// portal URL.',
};

/** Legacy CRM methods send an empty code and put the meaning in the text. */
function inferCode(code: string, description: string): string {
	if (code) return code;
	if (/not found/i.test(description)) return 'NOT_FOUND';
	if (/access denied/i.test(description)) return 'ACCESS_DENIED';
	return '';
}

export interface BitrixErrorDetails {
	code: string;
	description: string;
	httpCode?: number;
	itemIndex?: number;
	hint?: string;
}

/** Replaces every secret of the connection with *** so no code, key or token reaches an output. */
export function redact<T>(value: T, secrets: string[]): T {
	const usable = secrets.filter((s) => typeof s === 'string' && s.length >= 4);
	if (!usable.length || value === undefined || value === null) return value;
	const scrub = (text: string) => usable.reduce((acc, s) => acc.split(s).join('***'), text);
	if (typeof value === 'string') return scrub(value) as T;
	return JSON.parse(scrub(JSON.stringify(value))) as T;
}

export function hintFor(code: string): string | undefined {
	return HINTS[code];
}

/** A fresh NodeApiError whose message says what happened and whose description says how to fix it. */
export function bitrixApiError(node: INode, details: BitrixErrorDetails, secrets: string[]): NodeApiError {
	const code = inferCode(details.code, details.description);
	const text = details.description || code || 'Unknown Bitrix24 error';
	const message = redact(code && code !== text ? `${text} [${code}]` : text, secrets);
	const description = redact(details.hint ?? hintFor(code) ?? 'Check the parameters of this operation.', secrets);
	const body: JsonObject = { error: details.code, error_description: details.description };
	const error = new NodeApiError(node, redact(body, secrets), {
		message,
		description,
		httpCode: details.httpCode !== undefined ? String(details.httpCode) : undefined,
		itemIndex: details.itemIndex,
	});
	error.context.bitrixCode = code;
	error.context.data = redact(body, secrets);
	return error;
}
