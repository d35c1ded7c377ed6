import type { ResourceSpec } from '../../types';
import { date, list, num, str } from '../shared';
import { fieldOps, intId, restV3 } from '../v3common';

const select = list('select', 'Select Fields', {
	placeholder: 'e.g. callId, startDate, overview.topic',
	description: 'Comma-separated fields and nested paths; empty: the basic call data only. Transcription, overview and insights are heavy: pages shrink to 20.',
});
const mentionFormat = {
	...str('mentionFormat', 'Mention Format', { description: 'How user mentions appear in the AI texts' }),
	type: 'options' as const,
	default: 'bb',
	options: [
		{ name: 'BBCode', value: 'bb' },
		{ name: 'HTML', value: 'html' },
		{ name: 'Plain Text', value: 'none' },
	],
};

/** What the AI assistant writes after a video call, REST 3.0 only (api-reference/telephony/follow-up). */
export const callFollowUp: ResourceSpec = {
	value: 'callFollowUp',
	name: 'Call Follow-Up',
	group: 'Telephony',
	description: 'Transcripts, overviews and action items the AI assistant generates after video calls (REST 3.0)',
	defaultOperation: 'get',
	operations: restV3([
		{ value: 'get', name: 'Get', action: 'Get the follow-up of a call', method: 'call.followup.get', kind: 'get', params: [intId('callId', 'Call ID')], optional: [select, mentionFormat], optionalName: 'options', unwrap: 'item' },
		{
			value: 'getMany',
			name: 'Get Many',
			action: 'Get the follow-ups of calls in a period',
			method: 'call.followup.list',
			kind: 'getMany',
			params: [
				date('startDateFrom', 'From', { required: true, to: 'filter.startDate.from', description: 'Start of the period the calls began in' }),
				date('startDateTo', 'To', { required: true, to: 'filter.startDate.to', description: 'End of the period; not before From' }),
			],
			optional: [num('participantId', 'Participant ID', { to: 'filter.participantId', description: 'Only calls this user took part in (administrators only; others always see their own)' }), mentionFormat],
			optionalName: 'options',
			// cursor pages of up to 200 (20 with heavy fields) while hasMore (call-followup-list.md)
			paging: { mode: 'pagination', pageSize: 200, cursorKey: 'afterCursor', itemsPath: 'items', orderKey: 'order', selectKey: 'select' },
		},
		...fieldOps('call.followup', 'a call follow-up'),
	]),
};

export const followUpResources: ResourceSpec[] = [callFollowUp];
