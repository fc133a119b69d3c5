import { inArray, sql } from 'drizzle-orm';
import type { PimDb } from '../db.ts';
import { product } from '../catalog/catalog.schema.ts';
import { loadDefinition, type CatalogDefinition } from '../catalog/definition.ts';
import { normalizeGtin } from '../catalog/gtin.ts';
import { ALL } from '../catalog/values.ts';
import type { AttributeInput, CategoryInput, FamilyInput, ProductInput } from '../catalog/input.ts';
import { saveProduct, type SaveResult } from '../catalog/products.ts';
import { productsInSubtree, refreshProducts } from '../catalog/structure-edit.ts';
import { enqueueProducts } from '../search/outbox.ts';
import { ConflictError, DomainError, ValidationError, type Issue } from '../shared/errors.ts';
import type { BundleProduct, ImportBundle, RejectedRow, Sourced } from './bundle.ts';
import { emptyCounts, emptyReport, type ImportReport, type RecordCounts, type RecordKind } from './report.ts';
import { applyAttribute, applyCategory, applyChannel, applyFamily, applyLocale, canonical, type Outcome } from './structure-apply.ts';

/** How an import runs. */
export interface ApplyOptions {
	/** Who the versions name, e.g. "Ana <ana@shop.example>" or "import (command line)". */
	author: string;
	/**
	 * 'file': any refused row rolls back everything from its file. 'batch': each batch of
	 * `batchSize` records is one transaction; a refused row is reported and the rest still land.
	 */
	mode: 'file' | 'batch';
	/** Records per transaction (and per dry-run pass); 500 by default. */
	batchSize?: number;
	/** Report what would change and write nothing: no products, versions or search updates. */
	dryRun: boolean;
	/** Called after each record: records done and in all. */
	onProgress?(done: number, total: number): void;
	/** Comment on the versions the import writes. */
	comment?: string;
}

/** Records per transaction unless told otherwise: large enough to be quick, small enough to let other writers in. */
export const IMPORT_BATCH_SIZE = 500;

type StructureRecord =
	| { kind: 'attributes'; rec: Sourced<AttributeInput> }
	| { kind: 'families'; rec: Sourced<FamilyInput> }
	| { kind: 'categories'; rec: Sourced<CategoryInput> };
type AnyRecord = StructureRecord | { kind: 'products'; rec: BundleProduct };

/** Records written together: one batch, or one file in per-file mode. */
interface Unit {
	/** The file a per-file unit stands for (its rows roll back together). */
	file: string | null;
	records: AnyRecord[];
}

/** What one unit did, kept apart until the unit is known to stay (per-file mode may roll it back). */
class Tally {
	counts = new Map<RecordKind, RecordCounts>();
	rejected: RejectedRow[] = [];
	drafted: string[] = [];
	families = new Set<number>();
	categories = new Set<number>();
	saved = new Set<number>();
	notes: string[] = [];

	count(kind: RecordKind, outcome: keyof RecordCounts) {
		const c = this.counts.get(kind) ?? this.counts.set(kind, emptyCounts()).get(kind)!;
		c[outcome]++;
	}

	/** Everything good in it was rolled back: it counts as skipped, and nothing needs refreshing. */
	rollBack() {
		for (const c of this.counts.values()) {
			c.skipped += c.created + c.updated + c.unchanged;
			c.created = c.updated = c.unchanged = 0;
		}
		this.drafted = [];
		this.families.clear();
		this.categories.clear();
		this.saved.clear();
	}

	addTo(report: ImportReport, run: { families: Set<number>; categories: Set<number>; saved: Set<number>; drafted: string[] }) {
		for (const [kind, c] of this.counts) for (const k of Object.keys(c) as (keyof RecordCounts)[]) report.counts[kind][k] += c[k];
		report.rejected.push(...this.rejected);
		for (const n of this.notes) if (!report.notes.includes(n)) report.notes.push(n);
		run.drafted.push(...this.drafted);
		for (const id of this.families) run.families.add(id);
		for (const id of this.categories) run.categories.add(id);
		for (const id of this.saved) run.saved.add(id);
	}
}

/** Thrown inside a transaction to roll it back on purpose. */
const ROLLBACK = Symbol('rollback');

const nextTick = () => new Promise<void>((resolve) => setImmediate(resolve));

const chunk = <T>(list: T[], size: number): T[][] => {
	const out: T[][] = [];
	for (let i = 0; i < list.length; i += size) out.push(list.slice(i, i + size));
	return out;
};

/**
 * Writes an import bundle through the same domain functions as the editor: structure first
 * (locales, channels, attributes, families, categories: created when new, updated when
 * different, left alone when the same), then products through `saveProduct`, which validates,
 * records a version and queues the search update. Each record runs in its own savepoint, so a
 * refused one is reported (file, line, reason) without undoing the others of its batch;
 * per-file mode then rolls back any file with a refused row. A product equal to the stored one
 * writes nothing, so importing the same file twice changes nothing.
 *
 * A dry run goes through the same steps in transactions it rolls back, one batch at a time
 * (with the structure replayed in each), so it reports exactly what a real run would do while
 * never holding the database for longer than a batch. Between batches it yields to other work.
 */
export async function applyBundle(db: PimDb, bundle: ImportBundle, opts: ApplyOptions): Promise<ImportReport> {
	const started = performance.now();
	const batchSize = Math.max(1, Math.min(opts.batchSize ?? IMPORT_BATCH_SIZE, 10_000));
	const report = emptyReport(opts.dryRun, opts.mode);
	report.notes.push(...bundle.notes);
	report.unreadable = bundle.rejected.length;
	report.rejected.push(...bundle.rejected);
	const run = { families: new Set<number>(), categories: new Set<number>(), saved: new Set<number>(), drafted: [] as string[] };
	const client = db.$client;
	// Nested in a transaction, better-sqlite3 runs this as a savepoint: a refused record undoes only itself.
	const savepoint = client.transaction((fn: () => unknown) => fn()) as unknown as <T>(fn: () => T) => T;

	// Products named twice, or two products claiming one SKU or GTIN: the later one is refused up
	// front, so a dry run (whose batches do not see each other) says what a real run would.
	const { products, duplicates } = dedupe(bundle.products);
	report.rejected.push(...duplicates);
	report.counts.products.rejected += duplicates.length;

	const structure: StructureRecord[] = [
		...bundle.attributes.map((rec) => ({ kind: 'attributes' as const, rec })),
		...bundle.families.map((rec) => ({ kind: 'families' as const, rec })),
		...bundle.categories.map((rec) => ({ kind: 'categories' as const, rec }))
	];
	const productRecords: AnyRecord[] = products.map((rec) => ({ kind: 'products' as const, rec }));
	const total = bundle.locales.length + bundle.channels.length + structure.length + productRecords.length;
	let done = 0;
	const progress = () => opts.onProgress?.(Math.min(done, total), total);
	progress();

	// In per-file mode a file with a row refused before writing (unreadable, or contradicting
	// another) is refused whole; its other rows are still checked, to report every problem.
	const tainted = new Set(opts.mode === 'file' ? [...bundle.rejected, ...duplicates].map((r) => r.file) : []);
	const preferFallback =
		bundle.locales.find((l) => l.code === 'en' || l.code.startsWith('en-'))?.code ?? bundle.locales[0]?.code ?? null;

	// The definition is read once per batch, and again only when a record of another kind needs
	// what the records before it wrote (families need the attributes just created).
	let def: CatalogDefinition | null = null;
	let dirty = false;
	let lastKind: RecordKind | null = null;
	const definition = () => {
		if (!def) {
			def = loadDefinition(db);
			dirty = false;
		}
		return def;
	};
	const changed = () => (dirty = true);
	const reset = () => (def = null);
	const turnTo = (kind: RecordKind) => {
		if (dirty && kind !== lastKind) def = null;
		lastKind = kind;
	};

	/** Locales and channels: what every other record is checked against. */
	const runCatalog = (tally: Tally, counting: boolean) => {
		turnTo('locales');
		for (const l of bundle.locales) {
			record(tally, 'locales', { file: '', line: 0 }, l.code, () => applyLocale(db, l, preferFallback));
			if (counting) done++;
		}
		turnTo('channels');
		for (const c of bundle.channels) {
			record(tally, 'channels', { file: '', line: 0 }, c.code, () => applyChannel(db, c));
			if (counting) done++;
		}
		if (counting) progress();
	};

	/** Runs one record in a savepoint and counts what it did; a refusal becomes rejected rows. */
	const record = (tally: Tally, kind: RecordKind, source: { file: string; line: number }, code: string, fn: () => Outcome) => {
		try {
			const outcome = savepoint(fn);
			tally.count(kind, outcome);
			if (outcome !== 'unchanged') changed();
		} catch (e) {
			if (!isRefusal(e)) throw e;
			tally.count(kind, 'rejected');
			tally.rejected.push({ file: source.file, line: source.line, code, reason: reasonOf(e as Error) });
		}
	};

	const runStructure = (r: StructureRecord, tally: Tally) => {
		const { file, line } = r.rec.source;
		const code = r.rec.data.code;
		turnTo(r.kind);
		if (r.kind === 'attributes') record(tally, r.kind, { file, line }, code, () => applyAttribute(db, definition(), r.rec.data));
		else if (r.kind === 'families')
			record(tally, r.kind, { file, line }, code, () => {
				const out = applyFamily(db, definition(), r.rec.data);
				if (out.refresh !== null) tally.families.add(out.refresh);
				return out.outcome;
			});
		else
			record(tally, r.kind, { file, line }, code, () => {
				const out = applyCategory(db, definition(), r.rec.data);
				if (out.refresh !== null) tally.categories.add(out.refresh);
				if (out.note) tally.notes.push(out.note);
				return out.outcome;
			});
	};

	const runProducts = (list: BundleProduct[], tally: Tally, counting: boolean) => {
		if (!list.length) return;
		// Structure records before them may have changed it; then it is read again, once for the batch.
		turnTo('products');
		const d = definition();
		const keep = storedMedia(db, list.filter((p) => p.data.media === undefined).map((p) => p.data.code));
		for (const p of list) {
			const conformed = conformProduct(d, p.data, tally.notes);
			const input: ProductInput = conformed.media === undefined ? { ...conformed, media: keptMedia(keep.get(p.data.code), conformed) } : conformed;
			try {
				if (p.partial && productExists(p.data.code))
					throw new ConflictError(
						'Some of its variant rows were refused (see their lines): it is left as it is, so that those variants are not removed. Fix the rows and import again.'
					);
				const result = saveOne(input, p.publish, d);
				tally.count('products', result.unchanged ? 'unchanged' : result.revision === 1 ? 'created' : 'updated');
				if (result.drafted && !result.unchanged) tally.drafted.push(p.data.code);
				if (!result.unchanged) tally.saved.add(result.id);
			} catch (e) {
				if (!isRefusal(e)) throw e;
				tally.count('products', 'rejected');
				tally.rejected.push(...productRejections(p, e as DomainError));
			}
			if (counting) {
				done++;
				progress();
			}
		}
	};

	const existing = client.prepare('SELECT 1 FROM product WHERE code = ?').pluck();
	const productExists = (code: string) => existing.get(code) !== undefined;

	const saveOne = (input: ProductInput, publish: BundleProduct['publish'], d: CatalogDefinition): SaveResult & { drafted?: boolean } => {
		const save = (status?: ProductInput['status']) =>
			savepoint(() =>
				saveProduct(db, status ? { ...input, status } : input, opts.author, { definition: d, skipUnchanged: true, skipOutbox: true, comment: opts.comment ?? 'Imported' })
			);
		if (publish === 'as-given') return save();
		try {
			return save('published');
		} catch (e) {
			// Not complete enough to publish (or refused for another reason, which the draft save repeats).
			if (!(e instanceof ValidationError)) throw e;
			return { ...save('draft'), drafted: true };
		}
	};

	/** Runs a unit's records; in per-file mode a refused row rolls back the unit (when `atomic`). */
	const runUnit = (unit: Unit, tally: Tally, counting: boolean, atomic: boolean) => {
		const body = () => {
			let products: BundleProduct[] = [];
			for (const r of unit.records) {
				if (r.kind === 'products') products.push(r.rec);
				else {
					runProducts(products, tally, counting);
					products = [];
					runStructure(r, tally);
					if (counting) {
						done++;
						progress();
					}
				}
			}
			runProducts(products, tally, counting);
			// A file with a row its reader refused is still checked row by row, so every problem is reported.
			if (atomic && (tally.rejected.length || (unit.file !== null && tainted.has(unit.file)))) throw ROLLBACK;
			// One outbox insert for the batch, in its transaction, rather than one per product.
			if (!opts.dryRun) enqueueProducts(db, tally.saved);
		};
		try {
			if (client.inTransaction) savepoint(body);
			else client.transaction(body).immediate();
			return true;
		} catch (e) {
			if (e !== ROLLBACK) throw e;
			reset();
			tally.rollBack();
			return false;
		}
	};

	const fileMode = opts.mode === 'file';
	const structureUnits: Unit[] = fileMode ? byFile(structure) : chunk(structure, batchSize).map((records) => ({ file: null, records }));
	const rolledBack = new Set<string>(tainted);

	if (!opts.dryRun) {
		const catalog = new Tally();
		client.transaction(() => runCatalog(catalog, true)).immediate();
		catalog.addTo(report, run);
		const units: Unit[] = fileMode ? byFile([...structure, ...productRecords]) : [...structureUnits, ...chunk(productRecords, batchSize).map((records) => ({ file: null, records }))];
		for (const unit of units) {
			const tally = new Tally();
			if (!runUnit(unit, tally, true, fileMode) && unit.file !== null) rolledBack.add(unit.file);
			tally.addTo(report, run);
			await nextTick();
		}
		// Products the import did not save but whose family or category changed: completeness and search follow.
		const reach = new Set<number>();
		if (run.families.size)
			for (const r of db.select({ id: product.id }).from(product).where(inArray(product.familyId, [...run.families])).all()) reach.add(r.id);
		for (const c of run.categories) for (const id of productsInSubtree(db, c)) reach.add(id);
		for (const id of run.saved) reach.delete(id);
		if (reach.size) report.refreshed = (await refreshProducts(db, reach)).touched;
	} else {
		// Product files are checked batch by batch too; per-file mode then counts a file with a
		// refused row as rolled back, as the real run would.
		const productUnits: Unit[] = fileMode
			? byFile(productRecords).flatMap((u) => chunk(u.records, batchSize).map((records) => ({ file: u.file, records })))
			: chunk(productRecords, batchSize).map((records) => ({ file: null, records }));
		const fileTallies = new Map<string, Tally>();
		let first = true;
		const replay = (fn: () => void) => {
			try {
				client.transaction(() => {
					fn();
					throw ROLLBACK;
				}).immediate();
			} catch (e) {
				if (e !== ROLLBACK) throw e;
			}
			reset();
		};
		const structurePass = () => {
			const counting = first;
			const catalog = new Tally();
			runCatalog(catalog, counting);
			if (counting) catalog.addTo(report, run);
			for (const unit of structureUnits) {
				const tally = new Tally();
				if (!runUnit(unit, tally, counting, fileMode) && counting && unit.file !== null) rolledBack.add(unit.file);
				if (counting) tally.addTo(report, run);
			}
			first = false;
		};
		if (!productUnits.length) replay(structurePass);
		for (const unit of productUnits) {
			const tally = unit.file !== null && fileMode ? (fileTallies.get(unit.file) ?? fileTallies.set(unit.file, new Tally()).get(unit.file)!) : new Tally();
			replay(() => {
				structurePass();
				runUnit(unit, tally, true, false);
			});
			if (!fileMode) tally.addTo(report, run);
			await nextTick();
		}
		for (const [file, tally] of fileTallies) {
			if (tally.rejected.length || rolledBack.has(file)) {
				tally.rollBack();
				rolledBack.add(file);
			}
			tally.addTo(report, run);
		}
	}

	report.drafted = run.drafted.length;
	if (run.drafted.length) {
		const some = run.drafted.slice(0, 20).join(', ');
		report.notes.push(
			`${run.drafted.length} product${run.drafted.length === 1 ? '' : 's'} to publish ${opts.dryRun ? 'would be' : (run.drafted.length === 1 ? 'was' : 'were')} saved as draft${run.drafted.length === 1 ? '' : 's'}, not complete enough for the kiosk: ${some}${run.drafted.length > 20 ? '…' : ''}`
		);
	}
	report.rolledBack = [...rolledBack].filter(Boolean).sort();
	report.rejected.sort((a, b) => (a.file === b.file ? a.line - b.line : a.file < b.file ? -1 : 1));
	done = total;
	progress();
	report.durationMs = Math.round(performance.now() - started);
	return report;
}

type Values = NonNullable<ProductInput['values']>;

/**
 * Values shaped for an attribute as another catalog has it (per channel, translated, a list of
 * options) brought to the shape this catalog's attribute has, when that can be done without
 * guessing: one channel's or locale's value kept where the attribute has one value, a value
 * given to every channel, a list of one option taken as that option. Each such change is noted
 * once. Anything else is left for the save to refuse.
 */
function conformValues(def: CatalogDefinition, values: Values | undefined, notes: string[]): Values | undefined {
	if (!values) return values;
	let out: Values | null = null;
	const note = (text: string) => {
		if (!notes.includes(text)) notes.push(text);
	};
	const channelOrder = [...def.channels.keys()];
	for (const [code, byChannel] of Object.entries(values)) {
		const attr = def.attributes.get(code);
		if (!attr || !byChannel || typeof byChannel !== 'object') continue;
		let next: Record<string, Record<string, unknown>> = byChannel;
		const given = Object.keys(next);
		if (!attr.perChannel && given.some((c) => c !== ALL)) {
			const keep = next[ALL] ? ALL : (channelOrder.find((c) => next[c]) ?? given[0]);
			if (given.some((c) => canonical(next[c]) !== canonical(next[keep]))) note(`${code} has one value for all channels in this catalog: the ${keep === ALL ? 'shared' : keep} value was kept`);
			next = { [ALL]: next[keep] };
		} else if (attr.perChannel && given.includes(ALL)) {
			const shared = next[ALL];
			next = Object.fromEntries(channelOrder.map((c) => [c, { ...shared, ...(next[c] ?? {}) }]));
			note(`${code} differs per channel in this catalog: its value was given to every channel`);
		}
		const locales: Record<string, Record<string, unknown>> = {};
		for (const [ch, byLocale] of Object.entries(next)) {
			if (!byLocale || typeof byLocale !== 'object') {
				locales[ch] = byLocale;
				continue;
			}
			const keys = Object.keys(byLocale);
			let data: Record<string, unknown> = byLocale;
			if (!attr.localizable && keys.some((l) => l !== ALL)) {
				const keep = ALL in data ? ALL : def.fallbackLocale in data ? def.fallbackLocale : keys[0];
				if (keys.length > 1) note(`${code} is not translated in this catalog: the ${keep === ALL ? 'shared' : keep} value was kept`);
				data = { [ALL]: data[keep] };
			} else if (attr.localizable && ALL in data) {
				const { [ALL]: shared, ...rest } = data;
				data = { [def.fallbackLocale]: shared, ...rest };
				note(`${code} is translated in this catalog: its value was taken as ${def.fallbackLocale}`);
			}
			if (attr.type === 'select' || attr.type === 'multiselect')
				data = Object.fromEntries(
					Object.entries(data).map(([l, v]) => {
						if (attr.type === 'select' && Array.isArray(v) && v.length === 1) {
							note(`${code} is a single choice in this catalog: a list of one option was taken as that option`);
							return [l, v[0]];
						}
						if (attr.type === 'multiselect' && typeof v === 'string' && v !== '') return [l, [v]];
						return [l, v];
					})
				);
			locales[ch] = data;
		}
		if (canonical(locales) !== canonical(byChannel)) (out ??= { ...values })[code] = locales;
	}
	return out ?? values;
}

/** A product with every value set (its own and its variants') brought to the catalog's attributes. */
function conformProduct(def: CatalogDefinition, data: ProductInput, notes: string[]): ProductInput {
	const leaf = <T extends { values?: Values }>(v: T): T => {
		const values = conformValues(def, v.values, notes);
		return values === v.values ? v : { ...v, values };
	};
	const values = conformValues(def, data.values, notes);
	const variants = (data.variants ?? []).map((v) => {
		const node = leaf(v);
		const children = v.children?.map(leaf);
		return children && children.some((c, i) => c !== v.children![i]) ? { ...node, children } : node;
	});
	const same = values === data.values && variants.every((v, i) => v === data.variants[i]);
	return same ? data : { ...data, values, variants };
}

/** Units of per-file mode: one per file, in the order files first appear (so structure files come first). */
function byFile(records: AnyRecord[]): Unit[] {
	const files = new Map<string, AnyRecord[]>();
	for (const r of records) {
		const file = r.rec.source.file;
		(files.get(file) ?? files.set(file, []).get(file)!).push(r);
	}
	return [...files].map(([file, list]) => ({ file, records: list }));
}

/** Refusals a row can earn: domain errors, and constraint errors SQLite raises (a race with another writer). */
function isRefusal(e: unknown): boolean {
	if (e instanceof DomainError) return true;
	const code = e instanceof Error ? (e as Error & { code?: unknown }).code : undefined;
	return typeof code === 'string' && code.startsWith('SQLITE_CONSTRAINT');
}

/** Refuses the later of two products with the same code, or claiming a SKU or GTIN another product of the import has. */
function dedupe(list: BundleProduct[]): { products: BundleProduct[]; duplicates: RejectedRow[] } {
	const codes = new Map<string, BundleProduct>();
	const skus = new Map<string, string>();
	const gtins = new Map<string, string>();
	const products: BundleProduct[] = [];
	const duplicates: RejectedRow[] = [];
	const where = (p: BundleProduct) => `${p.source.file} line ${p.source.line}`;
	for (const p of list) {
		const code = p.data.code;
		const first = codes.get(code);
		const lineOf = (c: string) => p.lines?.[c] ?? p.source;
		const refuse = (at: { file: string; line: number }, c: string, reason: string) => duplicates.push({ file: at.file, line: at.line, code: c, reason });
		if (first) {
			refuse(p.source, code, `Product ${code} appears twice in this import (first at ${where(first)})`);
			continue;
		}
		const nodes = (p.data.variants ?? []).flatMap((v) => [v, ...(v.children ?? [])]);
		const clash = nodes.find((v) => skus.has(v.code) && skus.get(v.code) !== code);
		if (clash) {
			refuse(lineOf(clash.code), clash.code, `SKU ${clash.code} is also given to product ${skus.get(clash.code)} in this import`);
			continue;
		}
		const leaves = (p.data.variants ?? []).flatMap((v) => (v.children?.length ? v.children : [v]));
		const gtinClash = leaves.find((v) => {
			const g = typeof v.gtin === 'string' ? normalizeGtin(v.gtin) : null;
			return g !== null && gtins.has(g) && gtins.get(g) !== code;
		});
		if (gtinClash) {
			refuse(lineOf(gtinClash.code), gtinClash.code, `GTIN ${gtinClash.gtin} is also given to product ${gtins.get(normalizeGtin(gtinClash.gtin!)!)} in this import`);
			continue;
		}
		codes.set(code, p);
		for (const v of nodes) skus.set(v.code, code);
		for (const v of leaves) {
			const g = typeof v.gtin === 'string' ? normalizeGtin(v.gtin) : null;
			if (g) gtins.set(g, code);
		}
		products.push(p);
	}
	return { products, duplicates };
}

type MediaLinks = NonNullable<ProductInput['media']>;

/** The media links of stored products, for products whose import says nothing of media (imports carry no files). */
function storedMedia(db: PimDb, codes: string[]): Map<string, MediaLinks> {
	const out = new Map<string, MediaLinks>();
	if (!codes.length) return out;
	const rows = db.all<{ code: string; media_id: number; role: 'image' | 'model3d'; variant: string | null; alt: string }>(sql`
		SELECT p.code, pm.media_id, pm.role, v.code AS variant, pm.alt FROM product_media pm
		JOIN product p ON p.id = pm.product_id LEFT JOIN variant v ON v.id = pm.variant_id
		WHERE p.code IN (SELECT value FROM json_each(${JSON.stringify(codes)})) ORDER BY pm.product_id, pm.position`);
	for (const r of rows) {
		const list = out.get(r.code) ?? out.set(r.code, []).get(r.code)!;
		list.push({ media: r.media_id, role: r.role, variant: r.variant, alt: JSON.parse(r.alt) as Record<string, string> });
	}
	return out;
}

/** Kept media, less the links to variants the import removes. */
function keptMedia(links: MediaLinks | undefined, input: ProductInput): MediaLinks {
	if (!links) return [];
	const codes = new Set((input.variants ?? []).flatMap((v) => [v.code, ...(v.children ?? []).map((c) => c.code)]));
	return links.filter((m) => !m.variant || codes.has(m.variant));
}

/** A field path as people read it: values.name.*.en → "name (en)", prices.USD.amount → "prices USD amount". */
function readablePath(path: string[]): string {
	if (path[0] === 'values' && path.length >= 2) {
		const [, attr, channel, locale] = path;
		const scope = [locale, channel].filter((s) => s && s !== '*');
		return scope.length ? `${attr} (${scope.join(', ')})` : attr;
	}
	return path.join(' ');
}

/** A refusal as a reason a merchandiser can act on: the issues with their fields, or the message. */
export function reasonOf(e: Error, issues: Issue[] = e instanceof ValidationError || e instanceof ConflictError ? e.issues : []): string {
	const generic = /has errors$|^Invalid \w+$|was not saved$/.test(e.message);
	const text = issues.map((i) => (i.path ? `${readablePath(i.path.split('.'))}: ${i.message}` : i.message)).join('; ');
	if (!issues.length) return e.message;
	if (generic) return text;
	// The publishing rule's message already names what is missing.
	if (issues.every((i) => i.message.startsWith('Required for'))) return e.message;
	return `${e.message}: ${text}`;
}

/**
 * A refused product as rejected rows: each issue at the row of the variant it concerns (when the
 * format gave variants rows of their own), the others at the product's first row.
 */
function productRejections(p: BundleProduct, e: DomainError): RejectedRow[] {
	const issues = e instanceof ValidationError || e instanceof ConflictError ? e.issues : [];
	const variants = p.data.variants ?? [];
	const lineOf = (code: string) => p.lines?.[code] ?? p.source;
	const manyRows = new Set(Object.values(p.lines ?? {}).map((l) => `${l.file}:${l.line}`)).size > 1;
	const suffix = manyRows ? ` (product ${p.data.code} was not imported)` : '';
	if (!issues.length) return [{ file: p.source.file, line: p.source.line, code: p.data.code, reason: reasonOf(e) + suffix }];
	const groups = new Map<string, { at: { file: string; line: number }; code: string; issues: Issue[] }>();
	const add = (at: { file: string; line: number }, code: string, issue: Issue) => {
		const key = `${at.file}:${at.line}`;
		const g = groups.get(key) ?? groups.set(key, { at, code, issues: [] }).get(key)!;
		g.issues.push(issue);
	};
	for (const issue of issues) {
		const path = issue.path.split('.');
		const named = /^(?:SKU|GTIN) (\S+)/.exec(issue.message);
		if (path[0] === 'variants' && /^\d+$/.test(path[1] ?? '')) {
			const v = variants[Number(path[1])];
			const child = path[2] === 'children' && /^\d+$/.test(path[3] ?? '') ? v?.children?.[Number(path[3])] : undefined;
			const node = child ?? v;
			const rest = path.slice(child ? 4 : 2).join('.');
			if (node) {
				add(lineOf(node.code), node.code, { path: rest, message: issue.message });
				continue;
			}
		} else if (named && p.lines) {
			const code = named[1];
			const leaf = variants.flatMap((v) => [v, ...(v.children ?? [])]).find((v) => v.code === code || (typeof v.gtin === 'string' && normalizeGtin(v.gtin) === code));
			if (leaf) {
				add(lineOf(leaf.code), leaf.code, { path: '', message: issue.message });
				continue;
			}
		}
		add(p.source, p.data.code, issue);
	}
	return [...groups.values()].map((g) => ({ file: g.at.file, line: g.at.line, code: g.code, reason: reasonOf(e, g.issues) + suffix }));
}
