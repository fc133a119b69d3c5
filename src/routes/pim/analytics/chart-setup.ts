// Loaded on demand by chart.ts: only the parts of Chart.js the analytics page draws with, so
// the rest of Chart.js never reaches any bundle, and no other page loads it at all.
import { BarController, BarElement, CategoryScale, Chart, Legend, LinearScale, LineController, LineElement, PointElement, Tooltip } from 'chart.js';

Chart.register(BarController, BarElement, CategoryScale, LinearScale, LineController, LineElement, PointElement, Tooltip, Legend);
Chart.defaults.font.family = getComputedStyle(document.documentElement).fontFamily;
Chart.defaults.color = '#55565c';
// A quiet desktop tool: charts appear, they do not animate in.
Chart.defaults.animation = false;

export { Chart };
