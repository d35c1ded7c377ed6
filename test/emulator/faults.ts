// Faults on demand: each injected fault fires on the next `times` matching
// requests (default once) and is then dropped.
import type { Fault } from './types';

export class FaultQueue {
	private list: Fault[] = [];

	inject(f: Fault): void {
		this.list.push({ ...f, method: (f.method || '*').toLowerCase(), times: f.times ?? 1 });
	}

	clear(): void {
		this.list = [];
	}

	pending(): Fault[] {
		return this.list.map((f) => ({ ...f }));
	}

	/** Take the first fault matching a top-level request (batch-command faults excluded). */
	takeRequest(method: string): Fault | undefined {
		return this.take((f) => f.kind !== 'batchCommandError' && (f.method === '*' || f.method === method));
	}

	/** Take a batch-command fault matching this sub-command by key and/or method. */
	takeBatchCommand(key: string, method: string): Fault | undefined {
		return this.take(
			(f) =>
				f.kind === 'batchCommandError' &&
				(f.batchKey === undefined || f.batchKey === key) &&
				(f.method === '*' || f.method === method),
		);
	}

	private take(pred: (f: Fault) => boolean): Fault | undefined {
		const i = this.list.findIndex(pred);
		if (i < 0) return undefined;
		const f = this.list[i];
		f.times = (f.times ?? 1) - 1;
		if (f.times <= 0) this.list.splice(i, 1);
		return { ...f };
	}
}

export const DEFAULT_FAULT_ERRORS: Record<number, [string, string]> = {
	500: ['INTERNAL_SERVER_ERROR', 'Internal server error'],
	502: ['ERROR_UNEXPECTED_ANSWER', 'Bad gateway'],
	503: ['QUERY_LIMIT_EXCEEDED', 'Too many requests'],
	504: ['ERROR_UNEXPECTED_ANSWER', 'Gateway timeout'],
	429: ['OPERATION_TIME_LIMIT', 'Method is blocked due to operation time limit.'],
	401: ['expired_token', 'The access token provided has expired.'],
	403: ['ACCESS_DENIED', 'Access denied'],
};

export const HTML_502 =
	'<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n<center><h1>502 Bad Gateway</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n';

/** What nginx answers when the upstream stalls past its read timeout. */
export const HTML_504 =
	'<html>\r\n<head><title>504 Gateway Time-out</title></head>\r\n<body>\r\n<center><h1>504 Gateway Time-out</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n';
