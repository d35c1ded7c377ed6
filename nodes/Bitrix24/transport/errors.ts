import type { INode, JsonObject } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

/**
 * How to fix each documented Bitrix24 error (_includes/system-errors.md, the methods' error tables):
 * the description under the message in n8n.
 */
const HINTS: Record<string, string> = {
	expired_token:
		'The OAuth2 access token expired and could not be renewed. Reconnect the Bitrix24 OAuth2 credential.',
	invalid_token:
		'Bitrix24 does not know this access token. Reconnect the Bitrix24 OAuth2 credential (the app may have been reinstalled).',
	NO_AUTH_FOUND:
		'Bitrix24 found no authorization in the request (no webhook code or access token it accepts). Check the webhook URL or key in the credential, and that the webhook or app still exists on the portal.',
	INVALID_CREDENTIALS:
		'No active inbound webhook on this portal has the user ID and code in the credential: it was deleted or re-created, or the URL is mistyped. Copy the webhook URL from Bitrix24 (Developer resources → Inbound webhook) into the credential, or create the webhook again.',
	insufficient_scope:
		'The webhook or app lacks the permission (scope) this method needs. Add the scope in Bitrix24 (edit the inbound webhook or the app) and try again.',
	ACCESS_DENIED:
		'Bitrix24 refused access: the user behind the credential lacks permission for this record or action, or REST is not available on this plan. Check the user\'s rights in Bitrix24, or use a credential of a user who has them.',
	ACCESS_ERROR: 'The user behind the credential has no access to this dialog or record. Use a credential of a user who can open it in Bitrix24.',
	WRONG_AUTH_TYPE:
		'This method works only with application (OAuth2) authorization. Switch the node to a Bitrix24 OAuth2 credential.',
	ERROR_METHOD_NOT_FOUND:
		'Bitrix24 has no method by this name on this portal: it is misspelled, not part of the REST API, its module is not installed, or the webhook or app lacks the scope it needs. Check the name against the Bitrix24 REST docs and the credential\'s scopes.',
	QUERY_LIMIT_EXCEEDED:
		'Bitrix24 refused the request because of its request-rate limit and retries did not get through. Lower the load on this portal or set the right Plan in the credential.',
	OPERATION_TIME_LIMIT:
		'Bitrix24 blocked this method for this credential because its 10-minute operating-time budget is used up. Wait a few minutes, raise "Max Wait on Limits" in the credential, or make the job smaller.',
	INVALID_ARG_VALUE:
		'A field name or value is not valid for this method (Bitrix24 names it in the message). Check the field names in Filter (JSON), Sort (JSON) and the fields sent against Get Fields of this entity.',
	NOT_FOUND: 'No record with this ID exists, or the user behind the credential cannot see it. Check the ID (e.g. with Get Many) and the user\'s access.',
	ERROR_NOT_FOUND: 'No record with this ID exists, or the user behind the credential cannot see it. Check the ID (e.g. with Get Many) and the user\'s access.',
	FILE_NOT_FOUND: 'No file with this ID exists, or the user behind the credential cannot see it. Check the file ID.',
	ERROR_BATCH_LENGTH_EXCEEDED: 'A batch holds at most 50 commands. Split the commands into smaller batches.',
	ERROR_BATCH_METHOD_NOT_ALLOWED: 'This method cannot run inside a batch (nested batch, file upload or download). Call it on its own with Call Method.',
	OVERLOAD_LIMIT: 'Bitrix24 blocked REST for this portal. Only Bitrix24 support can lift this block.',
	ERROR_CORE:
		'Bitrix24 rejected the values (the message says which). Fill the fields the method requires (for tasks: Title and Responsible ID; also required custom fields) and check their values.',
	ERROR_ARGUMENT:
		'Bitrix24 refused an argument\'s value or format, or a filter operation or sort direction it does not allow (the message names it). Correct that input against the method\'s documentation.',
	INTERNAL_SERVER_ERROR: 'The portal failed while running the method. Run it again; if it keeps failing, contact the portal administrator or Bitrix24 support.',
	ERROR_UNEXPECTED_ANSWER: 'The portal returned an unexpected answer. Run it again; if it keeps failing, contact the portal administrator or Bitrix24 support.',
	PORTAL_DELETED: 'The portal is deleted, or its public part is closed (on-premise: Main module settings → Temporary closure of the public part). Check the portal address in the credential.',
	user_access_error: 'An administrator limited this app to other users. Ask the portal admin to grant access.',
	METHOD_CONFIRM_WAITING: 'An administrator must approve this method for the app in Bitrix24 first.',
	METHOD_CONFIRM_DENIED: 'An administrator denied this method for the app.',
	PAYMENT_REQUIRED: 'The Bitrix24 app subscription or trial has ended.',
	INVALID_REQUEST: 'Bitrix24 requires HTTPS for REST calls. Use an https:// portal URL.',
	WRONG_ENCODING: 'Bitrix24 could not encode its answer as JSON (usually text in a non-UTF-8 encoding in a record). Narrow the Select fields or fix the record.',
	NOT_EXECUTED: 'Bitrix24 skipped this command in the batch. Run the item again.',
};

/** Hints for an HTTP status when the body is not Bitrix24 JSON (a proxy's or web server's error page). */
function statusHint(status: number | undefined): string | undefined {
	if (status === undefined) return undefined;
	if (status >= 500) {
		return `The portal, or a proxy in front of it, answered HTTP ${status} with an error page instead of Bitrix24's answer: it is down, restarting or overloaded. Run it again in a few minutes, and check that the portal opens in a browser.`;
	}
	if (status === 404) return 'The address answered 404 with a page that is not Bitrix24\'s: check the portal URL or webhook URL in the credential (it should end in /rest/<user>/<code>/ for a webhook).';
	if (status === 401 || status === 403) return 'The portal or a proxy in front of it refused the request. Check the credential, and that n8n may reach the portal.';
	return undefined;
}

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
	/** The REST method that failed, named in the message. */
	method?: string;
	/** The batch command key, for a failed command inside a batch. */
	commandKey?: string;
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

/**
 * Module errors without a fixed hint: many modules (Open Lines, chats) name the parameter in the code
 * (`CHAT_ID`, `USER_CODE`, `DIALOG_ID_EMPTY`), so the hint can name it too.
 */
function moduleHint(code: string, method?: string): string {
	const on = method ? ` to ${method}` : '';
	const empty = /^([A-Z][A-Z0-9_]*)_EMPTY$/.exec(code);
	if (empty) return `Bitrix24 needs ${empty[1]} and got none. Fill that input (or the expression that gives it) for this item.`;
	if (/^[A-Z][A-Z0-9]*(_[A-Z0-9]+)*_(ID|CODE)$/.test(code)) return `Bitrix24 refused the value of ${code} sent${on}: no such record, or the user behind the credential cannot use it. Check that input for this item.`;
	return `Bitrix24's reason is in the message${code ? ` (code ${code})` : ''}. Check the values sent${on} against the method's page in the Bitrix24 REST docs (apidocs.bitrix24.com).`;
}

/** Where an error happened, as the message's prefix: "Bitrix24 crm.deal.get (batch command i2)". */
export function errorSource(method?: string, commandKey?: string): string {
	if (!method) return 'Bitrix24';
	return `Bitrix24 ${method}${commandKey ? ` (batch command ${commandKey})` : ''}`;
}

/**
 * A fresh NodeApiError: the message names the method (and batch command) and says what happened,
 * e.g. "Bitrix24 crm.deal.get: Not found [NOT_FOUND]"; the description says how to fix it.
 */
export function bitrixApiError(node: INode, details: BitrixErrorDetails, secrets: string[]): NodeApiError {
	const code = inferCode(details.code, details.description);
	const text = details.description || code || 'Unknown Bitrix24 error';
	const message = redact(`${errorSource(details.method, details.commandKey)}: ${code && code !== text ? `${text} [${code}]` : text}`, secrets);
	const description = redact(details.hint ?? hintFor(code) ?? statusHint(details.httpCode) ?? moduleHint(code, details.method), secrets);
	const body: JsonObject = { error: details.code, error_description: details.description };
	if (details.method) body.method = details.method;
	if (details.commandKey) body.command = details.commandKey;
	const error = new NodeApiError(node, redact(body, secrets), {
		message,
		description,
		httpCode: details.httpCode !== undefined ? String(details.httpCode) : undefined,
		itemIndex: details.itemIndex,
	});
	// NodeApiError swaps a message that mentions a network code (ECONNRESET…) for a generic sentence
	// without the method; ours already says what happened
	error.message = message;
	error.context.bitrixCode = code;
	if (details.method) error.context.method = details.method;
	if (details.commandKey) error.context.commandKey = details.commandKey;
	error.context.data = redact(body, secrets);
	return error;
}
