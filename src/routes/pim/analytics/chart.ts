import type { ChartConfiguration } from 'chart.js';
import type { Attachment } from 'svelte/attachments';

/** Series colours: the accent first, all dark enough to read on white. */
export const PALETTE = ['#0b5cad', '#1c6b3a', '#8a5a00', '#b3261e', '#6b4fa0', '#0f7c8c', '#55565c'];

/**
 * Draws a Chart.js chart on a canvas. Chart.js is imported on first use, so only this page
 * downloads it; a new config (another store or range) draws a new chart.
 */
export function chart(config: ChartConfiguration): Attachment<HTMLCanvasElement> {
	return (canvas) => {
		let instance: { destroy(): void } | null = null;
		let gone = false;
		import('./chart-setup.ts').then(
			({ Chart }) => {
				if (!gone) instance = new Chart(canvas, config);
			},
			// The same figures are in the table beside the chart.
			() => undefined
		);
		return () => {
			gone = true;
			instance?.destroy();
		};
	};
}

/** Options every chart of the page shares: fills its box, integer counts from zero. */
export function baseOptions(horizontal = false): NonNullable<ChartConfiguration['options']> {
	const counts = { beginAtZero: true, ticks: { precision: 0 } };
	return {
		responsive: true,
		maintainAspectRatio: false,
		indexAxis: horizontal ? 'y' : 'x',
		scales: horizontal ? { x: counts } : { y: counts },
		plugins: { legend: { display: false } }
	};
}
