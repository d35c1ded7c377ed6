import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import type { OperationSpec, ParamSpec, ResourceSpec } from '../../types';
import { binaryProperty } from '../drive/binary';
import { act, json, num, str, V2 } from '../shared';

/**
 * Application automation rules (bizproc.robot.*) and workflow activities (bizproc.activity.*) whose
 * handler is a URL, e.g. an n8n webhook: Bitrix24 posts the step to it and, with "Wait for Answer",
 * waits until the node sends the result back with the step's event token (bizproc.event.send).
 */

const code = str('CODE', 'Code', { required: true, description: 'Unique within the application: a-z, A-Z, 0-9, dot, hyphen, underscore' });
const eventToken = str('EVENT_TOKEN', 'Event Token', {
	required: true,
	description: 'The event_token Bitrix24 posted to the handler URL for this step',
	placeholder: 'e.g. {{ $json.body.event_token }}',
	// it authorizes the step's answer: masked like a password
	password: true,
});

/** The optional settings of add, and of update inside FIELDS (`prefix`). */
function stepFields(noun: string, prefix = ''): ParamSpec[] {
	const to = (name: string) => (prefix ? `${prefix}.${name}` : name);
	return [
		...(prefix ? [str('NAME', 'Name', { to: to('NAME') }), str('HANDLER', 'Handler URL', { to: to('HANDLER') })] : []),
		str('DESCRIPTION', 'Description', { to: to('DESCRIPTION') }),
		num('AUTH_USER_ID', 'Auth User ID', { to: to('AUTH_USER_ID'), description: 'The user whose token Bitrix24 passes to the handler' }),
		{
			name: 'USE_SUBSCRIPTION',
			label: 'Wait for Answer',
			type: 'options',
			to: to('USE_SUBSCRIPTION'),
			default: 'Y',
			description: `Whether the ${noun} waits until the result is sent back with its event token`,
			options: [
				{ name: 'Yes', value: 'Y' },
				{ name: 'No', value: 'N' },
			],
		},
		json('PROPERTIES', 'Input Parameters (JSON)', { to: to('PROPERTIES'), description: 'e.g. {"comment": {"Name": "Comment", "Type": "text", "Required": "Y"}}' }),
		json('RETURN_PROPERTIES', 'Return Values (JSON)', { to: to('RETURN_PROPERTIES'), description: 'What the answer returns, e.g. {"status": {"Name": "Status", "Type": "string"}}' }),
		json('DOCUMENT_TYPE', 'Document Type (JSON)', { to: to('DOCUMENT_TYPE'), shape: 'array', description: 'Types the parameters follow, e.g. ["crm", "CCrmDocumentDeal", "DEAL"]' }),
		json('FILTER', 'Where Shown (JSON)', { to: to('FILTER'), description: 'e.g. {"INCLUDE": [["crm", "CCrmDocumentDeal"]]}' }),
	];
}

/** bizproc.event.send, for a waiting automation rule or activity (`noun`). */
const sendResult = (noun: string): OperationSpec => act('sendResult', 'Send Result', `Send the result of a waiting ${noun} back to Bitrix24`, 'bizproc.event.send', [eventToken], {
	...V2,
	optional: [
		json('RETURN_VALUES', 'Return Values (JSON)', { description: 'Values of the registered return properties, e.g. {"status": "done"}' }),
		str('LOG_MESSAGE', 'Log Message', { description: "Text for the workflow's log" }),
	],
	optionalName: 'options',
	// the token is a credential for this step: never echo it
	output: (result) => ({ sent: result !== false }),
});

/** Register, list, update and delete an application's robot or activity (same parameters, `prefix`.*). */
function stepResource(value: string, name: string, prefix: string, noun: string, plural: string, description: string, more: OperationSpec[]): ResourceSpec {
	const codeOf = (_result: unknown, request: IDataObject | unknown[]) => (request as IDataObject).CODE as string;
	return {
		value,
		name,
		group: 'Workflows',
		description,
		operations: [
			{
				value: 'register',
				name: 'Register',
				action: `Register ${noun}`,
				method: `${prefix}.add`,
				kind: 'create',
				appOnly: true,
				...V2,
				params: [code, str('NAME', 'Name', { required: true }), str('HANDLER', 'Handler URL', { required: true, description: 'Where Bitrix24 posts each run, e.g. an n8n webhook URL on the application\'s domain' })],
				optional: stepFields(noun),
				output: (result, request) => ({ code: codeOf(result, request), registered: result !== false }),
			},
			{
				value: 'getMany',
				name: 'Get Many',
				action: `Get the application's ${plural}`,
				method: `${prefix}.list`,
				kind: 'get',
				appOnly: true,
				...V2,
				// the result is the list of codes
				output: (result) => ((result ?? []) as string[]).map((entry) => ({ code: entry })),
			},
			{
				value: 'update',
				name: 'Update',
				action: `Update ${noun}`,
				method: `${prefix}.update`,
				kind: 'update',
				appOnly: true,
				...V2,
				params: [code],
				optional: stepFields(noun, 'FIELDS'),
				optionalName: 'updateFields',
				fixed: { FIELDS: {} },
				output: (result, request) => ({ code: codeOf(result, request), updated: result !== false }),
			},
			{
				value: 'delete',
				name: 'Delete',
				action: `Delete ${noun}`,
				method: `${prefix}.delete`,
				kind: 'delete',
				appOnly: true,
				...V2,
				params: [code],
				output: (result, request) => ({ code: codeOf(result, request), deleted: result !== false }),
			},
			...more,
		],
	};
}

export const automationRule = stepResource(
	'automationRule',
	'Automation Rule',
	'bizproc.robot',
	'an automation rule',
	'automation rules',
	"The application's automation rules for CRM stages, run by a handler URL (OAuth2 only)",
	[sendResult('automation rule')],
);

export const workflowActivity = stepResource(
	'workflowActivity',
	'Activity',
	'bizproc.activity',
	'a workflow activity',
	'workflow activities',
	"The application's workflow designer actions, run by a handler URL (OAuth2 only)",
	[
		sendResult('workflow activity'),
		act('log', 'Write Log', "Write to the workflow's log from a running activity", 'bizproc.activity.log', [eventToken, str('LOG_MESSAGE', 'Log Message', { required: true })], {
			...V2,
			output: (result) => ({ logged: result !== false }),
		}),
	],
);

/** The document types a template attaches to, as bizproc-workflow-template-add.md lists them. */
const templateDocumentType = json('DOCUMENT_TYPE', 'Document Type (JSON)', {
	required: true,
	shape: 'array',
	default: '["crm", "CCrmDocumentDeal", "DEAL"]',
	description: 'Module, document class and type, e.g. ["lists", "BizprocDocument", "iblock_22"]',
});
const autoExecute: ParamSpec = {
	name: 'AUTO_EXECUTE',
	label: 'Run Automatically',
	type: 'options',
	default: 0,
	options: [
		{ name: 'No', value: 0 },
		{ name: 'On Create', value: 1 },
		{ name: 'On Change', value: 2 },
		{ name: 'On Create and Change', value: 3 },
	],
};

/** TEMPLATE_DATA is the .bpt file from the input binary field, sent inline as [name, base64] (`to`: where it goes). */
function withTemplateFile(to?: string) {
	return async function (this: IExecuteFunctions, params: IDataObject, itemIndex: number): Promise<IDataObject> {
		const { binaryPropertyName, ...request } = params;
		if (binaryPropertyName === undefined || binaryPropertyName === '') return request;
		const property = String(binaryPropertyName);
		const binary = this.helpers.assertBinaryData(itemIndex, property);
		const buffer = await this.helpers.getBinaryDataBuffer(itemIndex, property);
		const file = [binary.fileName || 'template.bpt', buffer.toString('base64')];
		if (to) request[to] = { ...((request[to] as IDataObject) ?? {}), TEMPLATE_DATA: file };
		else request.TEMPLATE_DATA = file;
		return request;
	};
}

/** Template import and replacement from an exported .bpt file (added to the Workflow Template resource). */
export const templateWrites: OperationSpec[] = [
	{
		value: 'create',
		name: 'Create',
		action: 'Create a workflow template from a .bpt file',
		method: 'bizproc.workflow.template.add',
		kind: 'create',
		appOnly: true,
		batchable: false,
		...V2,
		params: [templateDocumentType, str('NAME', 'Name', { required: true }), binaryProperty('read')],
		optional: [str('DESCRIPTION', 'Description'), autoExecute],
		prepare: withTemplateFile(),
	},
	{
		value: 'update',
		name: 'Update',
		action: 'Update a workflow template',
		method: 'bizproc.workflow.template.update',
		kind: 'update',
		appOnly: true,
		batchable: false,
		...V2,
		params: [str('ID', 'Template ID', { required: true, integer: true })],
		optional: [
			str('NAME', 'Name', { to: 'FIELDS.NAME' }),
			str('DESCRIPTION', 'Description', { to: 'FIELDS.DESCRIPTION' }),
			{ ...autoExecute, to: 'FIELDS.AUTO_EXECUTE' },
			str('binaryPropertyName', 'Input Binary Field', { description: 'The input binary field holding a new .bpt file; empty keeps the template' }),
		],
		optionalName: 'updateFields',
		fixed: { FIELDS: {} },
		prepare: withTemplateFile('FIELDS'),
		output: (result, request) => ({ id: (request as IDataObject).ID as string, updated: result !== false }),
	},
];

export const automationResources: ResourceSpec[] = [automationRule, workflowActivity];
