import type { ResourceSpec } from '../../types';
import { botResources } from './bot';
import { chat, dialog, imSearch, imUser, message, notification, recent } from './chat';

export const messengerResources: ResourceSpec[] = [message, chat, dialog, recent, notification, imUser, imSearch, ...botResources];
