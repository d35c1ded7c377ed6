// Virtual clock: virtual seconds = real elapsed x timeScale, anchored at the
// real Unix time of start, so time-scaled runs keep the same ratios.
export class VirtualClock {
	private realBase = Date.now();
	private virtualBase = Date.now() / 1000;
	private offset = 0;

	constructor(private scale = 1) {}

	/** Virtual Unix time in seconds (float). */
	now(): number {
		return this.virtualBase + ((Date.now() - this.realBase) / 1000) * this.scale + this.offset;
	}

	get timeScale(): number {
		return this.scale;
	}

	/** Change the scale without a jump in virtual time. */
	setScale(scale: number): void {
		this.virtualBase = this.now() - this.offset;
		this.realBase = Date.now();
		this.scale = scale > 0 ? scale : 1;
	}

	/** Jump the virtual clock forward (tests: expire tokens, reset baskets without waiting). */
	advance(seconds: number): void {
		this.offset += seconds;
	}

	/** Real milliseconds that correspond to a virtual duration. */
	realMs(virtualSeconds: number): number {
		return (virtualSeconds * 1000) / this.scale;
	}

	isoDate(t = this.now()): string {
		// ISO-8601 with an explicit offset, like Bitrix's date_start/date_finish
		return new Date(t * 1000).toISOString().replace(/\.\d{3}Z$/, '+00:00');
	}
}
