export { default as RankingRules } from './RankingRules.svelte';
export { default as RevertForm } from './RevertForm.svelte';
export { default as SynonymGroups } from './SynonymGroups.svelte';
export { default as TaskStatus } from './TaskStatus.svelte';
export { default as TrySearch } from './TrySearch.svelte';
export { default as TuningForm } from './TuningForm.svelte';
export { default as TuningHistory } from './TuningHistory.svelte';
export { default as TypoTolerance } from './TypoTolerance.svelte';
