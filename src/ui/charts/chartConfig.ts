/**
 * The one Plotly config every dashboard chart gets (PlotlyChart.svelte passes it to Plotly.react).
 *
 * Nothing in a chart may link out or upload: plotly.js 4.x shows a "Share chart..." button by default
 * (`showSendToCloud` defaults to true) that opens a popup to `plotlyServerURL`
 * (https://cloud.plotly.com/newchart) and posts the chart's data to it, and the "Produced with Plotly"
 * logo links to plotly.com. The page's CSP does not stop a popup, so the mode bar gets an explicit
 * allow-list instead of a remove-list: a button a future Plotly adds never shows up by itself.
 * (`showLink`, `showSources`, `showEditInChartStudio`, `linkText` and `sendData` were removed in
 * plotly.js 3; tests/ui/chartConfig.test.ts checks they are absent from the bundled version.)
 */

/** Zoom, pan and back to the initial axes; only for charts whose axes can move. */
export const ZOOM_BUTTONS = ['zoom2d', 'pan2d', 'resetScale2d'] as const;
/** PNG download (Plotly draws it to a canvas and saves a data URL: no request). */
export const DOWNLOAD_BUTTONS = ['toImage'] as const;

interface Axis {
  fixedrange?: boolean;
}

/** True when some x or y axis of `layout` can be zoomed (Plotly's own rule for showing zoom buttons). */
export function zoomable(layout: object): boolean {
  const axes = Object.entries(layout).filter(([k]) => /^[xy]axis\d*$/.test(k));
  if (!axes.length) return true; // default axes are zoomable
  return axes.some(([, a]) => !(a as Axis | undefined)?.fixedrange);
}

export function chartConfig(layout: object, filename = 'drift-monitor-chart'): Record<string, unknown> {
  return {
    responsive: true,
    displaylogo: false, // the "Produced with Plotly" link to plotly.com
    showSendToCloud: false, // the "Share chart..." button and its popup
    plotlyServerURL: '', // and no destination: sendChartToCloud refuses an empty URL
    showTips: false, // the first-use "double-click to zoom back out" notifier
    modeBarButtons: [[...(zoomable(layout) ? ZOOM_BUTTONS : []), ...DOWNLOAD_BUTTONS]],
    toImageButtonOptions: { format: 'png', filename },
  };
}
