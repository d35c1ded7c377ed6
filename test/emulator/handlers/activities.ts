// crm.activity.add / update / delete: answered by the generic family store (generic:crm.activity),
// plus what the generic store cannot know: CREATED and LAST_UPDATED kept on the record, so
// crm.activity.list can filter and sort by them (crm-activity-fields.md), and the
// ONCRMACTIVITYADD / UPDATE / DELETE events with data.FIELDS.ID (on-crm-activity-*.md).
import type { Core, HandlerMap } from '../core';
import { p } from '../core';
import type { CallContext, MethodResult } from '../types';
import { genericHandler } from './generic';

const TABLE = 'generic:crm.activity';

const idOf = (ctx: CallContext): number => Number(p(ctx, 'id'));

export function activityHandlers(): HandlerMap {
	return {
		'crm.activity.add': async (ctx, core) => {
			const out: MethodResult = await genericHandler(ctx, core);
			const id = Number(out.result);
			const rec = core.store.get(TABLE, id);
			if (rec) {
				const now = core.clock.isoDate();
				rec.CREATED = now;
				rec.LAST_UPDATED = now;
				core.emit('ONCRMACTIVITYADD', { FIELDS: { ID: id } });
			}
			return out;
		},
		'crm.activity.update': async (ctx, core) => {
			const out = await genericHandler(ctx, core);
			const rec = core.store.get(TABLE, idOf(ctx));
			if (rec) {
				rec.LAST_UPDATED = core.clock.isoDate();
				core.emit('ONCRMACTIVITYUPDATE', { FIELDS: { ID: Number(rec.ID) } });
			}
			return out;
		},
		'crm.activity.delete': async (ctx, core: Core) => {
			const existed = core.store.get(TABLE, idOf(ctx)) !== undefined;
			const out = await genericHandler(ctx, core);
			if (existed) core.emit('ONCRMACTIVITYDELETE', { FIELDS: { ID: idOf(ctx) } });
			return out;
		},
	};
}
