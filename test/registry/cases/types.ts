import type { IBinaryKeyData, IDataObject, INodeParameters } from 'n8n-workflow';

import type { Auth, Portal } from '../../helpers/portal';

/**
 * One representative run of an operation. The registry walker runs it against the emulator, checks
 * the emulator accepted every documented call, then hands the request and output to the checks.
 */
export interface OperationCase {
	/** Node parameters besides resource/operation; a function may first create records in the portal. */
	parameters?: INodeParameters | ((portal: Portal) => Promise<INodeParameters> | INodeParameters);
	auth?: Auth;
	items?: IDataObject[];
	/** Binary data of the input items, by index (uploads). */
	binary?: IBinaryKeyData[];
	/** Methods that must appear in the log (default: the operation's method). */
	methods?: string[];
	/** Checks what went over the wire: the params of the last logged call of the first method (the walker fails a case without one). */
	request?: (params: IDataObject) => void;
	/** Checks the output items' shape; it must fail on `[]` and on `[{}]` (the walker feeds it both). */
	output: (items: IDataObject[]) => void;
	/** Why the output check may pass on `[]` or `[{}]`: the documented answer is empty (name the docs' case). */
	emptyOk?: string;
	/** Why the check still cannot see a non-empty answer: the emulator gives this method no records to seed (a named gap). */
	weakOutput?: string;
}

export type Cases = Record<string, OperationCase>;
