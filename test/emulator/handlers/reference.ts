// Seeders for reference data every real portal has and the generic store answers: currencies
// (crm.currency.*, a base currency first) and workgroups (sonet_group.*).
import type { Store } from '../store';

/** Currencies as crm/currency/crm-currency-list.md shows them; the first one seeded is the base currency. */
const CURRENCIES: Array<[code: string, name: string, amount: string, format: string]> = [
	['USD', 'US Dollar', '1.0000', '$#'],
	['EUR', 'Euro', '1.0800', '# €'],
	['GBP', 'Pound Sterling', '1.2700', '£#'],
	['CAD', 'Canadian Dollar', '0.7400', '# CAD'],
	['JPY', 'Japanese Yen', '0.6700', '# ¥'],
];

export const CURRENCY_TABLE = 'generic:crm.currency';
export const WORKGROUP_TABLE = 'generic:sonet_group';

/** The next n currencies of the list that the portal does not have yet. */
export function seedCurrencies(store: Store, n: number): void {
	const have = new Set(store.all(CURRENCY_TABLE).map((r) => String(r.CURRENCY)));
	const base = !store.all(CURRENCY_TABLE).some((r) => r.BASE === 'Y');
	const todo = CURRENCIES.filter(([code]) => !have.has(code)).slice(0, n);
	todo.forEach(([code, name, amount, format], i) => {
		store.insert(CURRENCY_TABLE, {
			CURRENCY: code,
			AMOUNT_CNT: code === 'JPY' ? '100' : '1',
			AMOUNT: amount,
			SORT: String((have.size + i + 1) * 100),
			BASE: base && i === 0 ? 'Y' : 'N',
			FULL_NAME: name,
			LID: 'en',
			FORMAT_STRING: format,
			DEC_POINT: '.',
			THOUSANDS_SEP: ',',
			DECIMALS: code === 'JPY' ? '0' : '2',
			DATE_UPDATE: '2024-01-01T10:00:00+00:00',
		});
	});
}

const GROUP_NAMES = ['Sales team', 'Marketing', 'Support', 'Product launch', 'Partners', 'Finance', 'Operations', 'Design'];

/** n workgroups owned by the admin (sonet-group-get.md fields). */
export function seedWorkgroups(store: Store, n: number, rnd: () => number): void {
	for (let i = 0; i < n; i++) {
		const k = store.table(WORKGROUP_TABLE).nextId;
		const name = GROUP_NAMES[(k - 1) % GROUP_NAMES.length] + (k > GROUP_NAMES.length ? ` ${k}` : '');
		store.insert(WORKGROUP_TABLE, {
			SITE_ID: 's1',
			NAME: name,
			ACTIVE: 'Y',
			VISIBLE: 'Y',
			OPENED: rnd() < 0.5 ? 'Y' : 'N',
			CLOSED: 'N',
			OWNER_ID: '1',
			PROJECT: 'N',
			IS_EXTRANET: 'N',
			NUMBER_OF_MEMBERS: '1',
			DATE_CREATE: '2024-01-01T10:00:00+00:00',
		});
	}
}
