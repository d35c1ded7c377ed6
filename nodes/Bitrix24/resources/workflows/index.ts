import type { IDataObject } from 'n8n-workflow';

import type { PagingSpec, ResourceSpec } from '../../types';
import { id, json, list, num, str } from '../shared';
import { automationResources, templateWrites } from './automation';

/** Document kinds a workflow runs on: [module, document class, ID prefix] as the DOCUMENT_ID array wants them. */
const DOCUMENTS: Record<string, [string, string, string]> = {
	lead: ['crm', 'CCrmDocumentLead', 'LEAD_'],
	deal: ['crm', 'CCrmDocumentDeal', 'DEAL_'],
	contact: ['crm', 'CCrmDocumentContact', 'CONTACT_'],
	company: ['crm', 'CCrmDocumentCompany', 'COMPANY_'],
	quote: ['crm', 'Bitrix\\Crm\\Integration\\BizProc\\Document\\Quote', 'QUOTE_'],
	invoice: ['crm', 'Bitrix\\Crm\\Integration\\BizProc\\Document\\SmartInvoice', 'SMART_INVOICE_'],
	dynamic: ['crm', 'Bitrix\\Crm\\Integration\\BizProc\\Document\\Dynamic', 'DYNAMIC_'],
	listElement: ['lists', 'Bitrix\\Lists\\BizprocDocumentLists', ''],
	feedList: ['lists', 'BizprocDocument', ''],
	file: ['disk', 'Bitrix\\Disk\\BizProcDocument', ''],
};

/** bizproc lists page with `start`, and take SELECT/FILTER/ORDER in upper case. */
const bizprocPaging: PagingSpec = { mode: 'start', filterKey: 'FILTER', orderKey: 'ORDER', selectKey: 'SELECT' };
// bizproc.task.list documents its offset in upper case, unlike bizproc.workflow.instances
const bizprocTaskPaging: PagingSpec = { ...bizprocPaging, startKey: 'START' };
const workflowId = str('ID', 'Workflow ID', { required: true, placeholder: 'e.g. 66e81a641752f8.56521481' });

export const workflow: ResourceSpec = {
	value: 'workflow',
	name: 'Workflow',
	group: 'Workflows',
	description: 'Business process instances',
	operations: [
		{
			value: 'start',
			name: 'Start',
			action: 'Start a workflow on a document',
			method: 'bizproc.workflow.start',
			kind: 'action',
			params: [
				num('TEMPLATE_ID', 'Template ID', { required: true, description: 'ID of the workflow template' }),
				{
					name: 'documentType',
					label: 'Document Type',
					type: 'options',
					required: true,
					options: [
						{ name: 'Company', value: 'company' },
						{ name: 'Contact', value: 'contact' },
						{ name: 'Deal', value: 'deal' },
						{ name: 'Drive File', value: 'file' },
						{ name: 'Estimate', value: 'quote' },
						{ name: 'Feed List Document', value: 'feedList' },
						{ name: 'Invoice', value: 'invoice' },
						{ name: 'Lead', value: 'lead' },
						{ name: 'List Element', value: 'listElement' },
						{ name: 'Smart Process Item', value: 'dynamic' },
					],
					default: 'deal',
				},
				str('documentId', 'Document ID', { required: true, description: 'ID of the record; for smart process items use <type ID>_<item ID>, e.g. 147_1' }),
			],
			optional: [json('PARAMETERS', 'Template Parameters (JSON)', { description: 'Values of the template parameters, e.g. {"resp_employee": "user_14"}' })],
			optionalName: 'options',
			prepare: ({ documentType, documentId, ...params }) => {
				const [module, entity, prefix] = DOCUMENTS[documentType as string];
				// accept both 5 and DEAL_5
				return { ...params, DOCUMENT_ID: [module, entity, `${prefix}${String(documentId).replace(prefix, '')}`] };
			},
			// the result is the new workflow's ID
			output: (result, request) => ({ id: result as string, templateId: (request as IDataObject).TEMPLATE_ID, documentId: (request as IDataObject).DOCUMENT_ID }),
		},
		{
			value: 'getMany',
			name: 'Get Many',
			action: 'Get running workflows',
			method: 'bizproc.workflow.instances',
			kind: 'getMany',
			paging: bizprocPaging,
		},
		{
			value: 'terminate',
			name: 'Terminate',
			action: 'Stop a running workflow',
			method: 'bizproc.workflow.terminate',
			kind: 'action',
			params: [workflowId],
			optional: [str('STATUS', 'Status Text', { description: 'Text shown as the reason the workflow stopped' })],
			optionalName: 'options',
			output: (result, request) => ({ id: (request as IDataObject).ID, terminated: result !== false }),
		},
		{
			value: 'kill',
			name: 'Kill',
			action: 'Stop a workflow and delete its data',
			method: 'bizproc.workflow.kill',
			kind: 'action',
			params: [workflowId],
			output: (result, request) => ({ id: (request as IDataObject).ID, deleted: result !== false }),
		},
	],
};

export const workflowTemplate: ResourceSpec = {
	value: 'workflowTemplate',
	name: 'Workflow Template',
	group: 'Workflows',
	operations: [
		{ value: 'getMany', name: 'Get Many', action: 'Get workflow templates', method: 'bizproc.workflow.template.list', kind: 'getMany', paging: bizprocPaging },
		{
			value: 'delete',
			name: 'Delete',
			action: 'Delete a workflow template',
			description: 'Delete a template the application created (bizproc.workflow.template.delete)',
			method: 'bizproc.workflow.template.delete',
			kind: 'delete',
			params: [id('ID', 'Template ID')],
			appOnly: true,
		},
		...templateWrites,
	],
	// Saved workflows omit the default: it stays the one the template resource had before Create/Update came.
	defaultOperation: 'delete',
};

const taskId = num('TASK_ID', 'Workflow Task ID', { required: true, description: 'ID of the task, from Workflow Task → Get Many' });

export const workflowTask: ResourceSpec = {
	value: 'workflowTask',
	name: 'Workflow Task',
	group: 'Workflows',
	description: 'Approvals and other tasks workflows assign to users',
	operations: [
		{ value: 'getMany', name: 'Get Many', action: 'Get workflow tasks', method: 'bizproc.task.list', kind: 'getMany', paging: bizprocTaskPaging },
		{
			value: 'complete',
			name: 'Complete',
			action: 'Complete a workflow task',
			method: 'bizproc.task.complete',
			kind: 'action',
			params: [
				taskId,
				{
					name: 'STATUS',
					label: 'Decision',
					type: 'options',
					required: true,
					options: [
						{ name: 'Approve (Yes)', value: 'yes' },
						{ name: 'Reject (No)', value: 'no' },
						{ name: 'Acknowledge (OK)', value: 'ok' },
						{ name: 'Cancel', value: 'cancel' },
					],
					default: 'yes',
					description: 'Approval tasks take Yes or No; acknowledgement and information requests take OK (or Cancel when rejection is allowed)',
				},
			],
			optional: [str('COMMENT', 'Comment'), json('FIELDS', 'Fields (JSON)', { description: 'Answers to an information request, e.g. {"contractor": "ACME"}' })],
			optionalName: 'options',
			output: (result, request) => ({ taskId: (request as IDataObject).TASK_ID, completed: result !== false }),
		},
		{
			value: 'delegate',
			name: 'Delegate',
			action: 'Delegate workflow tasks to another user',
			method: 'bizproc.task.delegate',
			kind: 'action',
			params: [
				list('TASK_IDS', 'Workflow Task IDs', { required: true, description: 'Comma-separated task IDs' }),
				num('FROM_USER_ID', 'From User ID', { required: true }),
				num('TO_USER_ID', 'To User ID', { required: true }),
			],
			output: (result, request) => ({ taskIds: (request as IDataObject).TASK_IDS, delegated: result !== false }),
		},
	],
};

export const workflowsResources: ResourceSpec[] = [workflow, workflowTemplate, workflowTask, ...automationResources];
