/**
 * Runs the Bitrix24 node through n8n's own execution machinery (n8n-core's ExecuteContext and
 * n8n-workflow's Workflow): real parameter resolution and defaults, real continueOnFail and
 * pairedItem, the credentials' own `authenticate`, and n8n's OAuth2 signing, refresh and persistence.
 * Only the credential store is in memory.
 */
import { mkdtempSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';

process.env.N8N_USER_FOLDER ??= mkdtempSync(join(tmpdir(), 'b24-n8n-'));
process.env.N8N_LOG_LEVEL ??= 'silent';

import { ExecuteContext, LoadOptionsContext } from 'n8n-core';
import type {
	ICredentialDataDecryptedObject,
	ICredentialsExpressionResolveValues,
	ICredentialType,
	IExecuteData,
	IHttpRequestOptions,
	INode,
	INodeCredentialsDetails,
	INodeExecutionData,
	INodeParameters,
	INodeType,
	INodeTypes,
	IRunExecutionData,
	IWorkflowExecuteAdditionalData,
	WorkflowExecuteMode,
} from 'n8n-workflow';
import { createRunExecutionData, ICredentialsHelper, Workflow } from 'n8n-workflow';

import { Bitrix24ApiKeyApi } from '../../credentials/Bitrix24ApiKeyApi.credentials';
import { Bitrix24OAuth2Api } from '../../credentials/Bitrix24OAuth2Api.credentials';
import { Bitrix24WebhookApi } from '../../credentials/Bitrix24WebhookApi.credentials';
import { Bitrix24 } from '../../nodes/Bitrix24/Bitrix24.node';

export const credentialTypes: Record<string, ICredentialType> = {
	bitrix24WebhookApi: new Bitrix24WebhookApi(),
	bitrix24OAuth2Api: new Bitrix24OAuth2Api(),
	bitrix24ApiKeyApi: new Bitrix24ApiKeyApi(),
};

const AUTH_BY_TYPE: Record<string, string> = {
	bitrix24WebhookApi: 'webhook',
	bitrix24OAuth2Api: 'oAuth2',
	bitrix24ApiKeyApi: 'apiKey',
};

/** Defaults n8n fills in for the generic OAuth2 credential our type extends. */
const OAUTH2_BASE: ICredentialDataDecryptedObject = { grantType: 'authorizationCode', authentication: 'body', scope: '' };

function withDefaults(type: string, data: ICredentialDataDecryptedObject): ICredentialDataDecryptedObject {
	const defaults: ICredentialDataDecryptedObject = type === 'bitrix24OAuth2Api' ? { ...OAUTH2_BASE } : {};
	for (const property of credentialTypes[type].properties) {
		if (typeof property.default === 'string' && property.default.startsWith('=')) continue;
		defaults[property.name] = property.default as ICredentialDataDecryptedObject[string];
	}
	return { ...defaults, ...data };
}

/** The credential store: what n8n's database would hold, including refreshed OAuth2 tokens. */
export class MemoryCredentials extends ICredentialsHelper {
	readonly store = new Map<string, { type: string; data: ICredentialDataDecryptedObject }>();

	readonly tokenUpdates: ICredentialDataDecryptedObject[] = [];

	set(id: string, type: string, data: ICredentialDataDecryptedObject) {
		this.store.set(id, { type, data: withDefaults(type, data) });
	}

	getParentTypes(name: string): string[] {
		return (credentialTypes[name] as ICredentialType & { extends?: string[] })?.extends ?? [];
	}

	async authenticate(
		credentials: ICredentialDataDecryptedObject,
		typeName: string,
		requestOptions: IHttpRequestOptions,
	): Promise<IHttpRequestOptions> {
		const authenticate = credentialTypes[typeName]?.authenticate;
		if (typeof authenticate === 'function') return await authenticate(credentials, requestOptions);
		return requestOptions;
	}

	async preAuthentication() {
		return undefined;
	}

	async getCredentials(): Promise<never> {
		throw new Error('not used by the node');
	}

	async getDecrypted(
		_additionalData: IWorkflowExecuteAdditionalData,
		nodeCredentials: INodeCredentialsDetails,
		type: string,
		_mode?: WorkflowExecuteMode,
		_executeData?: IExecuteData,
		_raw?: boolean,
		_expressionResolveValues?: ICredentialsExpressionResolveValues,
	): Promise<ICredentialDataDecryptedObject> {
		const entry = this.store.get(nodeCredentials.id ?? '');
		if (!entry || entry.type !== type) throw new Error(`No credential ${nodeCredentials.id} of type ${type}`);
		return JSON.parse(JSON.stringify(entry.data)) as ICredentialDataDecryptedObject;
	}

	async updateCredentials(nodeCredentials: INodeCredentialsDetails, type: string, data: ICredentialDataDecryptedObject) {
		this.store.set(nodeCredentials.id ?? '', { type, data });
	}

	async updateCredentialsOauthTokenData(nodeCredentials: INodeCredentialsDetails, type: string, data: ICredentialDataDecryptedObject) {
		const entry = this.store.get(nodeCredentials.id ?? '')!;
		entry.data = { ...entry.data, oauthTokenData: data.oauthTokenData };
		this.tokenUpdates.push(JSON.parse(JSON.stringify(data.oauthTokenData)) as ICredentialDataDecryptedObject);
		void type;
	}

	getCredentialsProperties(type: string) {
		return credentialTypes[type].properties;
	}
}

const versioned = new Bitrix24();
/** The node as n8n loads a saved node of that version (the newest when none is given). */
export const nodeVersion = (version?: number): INodeType => versioned.getNodeType(version);

export const nodeTypes: INodeTypes = {
	getByName: () => versioned,
	getByNameAndVersion: (_type: string, version?: number) => nodeVersion(version),
	getKnownTypes: () => ({}),
} as unknown as INodeTypes;

function additionalDataFor(credentials: MemoryCredentials, currentNodeParameters?: INodeParameters, executionId = 'test-execution'): IWorkflowExecuteAdditionalData {
	return {
		credentialsHelper: credentials,
		executionId,
		restApiUrl: 'http://127.0.0.1/rest',
		instanceBaseUrl: 'http://127.0.0.1/',
		webhookBaseUrl: 'http://127.0.0.1/webhook',
		webhookWaitingBaseUrl: 'http://127.0.0.1/webhook-waiting',
		webhookTestBaseUrl: 'http://127.0.0.1/webhook-test',
		formWaitingBaseUrl: 'http://127.0.0.1/form-waiting',
		variables: {},
		currentNodeParameters,
		userId: 'user',
	} as unknown as IWorkflowExecuteAdditionalData;
}

function nodeFor(credentialType: string, credentialId: string, parameters: INodeParameters, typeVersion = versioned.description.defaultVersion!): INode {
	return {
		id: 'b24',
		name: 'Bitrix24',
		type: 'n8n-nodes-b24.bitrix24',
		typeVersion,
		position: [0, 0],
		parameters: { authentication: AUTH_BY_TYPE[credentialType], ...parameters },
		credentials: { [credentialType]: { id: credentialId, name: 'test' } },
	};
}

export type EditorMethodKind = 'loadOptions' | 'listSearch' | 'resourceMapping';

/**
 * Calls one of the node's editor methods (loadOptions, listSearch, resourceMapping) the way the editor
 * does: through n8n-core's LoadOptionsContext, with the node's current parameters; `args` are what the
 * editor passes (a listSearch gets the filter text and the pagination token).
 */
export async function editorMethod(
	credentials: MemoryCredentials,
	credentialType: string,
	credentialId: string,
	kind: EditorMethodKind,
	method: string,
	parameters: INodeParameters = {},
	args: unknown[] = [],
	typeVersion?: number,
) {
	const node = nodeFor(credentialType, credentialId, parameters, typeVersion);
	const workflow = new Workflow({ id: 'wf1', name: 'test', nodes: [node], connections: {}, active: false, nodeTypes });
	const context = new LoadOptionsContext(workflow, workflow.getNode(node.name)!, additionalDataFor(credentials, node.parameters), 'parameters.x');
	const methods = ((nodeVersion(typeVersion).methods as Record<string, unknown> | undefined)?.[kind] ?? {}) as Record<
		string,
		(this: LoadOptionsContext, ...rest: unknown[]) => Promise<unknown>
	>;
	if (!methods[method]) throw new Error(`The node has no ${kind} method "${method}"`);
	return await methods[method].call(context, ...args);
}

/** Calls one of the node's loadOptions methods the way the editor does. */
export async function loadOptions(
	credentials: MemoryCredentials,
	credentialType: string,
	credentialId: string,
	method: string,
	parameters: INodeParameters = {},
) {
	return await editorMethod(credentials, credentialType, credentialId, 'loadOptions', method, parameters);
}

export interface RunOptions {
	credentials: MemoryCredentials;
	credentialId: string;
	credentialType: string;
	parameters: INodeParameters;
	items?: INodeExecutionData[];
	continueOnFail?: boolean;
	/** The saved node's version (default: the newest). */
	typeVersion?: number;
	/** n8n's execution ID (default: 'test-execution'; the same ID is a retry inside one execution). */
	executionId?: string;
}

/** Executes the node once over `items` and returns its first output. Throws what the node throws. */
export async function runNode(options: RunOptions): Promise<INodeExecutionData[]> {
	const node: INode = {
		...nodeFor(options.credentialType, options.credentialId, options.parameters, options.typeVersion),
		...(options.continueOnFail ? { onError: 'continueRegularOutput' as const } : {}),
	};
	const workflow = new Workflow({ id: 'wf1', name: 'test', nodes: [node], connections: {}, active: false, nodeTypes });
	const workflowNode = workflow.getNode(node.name)!;
	const items = options.items ?? [{ json: {} }];
	const additionalData = additionalDataFor(options.credentials, undefined, options.executionId);
	const runExecutionData: IRunExecutionData = createRunExecutionData();
	const executeData: IExecuteData = { node: workflowNode, data: { main: [items] }, source: { main: [{ previousNode: 'Start' }] } };
	const context = new ExecuteContext(
		workflow,
		workflowNode,
		additionalData,
		'manual',
		runExecutionData,
		0,
		items,
		{ main: [items] },
		executeData,
		[],
	);
	const output = await nodeVersion(node.typeVersion).execute!.call(context);
	return (output as INodeExecutionData[][])[0];
}
