import type { INodeProperties } from 'n8n-workflow';

/** Settings every Bitrix24 credential carries for the shared per-portal limiter. */
export const limitProperties: INodeProperties[] = [
	{
		displayName: 'Plan',
		name: 'plan',
		type: 'options',
		options: [
			{ name: 'Standard (Burst 50, 2 Requests per Second)', value: 'standard' },
			{ name: 'Enterprise (Burst 250, 5 Requests per Second)', value: 'enterprise' },
			{ name: 'Self-Hosted Without Limits', value: 'none' },
		],
		default: 'standard',
		description:
			"The portal's request limits. Every workflow in this n8n process shares one limiter per portal, so Bitrix24 never has to refuse a request.",
	},
	{
		displayName: 'Max Wait on Limits (Seconds)',
		name: 'maxWaitSeconds',
		type: 'number',
		typeOptions: { minValue: 0 },
		default: 120,
		description:
			'How long a call may wait for Bitrix24 to lift an operating-time limit (HTTP 429) before the node fails with a clear message',
	},
];
