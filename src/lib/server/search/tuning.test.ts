import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Meilisearch } from 'meilisearch';
import { saveProduct, ValidationError } from '$pim';
import { chair, seedStructure } from '../../../../tests/helpers/catalog.ts';
import { createTestDb } from '../../../../tests/helpers/db.ts';
import type { AppDb } from '../db/index.ts';
import { createMeiliClient, PRODUCTS_INDEX } from './client.ts';
import { freePort } from './meili-server.ts';
import { BUILT_IN_RANKING_RULES, productIndexSettings } from './settings.ts';
import { ensureIndexCurrent, rebuildIndex } from './sync.ts';
import { applyTuning, currentTuning, refreshTuningTask, revertTuning, tuningHistory, type Tuning } from './tuning.ts';

let db: AppDb;
let cleanup: () => void;
let meili: Meilisearch;
const index = `tuning_test_${Date.now()}`;

/** A tuning as the form sends it, with synonyms given as comma-separated rows. */
function tuning(over: Partial<Record<keyof Tuning, unknown>> = {}) {
	return {
		synonyms: [],
		stopWords: '',
		rankingRules: [...BUILT_IN_RANKING_RULES],
		typo: { enabled: 'on', oneTypo: '5', twoTypos: '9', disableOnWords: '' },
		...over
	};
}

async function settled(id: number) {
	const v = tuningHistory(db).find((r) => r.id === id)!;
	await meili.tasks.waitForTask(v.taskUid!, { timeout: 10_000, interval: 25 });
	return refreshTuningTask(db, meili, id);
}

const names = async (q: string) => (await meili.index(index).search(q)).hits.map((h) => h.name_en as string);

beforeAll(async () => {
	({ db, cleanup } = createTestDb());
	seedStructure(db);
	meili = createMeiliClient(inject('meiliUrl'), inject('meiliKey'));
	await meili.createIndex(index, { primaryKey: 'id' }).waitTask();
	await meili.index(index).updateSettings(productIndexSettings(['en'], ['USD'])).waitTask();
	await meili
		.index(index)
		.addDocuments([
			{ id: 1, name_en: 'Velvet sofa' },
			{ id: 2, name_en: 'Oak dining chair' }
		])
		.waitTask();
});

afterAll(async () => {
	for (const uid of [index, PRODUCTS_INDEX, 'aisle_state']) await meili.deleteIndexIfExists(uid);
	cleanup();
});

describe('search tuning against a real Meilisearch', () => {
	it('starts from Meilisearch’s own defaults, with nothing to return to', async () => {
		expect((await meili.index(index).getRankingRules()).slice().sort()).toEqual([...BUILT_IN_RANKING_RULES].sort());
		expect(currentTuning(db)).toMatchObject({ synonyms: [], rankingRules: [...BUILT_IN_RANKING_RULES], typo: { oneTypo: 5, twoTypos: 9 } });
		await expect(revertTuning(db, meili, 'ana', { index })).rejects.toThrow('no earlier settings');
	});

	it('refuses a bad ranking rule with a message, storing and sending nothing', async () => {
		const tasksBefore = (await meili.tasks.getTasks({ indexUids: [index] })).total;
		const attempt = (rules: string[]) => applyTuning(db, meili, tuning({ rankingRules: rules }), 'ana', undefined, { index });
		const unsortable = await attempt([...BUILT_IN_RANKING_RULES, 'name_en:asc']).catch((e: unknown) => e);
		expect(unsortable).toBeInstanceOf(ValidationError);
		expect((unsortable as ValidationError).issues).toEqual([{ path: 'rankingRules.6', message: expect.stringContaining('“name_en” cannot be sorted on') }]);
		const removed = (await attempt(['words', 'proximity', 'attribute', 'sort', 'exactness']).catch((e: unknown) => e)) as ValidationError;
		expect(removed.issues[0]).toMatchObject({ path: 'rankingRules', message: expect.stringContaining('typo missing') });
		const nonsense = (await attempt([...BUILT_IN_RANKING_RULES, 'popular first']).catch((e: unknown) => e)) as ValidationError;
		expect(nonsense.issues[0].message).toContain('“popular first” is not a ranking rule');
		expect(tuningHistory(db)).toEqual([]);
		expect((await meili.tasks.getTasks({ indexUids: [index] })).total).toBe(tasksBefore);
	});

	it('names each bad field of a form', async () => {
		const e = (await applyTuning(
			db,
			meili,
			tuning({ synonyms: [{ terms: 'sofa, couch' }, { terms: 'lonely' }], stopWords: 'x'.repeat(51), typo: { enabled: 'on', oneTypo: '6', twoTypos: '4', disableOnWords: '' } }),
			'ana',
			undefined,
			{ index }
		).catch((e: unknown) => e)) as ValidationError;
		expect(e.issues.map((i) => i.path).sort()).toEqual(['stopWords.0', 'synonyms.1.terms', 'typo.twoTypos']);
	});

	it('applies synonyms so "couch" finds the sofa, and records the task until it succeeds', async () => {
		expect(await names('couch')).toEqual([]);
		const v = await applyTuning(db, meili, tuning({ synonyms: [{ terms: 'Sofa, couch' }], stopWords: 'the\nof, the' }), 'ana', 'couch for US shoppers', { index });
		expect(v).toMatchObject({ author: 'ana', comment: 'couch for US shoppers', taskStatus: 'enqueued', taskUid: expect.any(Number) });
		expect(v.tuning.stopWords).toEqual(['the', 'of']);
		expect((await settled(v.id)).taskStatus).toBe('succeeded');
		expect(await names('couch')).toEqual(['Velvet sofa']);
		// The first change keeps the settings before it as a version to return to.
		expect(tuningHistory(db).map((h) => h.comment)).toEqual(['couch for US shoppers', 'Built-in settings, before the first change']);
	});

	it('one-way synonyms work in one direction only', async () => {
		const v = await applyTuning(db, meili, tuning({ synonyms: [{ terms: 'seat, chair', oneWay: 'on' }] }), 'ana', undefined, { index });
		await settled(v.id);
		expect(await names('seat')).toEqual(['Oak dining chair']);
		expect(await names('couch')).toEqual([]);
		await meili.index(index).addDocuments([{ id: 3, name_en: 'Bench seat' }]).waitTask();
		expect(await names('chair')).toEqual(['Oak dining chair']);
	});

	it('returns to the previous settings in one step', async () => {
		const before = tuningHistory(db)[1];
		const v = await revertTuning(db, meili, 'bo', { index });
		expect(v).toMatchObject({ author: 'bo', comment: `Reverted to version ${before.id}`, tuning: before.tuning });
		await settled(v.id);
		expect(await names('couch')).toEqual(['Velvet sofa']);
		expect(await names('seat')).toEqual(['Bench seat']);
		expect(currentTuning(db).synonyms).toEqual([{ terms: ['sofa', 'couch'], oneWay: false }]);
	});

	it('records a failed task with Meilisearch’s reason', async () => {
		const v = await applyTuning(db, meili, tuning(), 'ana', undefined, { index: 'not a valid uid!' });
		const failed = v.taskStatus === 'failed' ? v : await settled(v.id);
		expect(failed.taskStatus).toBe('failed');
		expect(failed.taskError).toMatch(/index/i);
	});

	it('records a version sent while Meilisearch is down as failed, saying so', async () => {
		const down = createMeiliClient(`http://127.0.0.1:${await freePort()}`, 'key', 1000);
		const v = await applyTuning(db, down, tuning(), 'ana', undefined, { index });
		expect(v).toMatchObject({ taskStatus: 'failed', taskUid: null, taskError: expect.stringContaining('Meilisearch did not take the settings') });
	});
});

describe('tuning in the products index', () => {
	it('survives a rebuild, and a later change only updates settings at start', async () => {
		for (let i = 1; i <= 3; i++) saveProduct(db, chair(`CHR-${i}`, i), 'seed');
		await rebuildIndex({ db, meili });
		// The latest version Meilisearch took: the revert to sofa ↔ couch (the two after it failed).
		expect(await meili.index(PRODUCTS_INDEX).getSynonyms()).toEqual({ sofa: ['couch'], couch: ['sofa'] });

		// Applied elsewhere, as if the products index had missed it while the app was down.
		const v = await applyTuning(db, meili, tuning({ synonyms: [{ terms: 'zorblat, chair' }], typo: { enabled: '', oneTypo: '4', twoTypos: '8', disableOnWords: 'oak' } }), 'ana', undefined, { index });
		await settled(v.id);
		const built = (await meili.index(PRODUCTS_INDEX).getStats()).numberOfDocuments;
		expect(await ensureIndexCurrent({ db, meili })).toBe('current');
		const settings = await meili.index(PRODUCTS_INDEX).getSettings();
		expect(settings.synonyms).toEqual({ zorblat: ['chair'], chair: ['zorblat'] });
		expect(settings.typoTolerance).toMatchObject({ enabled: false, minWordSizeForTypos: { oneTypo: 4, twoTypos: 8 }, disableOnWords: ['oak'] });
		expect((await meili.index(PRODUCTS_INDEX).search('zorblat')).hits.length).toBe(built);
	});
});
