import type { IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription } from 'n8n-workflow';

import { loadOptions } from './methods/loadOptions';
import { buildProperties } from './registry';
import { route } from './router';
import { authenticationProperty, credentialsDescription } from './transport/connection';

export class Bitrix24 implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Bitrix24',
		name: 'bitrix24',
		icon: 'file:bitrix24.svg',
		group: ['transform'],
		version: 1,
		subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
		description: 'Interact with Bitrix24 CRM and business platform',
		defaults: { name: 'Bitrix24' },
		inputs: ['main'],
		outputs: ['main'],
		usableAsTool: true,
		credentials: credentialsDescription,
		properties: [
			authenticationProperty,
			...buildProperties(),
		],
	};

	methods = { loadOptions };

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await route.call(this);
	}
}
