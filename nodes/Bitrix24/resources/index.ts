import type { ResourceSpec } from '../types';
import { calendarResources } from './calendar';
import { crmResources } from './crm';
import { driveResources } from './drive';
import { listsResources } from './lists';
import { messengerResources } from './messenger';
import { openLinesResources } from './openLines';
import { platformResources } from './platform';
import { systemResources } from './system';
import { tasksResources } from './tasks';
import { telephonyResources } from './telephony';
import { usersResources } from './users';
import { workflowsResources } from './workflows';

/** Every resource of the node, by area; each module declares its operations as data. */
export const resources: ResourceSpec[] = [
	...crmResources,
	...tasksResources,
	...usersResources,
	...messengerResources,
	...openLinesResources,
	...driveResources,
	...calendarResources,
	...telephonyResources,
	...listsResources,
	...workflowsResources,
	...platformResources,
	...systemResources,
];
