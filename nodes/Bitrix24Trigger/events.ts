import type { INodePropertyOptions } from 'n8n-workflow';

/**
 * The events the trigger offers: documented Bitrix24 event names that a generic app (OAuth2) or an
 * outgoing webhook can receive. Open Lines, connector, bot and app-lifecycle events are left out on
 * purpose: Bitrix24 delivers Open Lines events only for the connector registered by the same app,
 * and the others belong to the app's own installation, not to portal data.
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

export const EVENTS: EventSpec[] = [
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

export const EVENT_OPTIONS: INodePropertyOptions[] = EVENTS.map((e) => ({ name: e.name, value: e.value, description: e.value.replace(TYPE_PLACEHOLDER, '_{ID}') })).sort(
	(a, b) => a.name.localeCompare(b.name),
);

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
