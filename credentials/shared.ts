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
		displayName: 'n8n Processes Sharing This Portal',
		name: 'sharingProcesses',
		type: 'number',
		typeOptions: { minValue: 1, numberPrecision: 0 },
		default: 1,
		description:
			'How many n8n processes call this portal from the same IP address, each with its own limiter: in queue mode, the number of workers (plus any other n8n instance using the portal). Each keeps to an equal share of the limits so together they stay inside them. Leave 1 for a single n8n.',
	},
	{
		displayName: 'Max Wait on Limits (Seconds)',
		name: 'maxWaitSeconds',
		type: 'number',
		typeOptions: { minValue: 0 },
		default: 600,
		description:
			"How long one call may wait for a method's operating-time budget (480 s of server time per 10 minutes) to free up before the node fails with a clear message. The budget frees up within 10 minutes, so 600 lets a big import finish by pausing; lower it to fail fast instead.",
	},
];
