export { default as BulkBar } from './BulkBar.svelte';
export { default as BulkProgress } from './BulkProgress.svelte';
export { default as Pagination } from './Pagination.svelte';
export { default as ProductFilters } from './ProductFilters.svelte';
export { default as ProductTable } from './ProductTable.svelte';
export { BulkRun, postAction } from './bulk-run.svelte.ts';
export { ListSelection } from './selection.svelte.ts';
export { filterKey } from './url.ts';
