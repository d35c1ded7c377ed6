/**
 * Runs the trigger nodes through n8n-core's own contexts: HookContext for the webhook lifecycle
 * (checkExists / create / delete), WebhookContext for incoming events, PollContext for polling.
 * Each TriggerWorkflow is one n8n Workflow (own id, own static data), like an activated workflow.
 * A tiny HTTP receiver stands in for n8n's webhook server: the emulator delivers events to it and
 * it hands each request to the right workflow's webhook(), parsed the way n8n parses form bodies.
 */
import { mkdtempSync } from 'fs';
import * as http from 'http';
import type { AddressInfo } from 'net';
import { tmpdir } from 'os';
import { join } from 'path';
import { parse as parseQuery } from 'querystring';

process.env.N8N_USER_FOLDER ??= mkdtempSync(join(tmpdir(), 'b24-n8n-'));
process.env.N8N_LOG_LEVEL ??= 'silent';

import { HookContext, PollContext, WebhookContext } from 'n8n-core';
import type {
	IDataObject,
	INode,
	INodeExecutionData,
	INodeParameters,
	INodeType,
	INodeTypes,
	IWebhookData,
	IWebhookResponseData,
	IWorkflowExecuteAdditionalData,
	WorkflowExecuteMode,
} from 'n8n-workflow';
import { Workflow } from 'n8n-workflow';

import { Bitrix24PollingTrigger } from '../../nodes/Bitrix24PollingTrigger/Bitrix24PollingTrigger.node';
import { Bitrix24Trigger } from '../../nodes/Bitrix24Trigger/Bitrix24Trigger.node';
import type { MemoryCredentials } from '../helpers/harness';
import type { Auth } from '../helpers/portal';
import { CREDENTIAL_TYPE } from '../helpers/portal';

const NODE_TYPES: Record<string, INodeType> = {
	'n8n-nodes-b24.bitrix24Trigger': new Bitrix24Trigger(),
	'n8n-nodes-b24.bitrix24PollingTrigger': new Bitrix24PollingTrigger(),
};

export const nodeTypes: INodeTypes = {
	getByName: (name: string) => NODE_TYPES[name],
	getByNameAndVersion: (name: string) => NODE_TYPES[name],
	getKnownTypes: () => ({}),
} as unknown as INodeTypes;

/** What one request to a trigger's webhook produced. */
export interface WebhookOutcome {
	status: number;
	body: string;
	result: IWebhookResponseData;
	/** The items the workflow would start with (empty when nothing started). */
	items: IDataObject[];
}

/** Just enough of an HTTP response for webhook(): status, headers, body. */
export class FakeResponse {
	statusCode = 200;
	headers: Record<string, string> = {};
	body = '';
	finished = false;
	setHeader(name: string, value: string) {
		this.headers[name.toLowerCase()] = value;
		return this;
	}
	end(body?: string) {
		this.body = body ?? '';
		this.finished = true;
		return this;
	}
}

let counter = 0;

export interface TriggerOptions {
	credentials: MemoryCredentials;
	auth: Auth;
	type: 'bitrix24Trigger' | 'bitrix24PollingTrigger';
	parameters: INodeParameters;
	/** Base of n8n's production webhook URLs, e.g. the receiver's `http://127.0.0.1:PORT/webhook`. */
	webhookBaseUrl?: string;
}

export class TriggerWorkflow {
	readonly workflow: Workflow;
	readonly node: INode;
	readonly additionalData: IWorkflowExecuteAdditionalData;
	readonly webhookId: string;

	constructor(readonly options: TriggerOptions) {
		counter++;
		this.webhookId = `hook-${counter}-${Math.random().toString(36).slice(2, 8)}`;
		this.node = {
			id: `node-${counter}`,
			name: 'Bitrix24 Trigger',
			type: `n8n-nodes-b24.${options.type}`,
			typeVersion: 1,
			position: [0, 0],
			webhookId: this.webhookId,
			parameters: { authentication: options.auth, ...options.parameters },
			credentials: { [CREDENTIAL_TYPE[options.auth]]: { id: options.auth, name: 'test' } },
		};
		this.workflow = new Workflow({
			id: `wf${counter}`,
			name: `trigger test ${counter}`,
			nodes: [this.node],
			connections: {},
			active: true,
			nodeTypes,
			staticData: {},
		});
		const base = options.webhookBaseUrl ?? 'http://127.0.0.1:5678/webhook';
		this.additionalData = {
			credentialsHelper: options.credentials,
			executionId: 'test-execution',
			restApiUrl: 'http://127.0.0.1/rest',
			instanceBaseUrl: 'http://127.0.0.1/',
			webhookBaseUrl: base,
			webhookWaitingBaseUrl: 'http://127.0.0.1/webhook-waiting',
			webhookTestBaseUrl: base.replace(/\/webhook$/, '/webhook-test'),
			formWaitingBaseUrl: 'http://127.0.0.1/form-waiting',
			variables: {},
			currentNodeParameters: undefined,
			userId: 'user',
		} as unknown as IWorkflowExecuteAdditionalData;
	}

	private get workflowNode(): INode {
		return this.workflow.getNode(this.node.name)!;
	}

	private get nodeType(): INodeType {
		return NODE_TYPES[this.node.type];
	}

	setParameters(parameters: INodeParameters) {
		Object.assign(this.workflowNode.parameters, parameters);
	}

	staticData(): IDataObject {
		return this.workflow.getStaticData('node', this.workflowNode) as IDataObject;
	}

	hookContext(mode: WorkflowExecuteMode = 'trigger'): HookContext {
		return new HookContext(this.workflow, this.workflowNode, this.additionalData, mode, 'activate');
	}

	productionUrl(): string {
		return this.hookContext().getNodeWebhookUrl('default')!;
	}

	/** What n8n's activation does: checkExists, then create when it answers false. */
	async activate(): Promise<{ existed: boolean }> {
		const methods = this.nodeType.webhookMethods!.default!;
		const ctx = this.hookContext();
		const existed = await methods.checkExists.call(ctx);
		if (!existed) await methods.create.call(ctx);
		return { existed };
	}

	async checkExists(): Promise<boolean> {
		return await this.nodeType.webhookMethods!.default!.checkExists.call(this.hookContext());
	}

	async deactivate(): Promise<boolean> {
		return await this.nodeType.webhookMethods!.default!.delete.call(this.hookContext());
	}

	/** Runs webhook() on a request as n8n would hand it over (form body already parsed flat). */
	async receive(request: { body: unknown; query?: IDataObject; headers?: IDataObject }, response: FakeResponse | http.ServerResponse = new FakeResponse()): Promise<WebhookOutcome> {
		const req = {
			method: 'POST',
			body: request.body,
			query: request.query ?? {},
			headers: { 'content-type': 'application/x-www-form-urlencoded', ...(request.headers ?? {}) },
			params: {},
		};
		const additionalData = { ...this.additionalData, httpRequest: req, httpResponse: response } as unknown as IWorkflowExecuteAdditionalData;
		const webhookData = {
			httpMethod: 'POST',
			node: this.node.name,
			path: `${this.webhookId}/webhook`,
			webhookDescription: { name: 'default', httpMethod: 'POST', path: 'webhook', responseMode: 'onReceived' },
			workflowId: this.workflow.id,
			workflowExecuteAdditionalData: additionalData,
			webhookId: this.webhookId,
		} as unknown as IWebhookData;
		const ctx = new WebhookContext(this.workflow, this.workflowNode, additionalData, 'webhook', webhookData, [], null);
		const result = await this.nodeType.webhook!.call(ctx);
		const items = (result.workflowData?.[0] ?? []).map((item: INodeExecutionData) => item.json);
		const fake = response instanceof FakeResponse ? response : undefined;
		return { status: fake ? fake.statusCode : (response as http.ServerResponse).statusCode, body: fake?.body ?? '', result, items };
	}

	/** One poll as n8n's poller runs it ('trigger') or as "Fetch Test Event" does ('manual'). */
	async poll(mode: 'trigger' | 'manual' = 'trigger'): Promise<IDataObject[] | null> {
		const ctx = new PollContext(this.workflow, this.workflowNode, this.additionalData, mode, 'activate');
		const out = await this.nodeType.poll!.call(ctx);
		return out ? out[0].map((item) => item.json) : null;
	}
}

/** A form body the way n8n's body parser leaves it: `querystring.parse`, flat bracketed keys. */
export function n8nFormBody(raw: string): IDataObject {
	return { ...parseQuery(raw, undefined, undefined, { maxKeys: 1000 }) } as IDataObject;
}

/** Stands in for n8n's webhook server: routes /webhook/<webhookId>/webhook to the workflow. */
export class Receiver {
	readonly outcomes: Array<WebhookOutcome & { workflow: TriggerWorkflow; raw: string }> = [];
	readonly errors: Error[] = [];
	private readonly workflows = new Map<string, TriggerWorkflow>();
	private readonly running = new Set<Promise<void>>();
	private server?: http.Server;
	base = '';

	async start(): Promise<void> {
		this.server = http.createServer((req, res) => {
			const chunks: Buffer[] = [];
			req.on('data', (c: Buffer) => chunks.push(c));
			req.on('end', () => {
				const raw = Buffer.concat(chunks).toString('utf8');
				const url = new URL(req.url ?? '/', 'http://127.0.0.1');
				const id = url.pathname.split('/')[2] ?? '';
				const workflow = this.workflows.get(id);
				if (!workflow) {
					res.statusCode = 404;
					res.end('{"message":"webhook not registered"}');
					return;
				}
				const query = Object.fromEntries(url.searchParams) as IDataObject;
				const run = workflow
					.receive({ body: n8nFormBody(raw), query, headers: req.headers as IDataObject }, res)
					.then((outcome) => {
						this.outcomes.push({ ...outcome, workflow, raw });
						if (!res.writableEnded) res.end();
					})
					.catch((error: Error) => {
						this.errors.push(error);
						if (!res.writableEnded) {
							res.statusCode = 500;
							res.end(JSON.stringify({ message: error.message }));
						}
					})
					.finally(() => this.running.delete(run));
				this.running.add(run);
			});
		});
		await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', () => resolve()));
		this.base = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/webhook`;
	}

	/** Resolves when every webhook() run started so far has finished (they go on after the 200). */
	async settled(): Promise<void> {
		while (this.running.size) await Promise.all([...this.running]);
	}

	register(workflow: TriggerWorkflow) {
		this.workflows.set(workflow.webhookId, workflow);
	}

	async stop(): Promise<void> {
		await new Promise<void>((resolve) => this.server?.close(() => resolve()) ?? resolve());
	}
}
