// Application assets of CRM that the generic store keeps, with the answers it cannot shape itself:
// - crm.activity.configurable.add/update keep the owner, fields and layout get shows, and answer
//   { activity: { id } } (the pages' examples print `time` inside `result`, a misplaced bracket;
//   the Returned Data tables name only `activity`); an unknown id is NOT_FOUND;
// - crm.timeline.icon.add / crm.timeline.logo.add answer the stored image with isSystem false and
//   the file's uri (crm-timeline-icon-add.md, crm-timeline-logo-add.md);
// - crm.requisite.preset.countries answers the countries the page lists;
// - crm.requisite.preset.field.availabletoadd answers the requisite fields (crm.requisite.fields)
//   that the template does not show yet.
// The handlers are marked `wrapsGeneric`: get/list/delete of these families stay generic.
import type { Handler, HandlerMap } from '../core';
import { p } from '../core';
import type { Rec } from '../store';
import { B24Error } from '../types';
import { genericHandler, resultShapes } from './generic';

const wrapsGeneric = (h: Handler): Handler => Object.assign(h, { wrapsGeneric: true });

/** crm-requisite-preset-countries.md, as printed. */
const COUNTRIES = [
	{ ID: 1, CODE: 'RU', TITLE: 'United States' },
	{ ID: 4, CODE: 'BY', TITLE: 'Belarus' },
	{ ID: 6, CODE: 'KZ', TITLE: 'Kazakhstan' },
	{ ID: 14, CODE: 'UA', TITLE: 'Ukraine' },
	{ ID: 34, CODE: 'BR', TITLE: 'Brazil' },
	{ ID: 46, CODE: 'DE', TITLE: 'Germany' },
	{ ID: 77, CODE: 'CO', TITLE: 'Colombia' },
	{ ID: 110, CODE: 'PL', TITLE: 'Poland' },
	{ ID: 122, CODE: 'US', TITLE: 'United States' },
	{ ID: 132, CODE: 'FR', TITLE: 'France' },
];

/** The newest record of a generic family: the one a create just stored. */
const newest = (rows: Rec[]): Rec | undefined => rows.reduce<Rec | undefined>((last, r) => (!last || Number(r.ID) > Number(last.ID) ? r : last), undefined);

export function crmAssetHandlers(): HandlerMap {
	// the record as crm.activity.configurable.get shows it: owner, fields and layout
	const TABLE = 'generic:crm.activity.configurable';
	const add: Handler = (ctx, core) => {
		const rec = core.store.insert(TABLE, { ownerTypeId: Number(p(ctx, 'ownerTypeId')), ownerId: Number(p(ctx, 'ownerId')), fields: { ...((p(ctx, 'fields') ?? {}) as Rec) }, layout: p(ctx, 'layout') });
		return { result: { activity: { id: Number(rec.ID) } } };
	};
	const update: Handler = (ctx, core) => {
		const id = Number(p(ctx, 'id'));
		const rec = core.store.get(TABLE, id);
		if (!rec) throw new B24Error(400, 'NOT_FOUND', 'Element not found');
		// fields change one by one; the layout is replaced whole
		rec.fields = { ...((rec.fields ?? {}) as Rec), ...((p(ctx, 'fields') ?? {}) as Rec) };
		rec.layout = p(ctx, 'layout');
		return { result: { activity: { id } } };
	};
	const image =
		(kind: 'icon' | 'logo'): Handler =>
		async (ctx, core) => {
			await genericHandler(ctx, core);
			const rec = newest(core.store.all(`generic:crm.timeline.${kind}`))!;
			rec.isSystem = false;
			rec.fileUri = `/upload/crm/${kind}/${String(rec.ID)}`;
			delete rec.fileContent;
			return { result: { [kind]: { code: rec.code, isSystem: false, fileUri: rec.fileUri } } };
		};
	return {
		'crm.activity.configurable.add': wrapsGeneric(add),
		'crm.activity.configurable.update': wrapsGeneric(update),
		'crm.timeline.icon.add': wrapsGeneric(image('icon')),
		'crm.timeline.logo.add': wrapsGeneric(image('logo')),
		'crm.requisite.preset.countries': wrapsGeneric(() => ({ result: COUNTRIES.map((c) => ({ ...c })) })),
		'crm.requisite.preset.field.availabletoadd': wrapsGeneric((_ctx, core) => {
			const all = Object.keys((resultShapes().get('crm.requisite.fields')?.result ?? {}) as Rec).filter((f) => /^(RQ_|UF_)/.test(f));
			// the generic store does not keep which template a field was added to: fields added to any are left out
			const shown = new Set(core.store.all('generic:crm.requisite.preset.field').map((r) => String(r.FIELD_NAME)));
			return { result: all.filter((f) => !shown.has(f)) };
		}),
	};
}
