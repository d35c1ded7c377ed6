import type { IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeBaseDescription, INodeTypeDescription } from 'n8n-workflow';
import { VersionedNodeType } from 'n8n-workflow';

import { BITRIX24_DESCRIPTION } from './about';
import { methods } from './methods';
import { buildProperties } from './registry';
import { route } from './router';
import { authenticationProperty, credentialsDescription } from './transport/connection';

/**
 * One node version: the same operations and handlers, described as that version saved them.
 * Version 1 took record IDs as plain text and saved nine list operations as `getAll`; version 2 names
 * records with resource locators and every list operation `getMany` (see registry.ts).
 */
class Bitrix24Version implements INodeType {
	description: INodeTypeDescription;

	methods = methods;

	constructor(base: INodeTypeBaseDescription, version: number) {
		this.description = {
			...base,
			version,
			subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
			defaults: { name: 'Bitrix24' },
			inputs: ['main'],
			outputs: ['main'],
			usableAsTool: true,
			credentials: credentialsDescription,
			properties: [authenticationProperty, ...buildProperties(version)],
		};
	}

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await route.call(this);
	}
}

export class Bitrix24 extends VersionedNodeType {
	constructor() {
		const base: INodeTypeBaseDescription = {
			displayName: 'Bitrix24',
			name: 'bitrix24',
			icon: 'file:bitrix24.svg',
			group: ['transform'],
			description: BITRIX24_DESCRIPTION,
			defaultVersion: 2,
		};
		super({ 1: new Bitrix24Version(base, 1), 2: new Bitrix24Version(base, 2) }, base);
	}
}
