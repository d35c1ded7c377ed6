import type { IDataObject } from 'n8n-workflow';

import type { ResourceSpec } from '../../types';
import { bool, json, list, str } from '../shared';
import { listOf } from './output';


/** Facts about the portal, the credential's user and the application: server.time, profile, scope, app.*. */
export const portal: ResourceSpec = {
	value: 'portal',
	name: 'Portal',
	group: 'System',
	description: 'Server time, the current profile, permissions, methods and application settings',
	operations: [
		{ value: 'getServerTime', name: 'Get Server Time', action: 'Get the server time', method: 'server.time', kind: 'get', output: (result) => ({ time: result as string }) },
		{ value: 'getProfile', name: 'Get Profile', action: 'Get the current user profile', method: 'profile', kind: 'get' },
		{
			value: 'getScopes',
			name: 'Get Scopes',
			action: 'Get the permissions of the credential',
			method: 'scope',
			kind: 'get',
			optional: [bool('full', 'All Portal Scopes', 'Whether to list every permission the portal knows instead of those the credential has')],
			optionalName: 'options',
			output: listOf('scope'),
		},
		{
			value: 'getMethods',
			name: 'Get Methods',
			action: 'Get the available methods',
			description: 'List the REST methods the credential can call (Bitrix24 marks this method deprecated; Get Method Info checks one method)',
			method: 'methods',
			kind: 'get',
			optional: [
				bool('full', 'All Methods', 'Whether to list every method of the portal instead of those available to the credential'),
				str('scope', 'Scope', { description: 'Only the methods of this permission, e.g. crm' }),
			],
			optionalName: 'options',
			output: listOf('method'),
		},
		{
			value: 'getMethodInfo',
			name: 'Get Method Info',
			action: 'Check whether a method exists and is available',
			method: 'method.get',
			kind: 'get',
			params: [str('name', 'Method', { required: true, placeholder: 'e.g. crm.deal.list', description: 'The method name in lowercase' })],
			output: (result, request) => ({ method: (request as IDataObject).name as string, ...(result as IDataObject) }),
		},
		{
			value: 'getFeature',
			name: 'Get Feature',
			action: 'Check whether a feature is available',
			method: 'feature.get',
			kind: 'get',
			params: [
				{
					name: 'FEATURE_CODE',
					label: 'Feature',
					to: 'CODE',
					type: 'options',
					required: true,
					options: [
						{ name: 'Offline Events', value: 'rest_offline_extended' },
						{ name: 'Auth Connector Key in Events', value: 'rest_auth_connector' },
					],
				},
			],
			output: (result, request) => ({ code: (request as IDataObject).CODE as string, ...(result as IDataObject) }),
		},
		{
			value: 'checkUserAccess',
			name: 'Check User Access',
			action: 'Check the current user against access codes',
			method: 'user.access',
			kind: 'action',
			params: [list('ACCESS_CODES', 'Access Codes', { required: true, to: 'ACCESS', placeholder: 'e.g. G1, U1, AU', description: 'Comma-separated access codes; true when the current user matches any of them' })],
			output: (result, request) => ({ access: (request as IDataObject).ACCESS as string[], allowed: result === true }),
		},
		{ value: 'isUserAdmin', name: 'Is User Admin', action: 'Check whether the current user is an administrator', method: 'user.admin', kind: 'get', output: (result) => ({ admin: result === true }) },
		{ value: 'getAppInfo', name: 'Get App Info', action: 'Get information about the application', method: 'app.info', kind: 'get', appOnly: true },
		{
			value: 'getAppOption',
			name: 'Get App Option',
			action: 'Get application settings',
			method: 'app.option.get',
			kind: 'get',
			appOnly: true,
			optional: [str('option', 'Option', { description: 'One key to read; all settings when empty' })],
			optionalName: 'options',
			output: (result, request) => {
				const option = (request as IDataObject).option as string | undefined;
				return option ? { option, value: result as string } : ((result ?? {}) as IDataObject);
			},
		},
		{
			value: 'setAppOption',
			name: 'Set App Option',
			action: 'Save application settings',
			method: 'app.option.set',
			kind: 'action',
			appOnly: true,
			params: [json('appOptions', 'Settings (JSON)', { to: 'options', required: true, default: '{\n  "key": "value"\n}', description: 'Keys and values to save with the application, e.g. {"lastSync": "2024-01-01"}' })],
			output: (result, request) => ({ ...((request as IDataObject).options as IDataObject), saved: result === true }),
		},
	],
};
