/** Median, p95 and mean of a list of durations in ms. */
export function summarize(samples: number[]) {
	const s = [...samples].sort((a, b) => a - b);
	const at = (q: number) => s[Math.min(s.length - 1, Math.floor(q * s.length))];
	return { n: s.length, median: at(0.5), p95: at(0.95), mean: s.reduce((a, b) => a + b, 0) / s.length };
}

export function fmt(ms: number) {
	return `${ms.toFixed(2)} ms`;
}
