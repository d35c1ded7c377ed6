import type { ILoadOptionsFunctions, ResourceMapperFields } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { mapperSchema } from '../mapper';
import { findOperation } from '../registry';

/** The field mappers of Create and Update, built from the portal's own field metadata. */
export const resourceMapping: Record<string, (this: ILoadOptionsFunctions) => Promise<ResourceMapperFields>> = {
	/** One method for every mapper: the operation (resource + operation) says whose fields to list. */
	async getMappingFields(this: ILoadOptionsFunctions): Promise<ResourceMapperFields> {
		const resource = this.getNodeParameter('resource', '') as string;
		const operation = this.getNodeParameter('operation', '') as string;
		const op = findOperation(resource, operation, this.getNode().typeVersion);
		if (!op?.mapper) {
			throw new NodeOperationError(this.getNode(), `The operation "${operation}" of resource "${resource}" has no field mapper`, {
				description: 'The field mapper exists on Create and Update of leads, deals, contacts, companies, quotes, CRM items, invoices and tasks.',
			});
		}
		return { fields: await mapperSchema(this, op) };
	},
};
