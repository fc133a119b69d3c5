export { default as RejectForm } from './RejectForm.svelte';
export { default as ReviewFilters } from './ReviewFilters.svelte';
export { default as ReviewPager } from './ReviewPager.svelte';
export { default as ReviewRow } from './ReviewRow.svelte';
export { default as ReviewTable } from './ReviewTable.svelte';
