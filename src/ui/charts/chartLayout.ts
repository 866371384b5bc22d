/**
 * Layout pieces every chart shares. The legend sits below the plot, at the bottom of the figure
 * (`yref: 'container'`, the plot area shrinks to make room), because the mode bar (zoom, pan, reset,
 * download) floats over the top right of the figure and covered a legend placed above the plot on
 * narrow screens. Axes use `automargin`, so long tick labels and axis titles grow the margins instead
 * of being cut off at the figure's edge; the fixed margins are only the minimum.
 */
export const baseLayout = {
  font: { family: 'system-ui, sans-serif', size: 12 },
  paper_bgcolor: 'rgba(0,0,0,0)',
  plot_bgcolor: 'rgba(0,0,0,0)',
  legend: { orientation: 'h', x: 0, xanchor: 'left', y: 0, yref: 'container', yanchor: 'bottom' },
} as const;

/** Top margin: room for the mode bar (about 30 px) above the plot area, so it covers no bar or line either. */
export const TOP_MARGIN = 36;
