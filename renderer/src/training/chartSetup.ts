// chart.js with only what the trends draw (a line, bars with a target line, category and linear scales, legend and
// tooltips), registered once. Imported dynamically by TrendChart, so chart.js is in no chunk but this one's.
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
  BarElement,
  CategoryScale,
  Legend,
  LinearScale,
  LineController,
  LineElement,
  PointElement,
  Tooltip,
);

export { Chart };
