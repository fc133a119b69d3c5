import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';

/**
 * A race between worker threads, each with its own connection to one SQLite file (as other
 * server processes would have). Each thread loads `module` (a path from the project root),
 * waits at a shared barrier, then runs `body`: JavaScript that sees `db`, `mod` (the module's
 * exports), `workerData` (its entry of `data`, plus the file) and `shared` (an Int32Array whose
 * slots from 2 on are free counters), and returns the thread's message. A thread that fails
 * sends `{ fatal }` instead.
 */
export function startRace<T>(opts: { root: string; file: string; module: string; body: string; data: object[] }) {
	const worker = `
const { workerData, parentPort } = require('node:worker_threads');
(async () => {
	const { tsImport } = await import('tsx/esm/api');
	const { openDatabase } = await tsImport('./src/lib/server/db/index.ts', workerData.base);
	const mod = await tsImport(workerData.module, workerData.base);
	const db = openDatabase(workerData.file, workerData.root);
	const shared = new Int32Array(workerData.barrier);
	Atomics.add(shared, 1, 1);
	Atomics.wait(shared, 0, 0);
	const result = await (async () => {${opts.body}})();
	db.$client.close();
	parentPort.postMessage(result);
})().catch((e) => parentPort.postMessage({ fatal: String((e && e.stack) || e) }));
`;
	const barrier = new SharedArrayBuffer(64);
	const shared = new Int32Array(barrier);
	const base = pathToFileURL(`${opts.root}/`).href;
	const workers = opts.data.map(
		(d) => new Worker(worker, { eval: true, workerData: { ...d, file: opts.file, root: opts.root, base, module: opts.module, barrier } })
	);
	const messages = workers.map((w) => new Promise<T & { fatal?: string }>((ok, fail) => (w.once('message', ok), w.once('error', fail))));
	return {
		/** Waits until every thread is at the barrier, lets them go, and returns when that was (epoch ms). */
		async release(): Promise<number> {
			while (Atomics.load(shared, 1) < workers.length) await new Promise((r) => setTimeout(r, 10));
			const start = performance.now() + performance.timeOrigin;
			Atomics.store(shared, 0, 1);
			Atomics.notify(shared, 0);
			return start;
		},
		/** Every thread's message, in thread order, once all have sent one; the threads are then ended. */
		async results(): Promise<(T & { fatal?: string })[]> {
			const all = await Promise.all(messages);
			await Promise.all(workers.map((w) => w.terminate()));
			return all;
		}
	};
}
