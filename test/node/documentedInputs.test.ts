/** Inputs follow the doc pages' field tables: fields a page does not list are not offered. */
import { allOperations } from '../../nodes/Bitrix24/registry';

/** Where each input of an operation goes in the request (`fields.iblockId`). */
function targets(resource: string, operation: string): string[] {
	const found = allOperations().find((entry) => entry.resource.value === resource && entry.op.value === operation);
	expect({ resource, operation, found: Boolean(found) }).toEqual({ resource, operation, found: true });
	return [...(found!.op.params ?? []), ...(found!.op.optional ?? [])].map((spec) => spec.to ?? spec.name);
}

test.each([
	// catalog-product-offer-update.md, -sku-update.md, -service-update.md: a record stays in its catalog
	['productVariation', 'update', 'fields.iblockId', 'fields.name'],
	['parentProduct', 'update', 'fields.iblockId', 'fields.name'],
	['catalogService', 'update', 'fields.iblockId', 'fields.name'],
	// document-generator-template-update.md takes a new `file`, not a Drive fileId; add has no providers
	['documentTemplate', 'update', 'fields.fileId', 'fields.providers'],
	['documentTemplate', 'create', 'fields.providers', 'fields.fileId'],
	// tasks/template/fields.md
	['taskTemplate', 'create', 'fields.ALLOW_CHANGE_DEADLINE', 'fields.TASK_CONTROL'],
	['taskTemplate', 'create', 'fields.ALLOW_TIME_TRACKING', 'fields.DEADLINE_AFTER'],
	['taskTemplate', 'update', 'fields.ALLOW_CHANGE_DEADLINE', 'fields.TASK_CONTROL'],
	['taskTemplate', 'update', 'fields.ALLOW_TIME_TRACKING', 'fields.DEADLINE_AFTER'],
])('%s → %s does not offer %s (offers %s)', (resource, operation, absent, present) => {
	const inputs = targets(resource, operation);
	expect(inputs).toContain(present);
	expect(inputs).not.toContain(absent);
});
