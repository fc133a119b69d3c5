export { default as MediaPanel } from './MediaPanel.svelte';
