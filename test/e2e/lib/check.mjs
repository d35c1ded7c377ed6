// A tiny test runner on node:assert: named cases, per-case timing, a PASS/FAIL table.
import assert from 'node:assert/strict';

export { assert };

/** Replaces every known secret in a string with ***. Secrets are added as the run learns them. */
export class Redactor {
	constructor() {
		this.secrets = new Set();
	}
	add(...values) {
		for (const v of values.flat()) if (typeof v === 'string' && v.length >= 6) this.secrets.add(v);
	}
	redact = (text) => {
		let out = String(text);
		for (const s of this.secrets) out = out.split(s).join('***');
		return out;
	};
}

export class Suite {
	constructor(label, redact = (s) => s) {
		this.label = label;
		this.redact = redact;
		this.results = [];
	}

	/** Runs one case; failures are recorded, never thrown. B24_E2E_ONLY / B24_E2E_SKIP filter by substring. */
	async case(name, fn) {
		const only = process.env.B24_E2E_ONLY;
		const skip = process.env.B24_E2E_SKIP;
		const always = name.startsWith('import ');
		if (!always && only && !only.split(',').some((p) => name.toLowerCase().includes(p.trim().toLowerCase()))) {
			return this.skip(name, 'not in B24_E2E_ONLY');
		}
		if (!always && skip && skip.split(',').some((p) => p.trim() && name.toLowerCase().includes(p.trim().toLowerCase()))) {
			return this.skip(name, 'in B24_E2E_SKIP');
		}
		const t0 = Date.now();
		process.stdout.write(`  … ${name}\n`);
		try {
			await fn();
			const ms = Date.now() - t0;
			this.results.push({ name, ok: true, ms });
			process.stdout.write(`  ✔ PASS ${name} (${(ms / 1000).toFixed(1)}s)\n`);
		} catch (error) {
			const ms = Date.now() - t0;
			const message = this.redact(error?.stack ? `${error.message}` : String(error));
			this.results.push({ name, ok: false, ms, message });
			process.stdout.write(`  ✘ FAIL ${name} (${(ms / 1000).toFixed(1)}s)\n${indent(message, '      ')}\n`);
		}
	}

	skip(name, reason) {
		this.results.push({ name, ok: null, ms: 0, message: reason });
		process.stdout.write(`  - SKIP ${name}: ${reason}\n`);
	}

	get passed() {
		return this.results.filter((r) => r.ok === true).length;
	}
	get failed() {
		return this.results.filter((r) => r.ok === false).length;
	}
	get skipped() {
		return this.results.filter((r) => r.ok === null).length;
	}
}

function indent(text, pad) {
	return String(text)
		.split('\n')
		.map((l) => pad + l)
		.join('\n');
}

/** Prints one table per suite and returns the totals. */
export function printSummary(suites) {
	let passed = 0;
	let failed = 0;
	let skipped = 0;
	const lines = ['', '================ n8n end-to-end summary ================'];
	for (const s of suites) {
		lines.push('', s.label);
		const width = Math.max(10, ...s.results.map((r) => r.name.length));
		for (const r of s.results) {
			const status = r.ok === true ? 'PASS' : r.ok === false ? 'FAIL' : 'SKIP';
			lines.push(`  ${status}  ${r.name.padEnd(width)}  ${(r.ms / 1000).toFixed(1).padStart(6)}s`);
			if (r.ok === false && r.message) lines.push(indent(r.message.split('\n').slice(0, 3).join('\n'), '          '));
			if (r.ok === null && r.message) lines.push(`          (${r.message})`);
		}
		lines.push(`  → ${s.passed} passed, ${s.failed} failed, ${s.skipped} skipped`);
		passed += s.passed;
		failed += s.failed;
		skipped += s.skipped;
	}
	lines.push('', `${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
	process.stdout.write(lines.join('\n') + '\n');
	return { passed, failed, skipped };
}
