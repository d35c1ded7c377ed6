// Handler registry: one map of lowercase method name -> handler.
import type { Core, HandlerMap } from '../core';
import type { Store } from '../store';
import { crmHandlers, crmInitialData, crmSeeder } from './crm';
import { crmAssetHandlers } from './crm-assets';
import { crmExtraHandlers } from './crm-extras';
import { duplicateHandlers } from './duplicates';
import { linkHandlers } from './links';
import { paymentHandlers } from './payments';
import { eventHandlers } from './events';
import { seedTasks, taskHandlers } from './tasks';
import { seedUsers, userHandlers, usersInitialData } from './users';
import { imHandlers } from './im';
import { openlinesHandlers, openlinesInitialData, seedOpenlines } from './openlines';
import { CURRENCY_TABLE, seedCurrencies, seedWorkgroups, WORKGROUP_TABLE } from './reference';
import { diskHandlers, diskInitialData } from './disk';
import { imbotHandlers } from './imbot';
import { bizprocHandlers } from './bizproc';
import { notifyHandlers } from './notify';
import { recentHandlers } from './recent';
import { calendarHandlers } from './calendar';
import { v3FamilyHandlers } from './v3families';
import { onlineBookingHandlers } from './onlineBooking';
import { scrumHandlers } from './scrum';
import { taskTemplateHandlers } from './taskTemplates';
import { timemanHandlers } from './timeman';
import { activityHandlers } from './activities';
import { imV2EventHandlers } from './imv2events';
import { offlineHandlers } from './offline';
import { bookingHandlers } from './bookings';
import { catalogHandlers } from './catalog';
import { salesHandlers } from './sales';

export { genericHandler } from './generic';

export function allHandlers(): HandlerMap {
	const map: HandlerMap = {
		...crmHandlers(),
		...duplicateHandlers(),
		...linkHandlers(),
		...paymentHandlers(),
		...crmExtraHandlers(),
		...crmAssetHandlers(),
		...userHandlers(),
		...taskHandlers(),
		...eventHandlers(),
		...imHandlers(),
		...openlinesHandlers(),
		...diskHandlers(),
		...imbotHandlers(),
		...bizprocHandlers(),
		...notifyHandlers(),
		...recentHandlers(),
		...calendarHandlers(),
		...v3FamilyHandlers(),
		...timemanHandlers(),
		...taskTemplateHandlers(),
		...scrumHandlers(),
		...onlineBookingHandlers(),
		...activityHandlers(),
		...imV2EventHandlers(),
		...offlineHandlers(),
		...bookingHandlers(),
		...catalogHandlers(),
		...salesHandlers(),
	};
	// keys are compared lowercase (the server lowercases method names)
	return Object.fromEntries(Object.entries(map).map(([k, v]) => [k.toLowerCase(), v]));
}

export function registerSeeders(store: Store): void {
	for (const e of ['lead', 'deal', 'contact', 'company', 'quote', 'invoice']) store.seeders.set(e, crmSeeder(e));
	store.seeders.set('dynamic', (s, n, rnd) => {
		// dynamic_<id>: the seeder is looked up by prefix; the table name carries the type id
		const name = s.names().find((x) => x.startsWith('dynamic_') && s.count(x) === 0);
		crmSeeder(name || 'dynamic_128')(s, n, rnd);
	});
	store.seeders.set('user', seedUsers);
	store.seeders.set('task', seedTasks);
	store.seeders.set('chat', seedOpenlines);
	store.seeders.set(CURRENCY_TABLE, seedCurrencies);
	store.seeders.set(WORKGROUP_TABLE, seedWorkgroups);
}

export function initialData(core: Core): void {
	usersInitialData(core);
	crmInitialData(core);
	openlinesInitialData(core);
	diskInitialData(core);
}
