import type { ResourceSpec } from '../types';
import { bookingResources } from './booking';
import { calendarResources } from './calendar';
import { crmResources } from './crm';
import { documentsResources } from './documents';
import { driveResources } from './drive';
import { knowledgeBaseResources } from './knowledgeBase';
import { listsResources } from './lists';
import { mailResources } from './mail';
import { messengerResources } from './messenger';
import { openLinesResources } from './openLines';
import { platformResources } from './platform';
import { salesResources } from './sales';
import { systemResources } from './system';
import { tasksResources } from './tasks';
import { telephonyResources } from './telephony';
import { timeTrackingResources } from './timeTracking';
import { usersResources } from './users';
import { workflowsResources } from './workflows';

/** Every resource of the node, by area; each module declares its operations as data. */
export const resources: ResourceSpec[] = [
	...crmResources,
	...documentsResources,
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
	...bookingResources,
	...timeTrackingResources,
	...mailResources,
	...knowledgeBaseResources,
	...salesResources,
];
