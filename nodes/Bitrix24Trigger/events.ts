import type { INodePropertyOptions } from 'n8n-workflow';

import catalog from './eventCatalog.json';

/** A documented event, as listed by scripts/events.mjs from the b24restdocs event pages. */
export interface CatalogEvent {
	name: string;
	group: string;
	label: string;
	doc: string;
	scope: string;
	/** Paths inside the payload of the page's example, e.g. data.FIELDS.ID. */
	payload: string[];
	/** Only an application (event.bind with OAuth2) can receive it, not an outgoing webhook. */
	appOnly: boolean;
	deprecated: boolean;
}

export const CATALOG: CatalogEvent[] = catalog.events;

/**
 * Documented events that n8n's credential can never receive, so they are not offered (they stay
 * reachable through "Other Event Names"): Open Lines, connector and chat-bot events go only to the app
 * that registered the connector or bot, and OnAppInstall fires before any binding exists.
 */
function notOffered(e: CatalogEvent): boolean {
	return e.deprecated || /^(Open Lines|Chat Bot)/.test(e.group) || e.name === 'ONAPPINSTALL';
}

export const OFFERED: CatalogEvent[] = CATALOG.filter((e) => !notOffered(e));

/**
 * What the node knows about an event beyond its name: the family decides how the payload's IDs are
 * read and which method "Fetch the Record" calls.
 */

export type Family =
	| 'crm'
	| 'crmDynamic'
	| 'activity'
	| 'timelineComment'
	| 'task'
	| 'taskComment'
	| 'user'
	| 'calendarEntry'
	| 'calendarSection'
	| 'workgroup'
	| 'telephony';

export interface EventSpec {
	value: string;
	name: string;
	family: Family;
	/** CRM entity type ID for fixed-type CRM events. */
	entityTypeId?: number;
	action: 'add' | 'update' | 'delete' | 'other';
}

/** Placeholder suffix for the per-type smart-process events: replaced by the Entity Type ID. */
export const TYPE_PLACEHOLDER = '_{entityTypeId}';

const ACTIONS: Array<['ADD' | 'UPDATE' | 'DELETE', string, EventSpec['action']]> = [
	['ADD', 'Created', 'add'],
	['UPDATE', 'Updated', 'update'],
	['DELETE', 'Deleted', 'delete'],
];

function crud(prefix: string, label: string, family: Family, entityTypeId?: number): EventSpec[] {
	return ACTIONS.map(([suffix, verb, action]) => ({
		value: `${prefix}${suffix}`,
		name: `${label} ${verb}`,
		family,
		entityTypeId,
		action,
	}));
}

const EVENTS: EventSpec[] = [
	...crud('ONCRMLEAD', 'CRM Lead', 'crm', 1),
	...crud('ONCRMDEAL', 'CRM Deal', 'crm', 2),
	{ value: 'ONCRMDEALMOVETOCATEGORY', name: 'CRM Deal Moved to Another Pipeline', family: 'crm', entityTypeId: 2, action: 'update' },
	...crud('ONCRMCONTACT', 'CRM Contact', 'crm', 3),
	...crud('ONCRMCOMPANY', 'CRM Company', 'crm', 4),
	...crud('ONCRMQUOTE', 'CRM Quote', 'crm', 7),
	...crud('ONCRMDYNAMICITEM', 'CRM Smart Process Item (Any Type)', 'crmDynamic'),
	...ACTIONS.map(([suffix, verb, action]) => ({
		value: `ONCRMDYNAMICITEM${suffix}${TYPE_PLACEHOLDER}`,
		name: `CRM Smart Process Item ${verb} (Entity Type ID Below)`,
		family: 'crmDynamic' as Family,
		action,
	})),
	...crud('ONCRMACTIVITY', 'CRM Activity', 'activity'),
	...crud('ONCRMTIMELINECOMMENT', 'CRM Timeline Comment', 'timelineComment'),
	...crud('ONTASK', 'Task', 'task'),
	...crud('ONTASKCOMMENT', 'Task Comment', 'taskComment'),
	{ value: 'ONUSERADD', name: 'User Added', family: 'user', action: 'add' },
	...crud('ONCALENDARENTRY', 'Calendar Event', 'calendarEntry'),
	...crud('ONCALENDARSECTION', 'Calendar Section', 'calendarSection'),
	...crud('ONSONETGROUP', 'Workgroup', 'workgroup'),
	{ value: 'ONVOXIMPLANTCALLINIT', name: 'Telephony Call Initialized', family: 'telephony', action: 'other' },
	{ value: 'ONVOXIMPLANTCALLSTART', name: 'Telephony Call Started', family: 'telephony', action: 'other' },
	{ value: 'ONVOXIMPLANTCALLEND', name: 'Telephony Call Ended', family: 'telephony', action: 'other' },
	{ value: 'ONEXTERNALCALLSTART', name: 'Telephony External Call Started (Click to Call)', family: 'telephony', action: 'other' },
	{ value: 'ONEXTERNALCALLBACKSTART', name: 'Telephony External Callback Requested', family: 'telephony', action: 'other' },
];

const BY_VALUE = new Map(EVENTS.map((e) => [e.value, e]));

const APP_ONLY_NOTE = ' (application only: Subscribe Automatically with OAuth2)';

/** One option per offered event, "Group: Label", plus the per-type smart-process events. */
export const EVENT_OPTIONS: INodePropertyOptions[] = [
	...OFFERED.map((e) => ({ name: `${e.group}: ${e.label}`, value: e.name, description: `${e.name}${e.appOnly ? APP_ONLY_NOTE : ''}` })),
	...EVENTS.filter((e) => e.value.endsWith(TYPE_PLACEHOLDER)).map((e) => ({
		name: `Smart Process Item: ${e.name.replace('CRM Smart Process Item ', '')}`,
		value: e.value,
		description: e.value.replace(TYPE_PLACEHOLDER, '_{ID}'),
	})),
].sort((a, b) => a.name.localeCompare(b.name));

/** Bitrix24 event names: ONCRMDEALADD style, or the catalog's CATALOG.PRODUCT.ON.ADD style. */
export const EVENT_NAME_PATTERN = /^(ON[A-Z0-9_]+|[A-Z0-9_]+(\.[A-Z0-9_]+)*\.ON\.[A-Z0-9_]+)$/i;

/**
 * The names typed in "Other Event Names" (comma or space separated), upper-cased. A malformed name
 * throws, or with `skipInvalid` is left out (when an event arrives, the rest still filters).
 */
export function otherEventNames(text: string, skipInvalid = false): string[] {
	const names = String(text ?? '')
		.split(/[\s,;]+/)
		.filter(Boolean)
		.filter((name) => !skipInvalid || EVENT_NAME_PATTERN.test(name));
	for (const name of names) {
		if (!EVENT_NAME_PATTERN.test(name)) {
			throw new Error(`"${name}" in "Other Event Names" is not a Bitrix24 event name: use names such as ONCRMDEALADD or CATALOG.PRODUCT.ON.ADD`);
		}
	}
	return names.map((n) => n.toUpperCase());
}

const CATALOG_BY_NAME = new Map(CATALOG.map((e) => [e.name, e]));

/** The catalog entry of an event name (case-insensitive), undefined when not documented. */
export function catalogEvent(name: string): CatalogEvent | undefined {
	return CATALOG_BY_NAME.get(name.toUpperCase());
}

export const TYPED_EVENT_VALUES = EVENTS.filter((e) => e.value.endsWith(TYPE_PLACEHOLDER)).map((e) => e.value);

/** The Bitrix24 event names to bind for the chosen options (per-type placeholders resolved). */
export function resolveEventNames(selected: string[], entityTypeId: number | undefined): string[] {
	const names = new Set<string>();
	for (const value of selected) {
		if (value.endsWith(TYPE_PLACEHOLDER)) {
			if (!entityTypeId || !Number.isInteger(entityTypeId) || entityTypeId < 1) {
				throw new Error('Set "Entity Type ID" to the smart process type (e.g. 147) for the per-type smart process events');
			}
			names.add(`${value.slice(0, -TYPE_PLACEHOLDER.length)}_${entityTypeId}`);
		} else {
			names.add(value.toUpperCase());
		}
	}
	return [...names];
}

/** What an incoming event name is, including per-type smart-process names such as ONCRMDYNAMICITEMADD_147. */
export function describeEvent(name: string): EventSpec | undefined {
	const upper = name.toUpperCase();
	const typed = /^(ONCRMDYNAMICITEM(?:ADD|UPDATE|DELETE))_(\d+)$/.exec(upper);
	if (typed) {
		const base = BY_VALUE.get(typed[1]);
		return base ? { ...base, value: upper, entityTypeId: Number(typed[2]) } : undefined;
	}
	return BY_VALUE.get(upper);
}
