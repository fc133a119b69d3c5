export { default as Scanner } from './Scanner.svelte';
export { parseScan, type ScanResult } from './scan-code';
