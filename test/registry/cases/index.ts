import { calendarCases } from './calendar';
import { crmCases } from './crm';
import { driveCases } from './drive';
import { listsCases } from './lists';
import { messengerCases } from './messenger';
import { openLinesCases } from './openLines';
import { platformCases } from './platform';
import { systemCases } from './system';
import { tasksCases } from './tasks';
import { telephonyCases } from './telephony';
import type { Cases } from './types';
import { usersCases } from './users';
import { workflowsCases } from './workflows';

/** `resource.operation` → its representative case; one file per area. */
export const cases: Cases = {
	...crmCases,
	...tasksCases,
	...usersCases,
	...messengerCases,
	...openLinesCases,
	...driveCases,
	...calendarCases,
	...telephonyCases,
	...listsCases,
	...workflowsCases,
	...platformCases,
	...systemCases,
};
