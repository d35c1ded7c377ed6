import type { ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import { locatorSearch } from './locatorSearch';
import { searchMethods } from './methodSearch';

/** Searchable, paged lists behind the resource locators' "From List" mode. */
export const listSearch: Record<string, (this: ILoadOptionsFunctions, filter?: string, paginationToken?: string) => Promise<INodeListSearchResult>> = {
	searchMethods,
	...locatorSearch,
};
