import type { IDataObject } from 'n8n-workflow';

import type { ParamSpec } from '../../types';
import { crud } from '../crud';
import { bool, date, json, list, num, str } from '../shared';
import { listOf } from './output';

const postId = num('POST_ID', 'Post ID', { required: true, default: 0 });
const dest = list('DEST', 'Recipients', {
	placeholder: 'e.g. UA, U1, SG3, DR2',
	description: 'Comma-separated: UA (all employees), U<user ID>, SG<group ID>, DR<department ID>',
});
const postFields: ParamSpec[] = [
	str('POST_TITLE', 'Title'),
	dest,
	bool('IMPORTANT', 'Important', 'Whether to mark the post as important', { yn: true }),
	date('IMPORTANT_DATE_END', 'Important Until'),
	num('USER_ID', 'Author User ID', { description: 'Post on behalf of this user (administrators only)' }),
	json('FILES', 'Files (JSON)', { shape: 'array', description: 'Files as [["name.txt", "<base64>"], ...]' }),
];
const postOf = (flag: string) => (result: unknown, request: IDataObject | unknown[]) => ({ id: (request as IDataObject).POST_ID as number, [flag]: result !== false });

export const feedPost = crud({
	value: 'feedPost',
	name: 'Feed Post',
	group: 'Feed',
	description: 'Posts in the activity stream (News Feed)',
	prefix: 'log.blogpost',
	noun: 'feed post',
	key: [postId],
	create: [str('POST_MESSAGE', 'Message', { required: true })],
	fields: postFields,
	updateFirst: [str('POST_MESSAGE', 'Message')],
	override: {
		create: {
			optional: [...postFields, str('TAGS', 'Tags', { description: 'Comma-separated tags' }), bool('PARSE_PREVIEW', 'Link Preview', 'Whether to add a preview of the first link in the message', { yn: true })],
		},
		getMany: {
			method: 'log.blogpost.get',
			optional: [date('LOG_DATE_FROM', 'Published After'), date('LOG_DATE_TO', 'Published Before'), list('LOG_RIGHTS', 'Visible To', { description: 'Comma-separated recipient codes, e.g. UA, U1, SG3' })],
			optionalName: 'options',
			paging: { mode: 'start' },
		},
		update: { description: 'Change a feed post; send Message or Title (with only a new Message the old title is dropped)', output: postOf('updated') },
		delete: { output: postOf('deleted') },
	},
	more: [
		{
			value: 'share',
			name: 'Share',
			action: 'Add recipients to a feed post',
			method: 'log.blogpost.share',
			kind: 'action',
			params: [postId, { ...dest, required: true }],
			optional: [num('USER_ID', 'As User ID', { description: 'Share on behalf of this user (administrators only)' })],
			output: postOf('shared'),
		},
		{
			value: 'getImportantReaders',
			name: 'Get Important Readers',
			action: 'Get who read an important post',
			description: 'Get the IDs of users who read an important post (up to 500)',
			method: 'log.blogpost.getusers.important',
			kind: 'get',
			params: [postId],
			output: listOf('userId'),
		},
	],
});
