import type { Cases } from './types';

export const systemCases: Cases = {
	'system.callMethod': {
		parameters: { methodName: 'crm.deal.list', parameters: '{"filter": {">ID": 0}, "select": ["ID", "TITLE"]}' },
		methods: ['crm.deal.list'],
		request: (params) => expect(params).toEqual({ filter: { '>ID': 0 }, select: ['ID', 'TITLE'] }),
		output: (items) => {
			expect(items.length).toBeGreaterThanOrEqual(5);
			for (const deal of items) expect(deal).toEqual({ ID: expect.any(String), TITLE: expect.any(String) });
		},
	},
	'system.batch': {
		parameters: {
			commands: '{"deal": "crm.deal.get?id=1", "contact": {"method": "crm.contact.list", "params": {"select": ["ID"]}}, "missing": "crm.deal.get?id=999999"}',
		},
		// crm.deal.get is left out: one of its two calls fails on purpose (a missing deal)
		methods: ['batch', 'crm.contact.list'],
		request: (params) =>
			expect(params).toEqual({ halt: 0, cmd: { deal: 'crm.deal.get?id=1', contact: 'crm.contact.list?select[0]=ID', missing: 'crm.deal.get?id=999999' } }),
		output: (items) => {
			expect(items.map((item) => item.command)).toEqual(['deal', 'contact', 'missing']);
			expect(items[0].result).toMatchObject({ ID: '1' });
			expect(items[1]).toMatchObject({ result: expect.any(Array), total: expect.any(Number) });
			expect(items[2]).toMatchObject({ error: { error: expect.any(String) } });
			expect(items[2].result).toBeUndefined();
		},
	},
};
