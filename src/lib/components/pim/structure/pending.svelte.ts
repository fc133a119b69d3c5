import type { SubmitFunction } from '@sveltejs/kit';

interface PendingOptions {
	/** Clear the form after a success (create forms); a function is asked at that moment. */
	reset?: boolean | (() => boolean);
	/** Called after a successful submit has updated the page. */
	onSuccess?: () => void;
}

/**
 * A form's submission state: `enhance` ignores a second submit while one is on its way, so a
 * double click saves once.
 */
export class Pending {
	busy = $state(false);

	constructor(private readonly options: PendingOptions = {}) {}

	enhance: SubmitFunction = ({ cancel }) => {
		if (this.busy) {
			cancel();
			return;
		}
		this.busy = true;
		return async ({ result, update }) => {
			try {
				const { reset = false } = this.options;
				await update({ reset: typeof reset === 'function' ? reset() : reset });
				if (result.type === 'success') this.options.onSuccess?.();
			} finally {
				this.busy = false;
			}
		};
	};
}
