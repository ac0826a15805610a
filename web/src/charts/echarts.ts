/**
 * ECharts with only what the dashboard draws (tree-shaken through echarts/core), SVG renderer:
 * crisp at any zoom, text readable by tests and screen readers.
 */
import { BarChart, LineChart, ScatterChart } from 'echarts/charts';
import { GridComponent, TooltipComponent } from 'echarts/components';
import { type EChartsCoreOption, init, use } from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';

use([BarChart, LineChart, ScatterChart, GridComponent, TooltipComponent, SVGRenderer]);

// Named imports only: a namespace object would keep all of echarts/core in the bundle.
export { init };
export type EChartsOption = EChartsCoreOption;
