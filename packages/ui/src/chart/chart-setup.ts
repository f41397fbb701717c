// The only module that imports chart.js. Chart loads it with import() in onMount, so pages that draw
// no chart ship none of it, and it registers only what Chart uses (no chart.js/auto).
import {
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  Legend,
  LinearScale,
  LineController,
  LineElement,
  PointElement,
  Tooltip,
} from 'chart.js';

Chart.register(
  BarController,
  LineController,
  CategoryScale,
  LinearScale,
  BarElement,
  LineElement,
  PointElement,
  Tooltip,
  Legend,
);

export { Chart };
