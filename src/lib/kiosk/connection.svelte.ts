/**
 * Knows whether the server answers. The kiosk checks it every `intervalMs` (the same request
 * reports the heartbeat when the screen is bound to a store); while it fails the layout shows
 * "back in a moment", and it recovers by itself.
 */
export class Connection {
	online = $state(true);
	#timer: ReturnType<typeof setTimeout> | undefined;
	#stopped = false;

	constructor(
		private check: () => Promise<boolean>,
		private intervalMs = 30_000,
		private retryMs = 3000
	) {}

	start() {
		this.#stopped = false;
		const loop = async () => {
			const ok = await this.check().catch(() => false);
			this.online = ok;
			if (!this.#stopped) this.#timer = setTimeout(loop, ok ? this.intervalMs : this.retryMs);
		};
		this.#timer = setTimeout(loop, 1000);
	}

	/** Called when any request failed: check again soon. */
	suspect() {
		clearTimeout(this.#timer);
		this.online = false;
		if (!this.#stopped) this.start();
	}

	stop() {
		this.#stopped = true;
		clearTimeout(this.#timer);
	}
}
