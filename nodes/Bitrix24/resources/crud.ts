import type { IDataObject } from 'n8n-workflow';

import type { OperationSpec, PagingSpec, ParamSpec, ResourceSpec } from '../types';
import { fieldsOp } from './shared';

/** The generic verbs a family of `<prefix>.add|get|list|update|delete|fields` methods has. */
export type CrudVerb = 'create' | 'get' | 'getMany' | 'update' | 'delete' | 'fields';

/** One family of records described once; `crud()` spells out its operations. */
export interface CrudFamily {
	value: string;
	name: string;
	group: string;
	description?: string;
	/** Methods are `<prefix>.add`, `.get`, `.list`, `.update`, `.delete`, `.fields` unless overridden. */
	prefix: string;
	/** The record in action texts ("bank detail"); `plural` defaults to noun + "s". */
	noun: string;
	plural?: string;
	/** "a" or "an" before the noun, when its sound and first letter disagree ("an SMS provider"). */
	article?: 'a' | 'an';
	/** The inputs that name one record on get, update and delete. */
	key?: ParamSpec[];
	/** Create's inputs (the required ones). */
	create?: ParamSpec[];
	/** The optional fields of create and update. */
	fields?: ParamSpec[];
	/** Update's optional inputs in front of `fields` (usually create's inputs, now optional). */
	updateFirst?: ParamSpec[];
	/** Update's constant params, e.g. `{ fields: {} }` so an update of nothing still sends `fields`. */
	updateFixed?: IDataObject;
	/** Where create, get and update find the record in `result`. */
	unwrap?: string;
	paging?: PagingSpec;
	/** The operations in order: a verb built from the above, or a whole operation (default: the five CRUD verbs). */
	verbs?: Array<CrudVerb | OperationSpec>;
	/** Set on every generated operation (e.g. `appOnly`). */
	every?: Partial<OperationSpec>;
	/** Per-verb changes merged over the generated operation (`undefined` unsets a generated key). */
	override?: Partial<Record<CrudVerb, Partial<OperationSpec>>>;
	/** Further operations, after the verbs. */
	more?: OperationSpec[];
}

const CRUD_VERBS: CrudVerb[] = ['create', 'get', 'getMany', 'update', 'delete'];
/** The five CRUD verbs and Get Fields. */
export const ALL_VERBS: CrudVerb[] = [...CRUD_VERBS, 'fields'];

function verbOperation(family: CrudFamily, verb: CrudVerb): OperationSpec {
	const { prefix, noun, key, unwrap } = family;
	const a = `${family.article ?? (/^[aeio]/i.test(noun) ? 'an' : 'a')} ${noun}`;
	switch (verb) {
		case 'create':
			return { value: 'create', name: 'Create', action: `Create ${a}`, method: `${prefix}.add`, kind: 'create', params: family.create, optional: family.fields, unwrap };
		case 'get':
			return { value: 'get', name: 'Get', action: `Get ${a}`, method: `${prefix}.get`, kind: 'get', params: key, unwrap };
		case 'getMany':
			return { value: 'getMany', name: 'Get Many', action: `Get many ${family.plural ?? `${noun}s`}`, method: `${prefix}.list`, kind: 'getMany', paging: family.paging };
		case 'update': {
			const optional = family.updateFirst || family.fields ? [...(family.updateFirst ?? []), ...(family.fields ?? [])] : undefined;
			return {
				value: 'update',
				name: 'Update',
				action: `Update ${a}`,
				method: `${prefix}.update`,
				kind: 'update',
				params: key,
				optional,
				optionalName: optional && 'updateFields',
				fixed: family.updateFixed,
				unwrap,
			};
		}
		case 'delete':
			return { value: 'delete', name: 'Delete', action: `Delete ${a}`, method: `${prefix}.delete`, kind: 'delete', params: key };
		case 'fields':
			return fieldsOp(`${prefix}.fields`, noun);
	}
}

/** A resource whose operations are the generic verbs of one family plus what differs. */
export function crud(family: CrudFamily): ResourceSpec {
	const operations = (family.verbs ?? CRUD_VERBS).map((verb) => (typeof verb === 'string' ? { ...verbOperation(family, verb), ...family.every, ...family.override?.[verb] } : verb));
	const { value, name, group, description } = family;
	return { value, name, group, description, operations: [...operations, ...(family.more ?? [])] };
}
