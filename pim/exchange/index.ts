/**
 * Import and export: readers turn files (our CSV and JSON, Akeneo's CSV export) into an import
 * bundle; `applyBundle` writes a bundle through the catalog's own rules; the exports stream
 * products out page by page.
 */
export type { BundleChannel, BundleLocale, BundleProduct, ChannelLocaleMapping, ImportBundle, RejectedRow, SourceRef, Sourced } from './bundle.ts';
export { applyBundle, IMPORT_BATCH_SIZE, reasonOf, type ApplyOptions } from './apply.ts';
export {
	emptyReport,
	hasRejections,
	RECORD_KINDS,
	rejectedRowsCsv,
	summaryLines,
	type ImportReport,
	type RecordCounts,
	type RecordKind
} from './report.ts';
export {
	AISLE_CSV_DELIMITER,
	AISLE_CSV_FIXED,
	aisleCsvTemplate,
	csvLayout,
	productCsvRows,
	readAisleCsv,
	type AisleReadOptions,
	type CsvLayout,
	type StoredLookup
} from './aisle-csv.ts';
export { AISLE_JSON_FORMAT, aisleJsonTemplate, catalogStructure, productJson, readAisleJson, type CatalogStructure } from './aisle-json.ts';
export {
	EXPORT_PAGE_SIZE,
	exportCount,
	exportProductsCsv,
	exportProductsJson,
	loadProductStates,
	storedProducts,
	textStream,
	type ExportOptions
} from './export.ts';
export { detectFormat, mergeBundles, readImportFiles, unreadableFiles, type ImportFormat, type ReadImportOptions } from './read.ts';
export {
	akeneoFileKind,
	akeneoFilesIn,
	akeneoLocalesAndChannels,
	DEFAULT_AKENEO_MAPPING,
	existingCatalogOf,
	readAkeneoExport,
	type ExistingCatalog,
	type FamilyShape
} from './akeneo.ts';
