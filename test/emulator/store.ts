// In-memory tables with ascending integer ids, a deterministic seeder and
// ground-truth helpers (counts, duplicates). Records keep Bitrix's UPPER_CASE
// names; crm.item and tasks.task.* map them to camelCase on the way out.

export type Rec = Record<string, unknown>;

export class Table {
	readonly rows = new Map<number, Rec>();
	/** ids in ascending order, for keyset (>ID) pages without a full scan */
	readonly ids: number[] = [];
	nextId = 1;

	constructor(readonly name: string) {}

	insert(rec: Rec): Rec {
		let id = Number(rec.ID);
		if (!Number.isInteger(id) || id <= 0 || this.rows.has(id)) id = this.nextId;
		this.nextId = Math.max(this.nextId, id + 1);
		const stored = { ...rec, ID: id };
		this.rows.set(id, stored);
		// ids only grow, so push keeps the array sorted unless an explicit lower id was given
		if (this.ids.length === 0 || this.ids[this.ids.length - 1] < id) this.ids.push(id);
		else this.ids.splice(lowerBound(this.ids, id), 0, id);
		return stored;
	}

	get(id: number): Rec | undefined {
		return this.rows.get(id);
	}

	remove(id: number): boolean {
		if (!this.rows.delete(id)) return false;
		const i = lowerBound(this.ids, id);
		if (this.ids[i] === id) this.ids.splice(i, 1);
		return true;
	}

	get size(): number {
		return this.rows.size;
	}

	all(): Rec[] {
		return this.ids.map((id) => this.rows.get(id) as Rec);
	}
}

/** First index whose id is >= x. */
export function lowerBound(ids: number[], x: number): number {
	let lo = 0;
	let hi = ids.length;
	while (lo < hi) {
		const mid = (lo + hi) >> 1;
		if (ids[mid] < x) lo = mid + 1;
		else hi = mid;
	}
	return lo;
}

/** Canonical table names; tests and the control API may use plurals or entityTypeIds. */
const ALIASES: Record<string, string> = {
	leads: 'lead', deals: 'deal', contacts: 'contact', companies: 'company', quotes: 'quote',
	invoices: 'invoice', smart_invoice: 'invoice', users: 'user', departments: 'department',
	tasks: 'task', comments: 'taskComment', taskcomments: 'taskComment', taskcomment: 'taskComment',
	messages: 'message', chats: 'chat', openlines: 'chat', olchats: 'chat', olchat: 'chat',
	sessions: 'olSession', olsessions: 'olSession', olsession: 'olSession', lines: 'olLine', olline: 'olLine',
	files: 'diskFile', diskfile: 'diskFile', folders: 'diskFolder', diskfolder: 'diskFolder',
	storages: 'diskStorage', diskstorage: 'diskStorage', bindings: 'eventBinding', eventbinding: 'eventBinding',
	currency: 'generic:crm.currency', currencies: 'generic:crm.currency', workgroup: 'generic:sonet_group', workgroups: 'generic:sonet_group',
	'1': 'lead', '2': 'deal', '3': 'contact', '4': 'company', '7': 'quote', '31': 'invoice',
};

export function canonical(entity: string): string {
	const e = entity.trim();
	const low = e.toLowerCase();
	if (ALIASES[low]) return ALIASES[low];
	if (/^\d+$/.test(low) && Number(low) >= 128) return `dynamic_${low}`;
	return e;
}

export const TYPE_TABLE: Record<number, string> = { 1: 'lead', 2: 'deal', 3: 'contact', 4: 'company', 7: 'quote', 31: 'invoice' };

export function tableForType(entityTypeId: number): string {
	return TYPE_TABLE[entityTypeId] || `dynamic_${entityTypeId}`;
}

export class Store {
	private tables = new Map<string, Table>();
	/** called when a list page of a table was served (mutateDuringRead hooks in here) */
	pageHooks: Array<(table: string) => void> = [];
	/** seeders per canonical table name (registered by the handler modules) */
	seeders = new Map<string, (store: Store, n: number, rnd: () => number) => void>();

	table(entity: string): Table {
		const name = canonical(entity);
		let t = this.tables.get(name);
		if (!t) {
			t = new Table(name);
			this.tables.set(name, t);
		}
		return t;
	}

	has(entity: string): boolean {
		return this.tables.has(canonical(entity));
	}

	names(): string[] {
		return [...this.tables.keys()];
	}

	count(entity: string): number {
		return this.has(entity) ? this.table(entity).size : 0;
	}

	all(entity: string): Rec[] {
		return this.has(entity) ? this.table(entity).all() : [];
	}

	get(entity: string, id: number): Rec | undefined {
		return this.has(entity) ? this.table(entity).get(Number(id)) : undefined;
	}

	insert(entity: string, record: Rec): Rec {
		return this.table(entity).insert(record);
	}

	remove(entity: string, id: number): boolean {
		return this.has(entity) ? this.table(entity).remove(Number(id)) : false;
	}

	/** Groups of ids that share the same value of `field` (ground truth for duplicate creates). */
	duplicates(entity: string, field: string): Array<{ value: unknown; ids: number[] }> {
		const groups = new Map<string, number[]>();
		for (const r of this.all(entity)) {
			const v = r[field];
			if (v === undefined || v === null || v === '') continue;
			const key = typeof v === 'object' ? JSON.stringify(v) : String(v);
			const list = groups.get(key) || [];
			list.push(Number(r.ID));
			groups.set(key, list);
		}
		const out: Array<{ value: unknown; ids: number[] }> = [];
		for (const [k, ids] of groups) if (ids.length > 1) out.push({ value: k, ids });
		return out;
	}

	/** Deterministic: the same entity, count and starting size give the same rows. */
	seed(entity: string, n: number): number {
		const name = canonical(entity);
		const seeder = this.seeders.get(name) || (name.startsWith('dynamic_') ? this.seeders.get('dynamic') : undefined);
		if (!seeder) throw new Error(`No seeder for entity '${entity}'`);
		const rnd = prng(hash(`${name}:${this.count(name)}`));
		seeder(this, n, rnd);
		return this.count(name);
	}

	pageServed(table: string): void {
		for (const h of this.pageHooks) h(table);
	}
}

/** mulberry32: small, fast, deterministic. */
export function prng(seed: number): () => number {
	let a = seed >>> 0;
	return () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

export function hash(s: string): number {
	let h = 2166136261;
	for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 16777619);
	return h >>> 0;
}

export function pick<T>(rnd: () => number, list: T[]): T {
	return list[Math.floor(rnd() * list.length)];
}
