import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { sql } from 'drizzle-orm';
import { createTestDb } from '../../tests/helpers/db.ts';
import { chair, seedStructure } from '../../tests/helpers/catalog.ts';
import type { PimDb } from '../db.ts';
import { inTransaction } from '../db.ts';
import { saveProduct } from '../catalog/products.ts';
import { claimOutbox, completeOutbox, enqueueProducts, pendingOutboxCount, releaseOutbox } from './outbox.ts';

let db: PimDb;
let cleanup: () => void;
beforeEach(() => {
	const t = createTestDb();
	db = t.db;
	cleanup = t.cleanup;
	seedStructure(db);
});
afterEach(() => {
	vi.useRealTimers();
	cleanup();
});

describe('outbox', () => {
	it('is written in the same transaction as the change: a rolled-back change leaves no row', () => {
		expect(() =>
			inTransaction(db, () => {
				saveProduct(db, chair(), 'ana');
				throw new Error('crash after the save');
			})
		).toThrow('crash');
		expect(pendingOutboxCount(db)).toBe(0);
		expect(db.get<{ n: number }>(sql`SELECT count(*) AS n FROM product`).n).toBe(0);
	});

	it('coalesces repeated changes to one product into one update', () => {
		const { id } = saveProduct(db, chair(), 'ana');
		saveProduct(db, chair(), 'ana');
		enqueueProducts(db, [id, id]);
		const batch = claimOutbox(db, 'w1');
		expect(batch.rowIds).toHaveLength(3);
		expect(batch.productIds).toEqual([id]);
	});

	it('leases rows: a second worker gets nothing until the lease runs out', () => {
		enqueueProducts(db, [1, 2]);
		const first = claimOutbox(db, 'w1', 10, 1000);
		expect(first.rowIds).toHaveLength(2);
		expect(claimOutbox(db, 'w2').rowIds).toHaveLength(0);
		vi.useFakeTimers({ now: Date.now() + 1500, toFake: ['Date'] });
		// w1 crashed: its lease ran out, so w2 takes over and nothing is lost.
		expect(claimOutbox(db, 'w2').rowIds).toEqual(first.rowIds);
		// w1's late completion must not mark w2's claim done.
		completeOutbox(db, 'w1', first.rowIds);
		expect(pendingOutboxCount(db)).toBe(2);
		completeOutbox(db, 'w2', first.rowIds);
		expect(pendingOutboxCount(db)).toBe(0);
	});

	it('retries failed rows later, with backoff only when the documents were at fault', () => {
		enqueueProducts(db, [1]);
		const a = claimOutbox(db, 'w1');
		releaseOutbox(db, 'w1', a.rowIds, 'search server down', false);
		expect(claimOutbox(db, 'w1').rowIds).toEqual(a.rowIds);
		releaseOutbox(db, 'w1', a.rowIds, 'bad document', true);
		expect(claimOutbox(db, 'w1').rowIds).toHaveLength(0);
		const row = db.get<{ attempts: number; last_error: string }>(sql`SELECT attempts, last_error FROM outbox`);
		expect(row).toEqual({ attempts: 1, last_error: 'bad document' });
	});
});
