import type { ResourceSpec } from '../../types';
import { dataStorage, dataStorageItem, dataStorageProperty, dataStorageSection } from './dataStorage';
import { event } from './events';
import { feedPost } from './feed';
import { smsProvider } from './messageService';
import { portal } from './portal';

export const platformResources: ResourceSpec[] = [portal, event, dataStorage, dataStorageItem, dataStorageProperty, dataStorageSection, smsProvider, feedPost];
