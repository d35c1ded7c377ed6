import { getFilterFields } from './filterFields';
import { listSearch } from './listSearch';
import { loadOptions } from './loadOptions';
import { resourceMapping } from './resourceMapping';

/** What the editor calls: dropdowns, locator lists and field mappers. */
export const methods = { loadOptions: { ...loadOptions, getFilterFields }, listSearch, resourceMapping };
