import type { ILoadOptionsFunctions, ResourceMapperFields } from 'n8n-workflow';

/** The field mappers of Create and Update, built from the portal's own field metadata. */
export const resourceMapping: Record<string, (this: ILoadOptionsFunctions) => Promise<ResourceMapperFields>> = {};
