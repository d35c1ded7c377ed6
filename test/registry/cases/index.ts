import { bookingCases } from './booking';
import { restV3Cases } from './restv3';
import { calendarCases } from './calendar';
import { catalogCases } from './catalog';
import { crmCases } from './crm';
import { crm3Cases } from './crm3';
import { crm2Cases } from './crm2';
import { driveCases } from './drive';
import { listsCases } from './lists';
import { messengerCases } from './messenger';
import { miscCases, scrumCases, taskExtraCases } from './misc';
import { openLinesCases } from './openLines';
import { platformCases } from './platform';
import { salesCases, salesServiceCases } from './sales';
import { systemCases } from './system';
import { tasksCases } from './tasks';
import { telephonyCases } from './telephony';
import type { Cases } from './types';
import { usersCases } from './users';
import { v3FamilyCases } from './v3families';
import { workflowsCases } from './workflows';

/** `resource.operation` → its representative case; one file per area. */
export const cases: Cases = {
	...crmCases,
	...catalogCases,
	...salesCases,
	...salesServiceCases,
	...crm3Cases,
	...crm2Cases,
	...tasksCases,
	...usersCases,
	...v3FamilyCases,
	...messengerCases,
	...openLinesCases,
	...driveCases,
	...calendarCases,
	...telephonyCases,
	...listsCases,
	...workflowsCases,
	...platformCases,
	...systemCases,
	...bookingCases,
	...restV3Cases,
	...miscCases,
	...taskExtraCases,
	...scrumCases,
};
