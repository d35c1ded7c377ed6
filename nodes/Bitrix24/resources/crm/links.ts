import type { IDataObject } from 'n8n-workflow';

import type { ResourceSpec } from '../../types';
import { fieldsOp, id, json, num, yn } from '../shared';

/**
 * Single links between CRM records: crm.{deal|lead|quote|company}.contact.* and crm.contact.company.*
 * (add or remove one link, read, replace or clear them all).
 */
function linkResource(value: string, prefix: string, owner: string, linked: 'Contact' | 'Company', plural: string): ResourceSpec {
	const ownerId = id('id', `${owner} ID`);
	const key = `${linked.toUpperCase()}_ID`;
	const linkedId = id(key, `${linked} ID`, `fields.${key}`);
	// both methods answer `true`: report which link changed
	const linkOutput = (flag: string) => (result: unknown, request: IDataObject | unknown[]) => {
		const { id: recordId, fields } = request as IDataObject;
		return { id: recordId as string, [key]: (fields as IDataObject)[key] as string, [flag]: result !== false };
	};
	const a = (noun: string) => `${/^[aeiou]/i.test(noun) ? 'an' : 'a'} ${noun.toLowerCase()}`;
	return {
		value,
		name: `${owner} ${linked} Link`,
		group: 'CRM',
		description: `The ${plural.toLowerCase()} linked to ${a(owner)} (${prefix}.*)`,
		operations: [
			{
				value: 'add',
				name: 'Add',
				action: `Link ${a(linked)} to ${a(owner)}`,
				description: `Without Primary, the link becomes primary when the ${owner.toLowerCase()} has none`,
				method: `${prefix}.add`,
				kind: 'action',
				params: [ownerId, linkedId],
				optional: [
					yn('IS_PRIMARY', 'Primary', `Whether this ${linked.toLowerCase()} becomes the primary one`, { to: 'fields.IS_PRIMARY' }),
					num('SORT', 'Sort', { to: 'fields.SORT' }),
				],
				output: linkOutput('added'),
				since: 2,
			},
			{
				value: 'remove',
				name: 'Remove',
				action: `Unlink ${a(linked)} from ${a(owner)}`,
				method: `${prefix}.delete`,
				kind: 'delete',
				params: [ownerId, linkedId],
				output: linkOutput('deleted'),
				since: 2,
			},
			{
				value: 'get',
				name: 'Get',
				action: `List the ${plural.toLowerCase()} linked to ${a(owner)}`,
				method: `${prefix}.items.get`,
				kind: 'get',
				params: [ownerId],
				since: 2,
			},
			{
				value: 'set',
				name: 'Set',
				action: `Replace every ${linked.toLowerCase()} link of ${a(owner)}`,
				description: `${plural} not in the list are unlinked`,
				method: `${prefix}.items.set`,
				kind: 'update',
				params: [
					ownerId,
					json('items', `${plural} (JSON)`, {
						required: true,
						shape: 'array',
						description: `Links, e.g. [{"${key}": 5, "IS_PRIMARY": "Y"}, {"${key}": 7}]`,
					}),
				],
				since: 2,
			},
			{
				value: 'removeAll',
				name: 'Remove All',
				action: `Unlink every ${linked.toLowerCase()} from ${a(owner)}`,
				method: `${prefix}.items.delete`,
				kind: 'delete',
				params: [ownerId],
				since: 2,
			},
			fieldsOp(`${prefix}.fields`, `${owner.toLowerCase()}-${linked.toLowerCase()} link`, { since: 2 }),
		],
	};
}

export const dealContactLink = linkResource('dealContactLink', 'crm.deal.contact', 'Deal', 'Contact', 'Contacts');
export const leadContactLink = linkResource('leadContactLink', 'crm.lead.contact', 'Lead', 'Contact', 'Contacts');
export const quoteContactLink = linkResource('quoteContactLink', 'crm.quote.contact', 'Quote', 'Contact', 'Contacts');
export const companyContactLink = linkResource('companyContactLink', 'crm.company.contact', 'Company', 'Contact', 'Contacts');
export const contactCompanyLink = linkResource('contactCompanyLink', 'crm.contact.company', 'Contact', 'Company', 'Companies');
