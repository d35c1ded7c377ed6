import type { ResourceSpec } from '../../types';
import { crud } from '../crud';
import { binaryProperty } from '../drive/binary';
import { inlineFiles } from './documents';
import { changedCode, fieldsOp, str } from '../shared';

/**
 * Icons and logos an application uploads for its timeline log messages (crm.timeline.icon.*,
 * crm.timeline.logo.*), and the field lists of timeline bindings and comments.
 */

const asset = (kind: 'icon' | 'logo', plural: string): ResourceSpec => {
	const code = str('code', 'Code', { required: true, placeholder: 'e.g. info', description: `Code of the ${kind}` });
	const label = kind === 'icon' ? 'Icon' : 'Logo';
	return crud({
		value: `timeline${label}`,
		name: `Timeline ${label}`,
		group: 'CRM',
		description: `${label}s for application log messages in the timeline`,
		prefix: `crm.timeline.${kind}`,
		noun: `timeline ${kind}`,
		key: [code],
		create: [code, { ...binaryProperty('read'), description: `The input binary field holding the ${kind} image (PNG)` }],
		unwrap: kind,
		// 50 per page with start (crm-timeline-icon-list.md, crm-timeline-logo-list.md)
		paging: { mode: 'start', itemsPath: plural },
		verbs: ['create', 'get', 'getMany', 'delete'],
		every: { since: 2 },
		override: {
			// an image upload is one large request: keep it out of batch
			create: { batchable: false, prepare: inlineFiles([{ from: 'binaryPropertyName', to: 'fileContent' }]) },
			delete: { output: changedCode('deleted') },
		},
	});
};

export const timelineIcon = asset('icon', 'icons');
export const timelineLogo = asset('logo', 'logos');

export const timelineFieldInfo: ResourceSpec = {
	value: 'timelineFieldInfo',
	name: 'Timeline Field Info',
	group: 'CRM',
	description: 'The fields of timeline bindings and comments',
	operations: [
		fieldsOp('crm.timeline.bindings.fields', 'timeline binding', { value: 'getBindingFields', name: 'Get Binding Fields', since: 2 }),
		fieldsOp('crm.timeline.comment.fields', 'timeline comment', { value: 'getCommentFields', name: 'Get Comment Fields', since: 2 }),
	],
};

export const timelineAssetResources: ResourceSpec[] = [timelineIcon, timelineLogo, timelineFieldInfo];
