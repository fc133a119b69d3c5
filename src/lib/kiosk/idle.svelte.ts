/**
 * Watches for a shopper's touches. After `idleMs` without one it warns for `warnMs` with a
 * visible countdown (one touch dismisses it, as WCAG 2.2.1 asks), then calls `onTimeout`.
 * Created by the kiosk layout per page load: never a module-level singleton.
 */
export class IdleTimer {
	/** Seconds left in the warning, or null while the shopper is active. */
	remaining = $state<number | null>(null);
	#lastActivity = Date.now();
	#timer: ReturnType<typeof setInterval> | undefined;

	constructor(
		private idleMs: number,
		private warnMs: number,
		private onTimeout: () => void
	) {}

	/**
	 * Call on any touch, key or input. The warning closes on the next tick (a quarter second
	 * later), so the touch that dismisses it still lands on what it touched.
	 */
	activity = () => {
		this.#lastActivity = Date.now();
	};

	start() {
		this.#lastActivity = Date.now();
		this.#timer = setInterval(() => this.#tick(), 250);
	}

	stop() {
		clearInterval(this.#timer);
	}

	#tick() {
		const idle = Date.now() - this.#lastActivity;
		if (idle < this.idleMs) {
			this.remaining = null;
			return;
		}
		const left = Math.ceil((this.idleMs + this.warnMs - idle) / 1000);
		if (left <= 0) {
			this.stop();
			this.remaining = 0;
			this.onTimeout();
		} else this.remaining = left;
	}
}
