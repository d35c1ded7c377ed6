import type { IDataObject } from 'n8n-workflow';

import type { ParamSpec, ResourceSpec } from '../../types';
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

export const feedPost: ResourceSpec = {
	value: 'feedPost',
	name: 'Feed Post',
	group: 'Feed',
	description: 'Posts in the activity stream (News Feed)',
	operations: [
		{
			value: 'create',
			name: 'Create',
			action: 'Create a feed post',
			method: 'log.blogpost.add',
			kind: 'create',
			params: [str('POST_MESSAGE', 'Message', { required: true })],
			optional: [...postFields, str('TAGS', 'Tags', { description: 'Comma-separated tags' }), bool('PARSE_PREVIEW', 'Link Preview', 'Whether to add a preview of the first link in the message', { yn: true })],
		},
		{ value: 'get', name: 'Get', action: 'Get a feed post', method: 'log.blogpost.get', kind: 'get', params: [postId] },
		{
			value: 'getMany',
			name: 'Get Many',
			action: 'Get many feed posts',
			method: 'log.blogpost.get',
			kind: 'getMany',
			optional: [date('LOG_DATE_FROM', 'Published After'), date('LOG_DATE_TO', 'Published Before'), list('LOG_RIGHTS', 'Visible To', { description: 'Comma-separated recipient codes, e.g. UA, U1, SG3' })],
			optionalName: 'options',
			paging: { mode: 'start' },
		},
		{
			value: 'update',
			name: 'Update',
			action: 'Update a feed post',
			description: 'Change a feed post; send Message or Title (with only a new Message the old title is dropped)',
			method: 'log.blogpost.update',
			kind: 'update',
			params: [postId],
			optional: [str('POST_MESSAGE', 'Message'), ...postFields],
			optionalName: 'updateFields',
			output: postOf('updated'),
		},
		{ value: 'delete', name: 'Delete', action: 'Delete a feed post', method: 'log.blogpost.delete', kind: 'delete', params: [postId], output: postOf('deleted') },
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
};
