import { deprecation } from './methods/methodSearch';
import type { OperationSpec, ResourceSpec } from './types';

/**
 * The words that say which area a resource belongs to, the word put in front of a name that has none
 * of them, and the word the area's actions carry (see actionText). n8n filters the Resource list by
 * what the user types and the registry sorts it by these names, so "crm" lists the CRM resources
 * together and "deal" finds "CRM Deal".
 */
export const AREAS: Record<string, { words: string[]; prefix: string; actionWord?: string }> = {
	CRM: { words: ['CRM'], prefix: 'CRM', actionWord: 'CRM' },
	Tasks: { words: ['Task'], prefix: 'Task' },
	Users: { words: ['User', 'Department', 'Workgroup'], prefix: 'User' },
	Messenger: { words: ['Messenger'], prefix: 'Messenger', actionWord: 'messenger' },
	'Chat Bots': { words: ['Chat Bot'], prefix: 'Chat', actionWord: 'bot' },
	'Open Lines': { words: ['Open Line'], prefix: 'Open Line' },
	Drive: { words: ['Drive'], prefix: 'Drive' },
	Calendar: { words: ['Calendar'], prefix: 'Calendar' },
	Telephony: { words: ['Telephony'], prefix: 'Telephony', actionWord: 'telephony' },
	Lists: { words: ['List'], prefix: 'List' },
	Workflows: { words: ['Workflow'], prefix: 'Workflow' },
	System: { words: ['Portal', 'System', 'Platform'], prefix: 'Platform' },
	'Data Storage': { words: ['Data Storage'], prefix: 'Data Storage' },
	Feed: { words: ['Feed'], prefix: 'Feed' },
	Documents: { words: ['Document'], prefix: 'Document' },
	Mail: { words: ['Mail', 'Mailbox'], prefix: 'Mail' },
	'Knowledge Base': { words: ['Knowledge Base'], prefix: 'Knowledge Base' },
	'HCM Link': { words: ['HCM Link'], prefix: 'HCM Link' },
	Booking: { words: ['Booking'], prefix: 'Booking' },
	'Time Tracking': { words: ['Time Tracking'], prefix: 'Time Tracking' },
	Sales: { words: ['Sales'], prefix: 'Sales' },
};

const startsWithWord = (name: string, word: string) => name === word || name.startsWith(`${word} `);

/** The Resource option's name: the resource's name led by its area (display only; the value never changes). */
export function resourceDisplayName(resource: ResourceSpec): string {
	const area = AREAS[resource.group];
	if (!area || area.words.some((word) => startsWithWord(resource.name, word))) return resource.name;
	return `${area.prefix} ${resource.name}`;
}

/**
 * The operation's action (node creator entry, default node name, AI tool name) with its area's word, so
 * "crm deal" typed in the node creator's Bitrix24 actions finds "Create a CRM deal". The word goes before
 * the resource's noun (or its last word), or else after an article or the verb; an action that already
 * names its area is kept.
 */
export function actionText(resource: ResourceSpec, op: OperationSpec): string {
	const word = AREAS[resource.group]?.actionWord;
	if (!word) return op.action;
	const lower = op.action.toLowerCase();
	const named = [word, ...AREAS[resource.group].words].flatMap((w) => w.toLowerCase().split(' '));
	if (named.some((w) => new RegExp(`\\b${w}s?\\b`).test(lower))) return op.action;
	const noun = resource.name.toLowerCase();
	let at = lower.search(new RegExp(`\\b${noun}`));
	// or its last word after an article: "a reaction to a message" for a bot message
	const last = new RegExp(`\\b(?:a|an|the|many) (${noun.split(' ').pop()}s?)\\b`).exec(lower);
	if (at < 0 && last) at = last.index + last[0].length - last[1].length;
	if (at < 0) {
		// the record the action is about follows "a", "an" or "many" ("the color of a to-do"), else
		// "the" ("the application triggers"), else the verb ("search users by name")
		const article = /\b(a|an|many) /.exec(lower) ?? /\bthe /.exec(lower) ?? /^\S+ /.exec(lower);
		if (!article) return op.action;
		at = article.index + article[0].length;
	}
	// "an activity" becomes "a CRM activity"
	const before = op.action.slice(0, at).replace(/\ban $/, 'a ');
	return `${before}${word} ${op.action.slice(at)}`;
}

/** The inputs an operation cannot run without, or else its first few top-level inputs, in node version `version`. */
function keyInputs(op: OperationSpec, version = 2): string[] {
	const inputs = [
		...(op.params ?? []).filter((p) => (p.since ?? 1) <= version).map((p) => ({ label: p.label, required: p.required === true })),
		...(op.extra ?? []).filter(({ property }) => property.type !== 'notice').map(({ property }) => ({ label: property.displayName, required: property.required === true })),
	];
	const required = inputs.filter((input) => input.required);
	const labels = (required.length ? required : inputs.slice(0, 3)).map((input) => input.label);
	if (op.kind === 'getMany' && op.paging) labels.push('Return All', 'Limit');
	return labels;
}

/**
 * The Operation option's description, shown under the option in the editor's Operation list: what it
 * does, its key inputs, the method, and whether the docs mark that method deprecated.
 */
export function operationDescription(resource: ResourceSpec, op: OperationSpec, version = 2): string {
	const action = actionText(resource, op);
	const said = op.description?.replace(/\.$/, '');
	// a spec description that starts with the action's verb says it better; any other adds to the action
	const what = !said ? [action] : said.split(' ')[0] === action.split(' ')[0] ? [said] : [action, said];
	const inputs = keyInputs(op, version);
	const parts = [...what.map((sentence) => `${sentence}.`), inputs.length ? `Key inputs: ${inputs.join(', ')}.` : 'No inputs needed.'];
	if (op.method !== '*') parts.push(`Calls ${op.method}.`);
	const old = op.method === '*' ? undefined : deprecation(op.method);
	if (old) {
		parts.push(
			old.replacement
				? `Deprecated: Bitrix24 replaced ${op.method} with ${old.replacement}.`
				: `Deprecated: Bitrix24 no longer develops ${op.method} and names no replacement.`,
		);
	}
	return parts.join(' ');
}
