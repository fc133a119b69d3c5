import { deserialize } from '$app/forms';
import { invalidateAll } from '$app/navigation';

/** Products sent per request: small enough that each answers quickly and the bar moves. */
export const BULK_BATCH = 200;

/** Posts to a form action of the current page and reads its result, as `use:enhance` does. */
export async function postAction(name: string, body: URLSearchParams) {
	const response = await fetch(`?/${name}`, {
		method: 'POST',
		headers: { accept: 'application/json', 'x-sveltekit-action': 'true', 'content-type': 'application/x-www-form-urlencoded' },
		body,
		cache: 'no-store'
	});
	return deserialize(await response.text());
}

/**
 * One bulk action driven from the browser: the selection goes to `?/bulk` in batches, so a
 * long run shows its progress, and a failure of one product never stops the others.
 */
export class BulkRun {
	running = $state(false);
	/** Products sent and answered so far, and how many the run covers. */
	processed = $state(0);
	total = $state(0);
	done = $state(0);
	failed = $state<{ code: string; message: string }[]>([]);
	/** Why the run stopped early: a refused action (with field errors) or a server error. */
	message = $state<string | null>(null);
	errors = $state<Record<string, string>>({});
	finished = $state(false);
	/** What the run did, as the summary names it ("archived"). */
	verb = $state('');

	async start(ids: number[], fields: URLSearchParams, verb: string, onfinish?: () => void) {
		if (this.running) return;
		this.running = true;
		this.finished = false;
		this.processed = this.done = 0;
		this.total = ids.length;
		this.failed = [];
		this.message = null;
		this.errors = {};
		this.verb = verb;
		try {
			for (let i = 0; i < ids.length; i += BULK_BATCH) {
				const batch = ids.slice(i, i + BULK_BATCH);
				const body = new URLSearchParams(fields);
				body.set('ids', batch.join(','));
				const result = await postAction('bulk', body);
				if (result.type === 'success') {
					const data = result.data as { done: number; failed: { code: string; message: string }[] };
					this.done += data.done;
					this.failed = [...this.failed, ...data.failed];
					this.processed += batch.length;
				} else if (result.type === 'failure') {
					const data = result.data as { message?: string; errors?: Record<string, string> } | undefined;
					this.message = data?.message ?? 'The action was refused.';
					this.errors = data?.errors ?? {};
					break;
				} else if (result.type === 'redirect') {
					// Signed out meanwhile: the sign-in page brings them back here.
					location.href = result.location;
					return;
				} else {
					this.message = 'The server could not finish this batch. What was done so far is saved; try the rest again.';
					break;
				}
			}
		} catch {
			this.message = 'The connection was lost. What was done so far is saved; try the rest again.';
		} finally {
			this.running = false;
			this.finished = true;
		}
		if (this.processed > 0) {
			onfinish?.();
			await invalidateAll();
		}
	}
}
