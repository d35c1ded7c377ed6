// What handler modules see of the emulator. Handlers are plain functions
// keyed by lowercase method name; they throw B24Error for Bitrix errors.
import type { CatalogEntry } from './catalog';
import type { VirtualClock } from './clock';
import type { Rec, Store } from './store';
import type { EventBus } from './events';
import type { CallContext, CostModel, EmulatorOptions, MethodResult } from './types';
import { B24Error } from './types';
import { argError, param } from './catalog';

export interface FieldDef {
	type: string;
	isRequired?: boolean;
	isReadOnly?: boolean;
	isMultiple?: boolean;
	title: string;
	listLabel?: string;
	formLabel?: string;
	items?: Array<{ ID: string; VALUE: string }>;
	/** crm_status fields: the crm.status ENTITY_ID of their values (crm/deals/crm-deal-fields.md). */
	statusType?: string;
	filterLabel?: string;
	isImmutable?: boolean;
	/** a user (custom) field */
	isDynamic?: boolean;
	settings?: Rec;
}

export interface Core {
	store: Store;
	clock: VirtualClock;
	opts: Required<Pick<EmulatorOptions, 'plan' | 'timeScale' | 'operatingLimitSeconds' | 'operatingBilling' | 'limits' | 'accessTokenTtlSeconds' | 'batchUnresolvedRef'>> & EmulatorOptions;
	cost: CostModel;
	catalog: Map<string, CatalogEntry>;
	url: string;
	host: string;
	memberId: string;
	/** user fields registered per table (UF_CRM_* ...) */
	userFields: Map<string, Map<string, FieldDef>>;
	bus: EventBus;
	applicationToken: string;
	/** fire an event to bound handlers (asynchronously, after the change) */
	emit(event: string, data: Rec): void;
	/** signed download link for a stored Drive file */
	fileDownloadUrl(fileId: number): string;
	/** run a method the way a batch sub-command would (used by batch) */
	call(ctx: CallContext): Promise<MethodResult>;
}

export type Handler = (ctx: CallContext, core: Core) => MethodResult | Promise<MethodResult>;
export type HandlerMap = Record<string, Handler>;

/** Read a parameter with the catalog's case rules. */
export function p(ctx: CallContext, name: string): unknown {
	return param(ctx.params, name, ctx.method);
}

/** A positive integer id parameter (ids from form bodies arrive as strings). */
export function idParam(ctx: CallContext, name: string, description?: string): number {
	const v = p(ctx, name);
	const n = Number(v);
	if (v === undefined || v === null || v === '' || !Number.isInteger(n) || n <= 0) {
		throw argError(ctx.method, name, description || `Parameter '${name}' must be a positive integer.`);
	}
	return n;
}

/** An object parameter such as `fields` ("Parameter 'fields' must be array." in PHP words). */
export function objParam(ctx: CallContext, name: string, required = true): Rec {
	const v = p(ctx, name);
	if (v === undefined || v === null || v === '') {
		if (!required) return {};
		throw argError(ctx.method, name, `Parameter '${name}' must be array.`);
	}
	if (typeof v !== 'object' || Array.isArray(v)) {
		// an empty PHP array may arrive as [] from JSON
		if (Array.isArray(v) && v.length === 0) return {};
		throw argError(ctx.method, name, `Parameter '${name}' must be array.`);
	}
	return v as Rec;
}

export function yes(v: unknown): boolean {
	return v === true || v === 1 || v === 'Y' || v === 'y' || v === '1' || v === 'true';
}

export function notFound(description = 'Not found'): B24Error {
	return new B24Error(400, 'NOT_FOUND', description);
}

export function nowIso(core: Core): string {
	return core.clock.isoDate();
}
