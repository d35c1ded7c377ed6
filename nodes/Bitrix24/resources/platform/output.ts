import type { IDataObject } from 'n8n-workflow';

/** A result that is a list of names (scopes, methods, events, codes): one output item per name. */
export const listOf = (key: string) => (result: unknown): IDataObject[] =>
	Array.isArray(result) ? result.map((value) => ({ [key]: value as string })) : [];

/** The given request keys, so the output of a method that answers only `true` says what was done. */
export const pick = (request: IDataObject | unknown[], keys: string[]): IDataObject =>
	Object.fromEntries(keys.filter((key) => key in (request as IDataObject)).map((key) => [key, (request as IDataObject)[key]]));
