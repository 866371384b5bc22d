/**
 * Layout pieces every chart shares. The legend sits below the plot, at the bottom of the figure
 * (`yref: 'container'`, the plot area shrinks to make room), because the mode bar (zoom, pan, reset,
 * download) floats over the top right of the figure and covered a legend placed above the plot on
 * narrow screens.
 *
 * Axes do not use Plotly's `automargin`: it measures every tick label in the DOM and draws the figure
 * again when the margins change, about 200 ms per chart on a large result, one main-thread task. The
 * margins are computed here instead from the labels' widths (textWidth), so long tick labels and axis
 * titles still fit inside the figure. The legend keeps Plotly's own margin push (a legend that wraps on
 * a narrow screen grows the bottom margin).
 */
export const baseLayout = {
  font: { family: 'system-ui, sans-serif', size: 12 },
  paper_bgcolor: 'rgba(0,0,0,0)',
  plot_bgcolor: 'rgba(0,0,0,0)',
  legend: { orientation: 'h', x: 0, xanchor: 'left', y: 0, yref: 'container', yanchor: 'bottom' },
} as const;

/**
 * What every axis gets: no automargin (the margins are computed, see above), tick labels never hidden
 * for reaching past the figure (Plotly's default for linear axes measures every label's box to decide)
 * and an explicit angle (an automatic one measures the labels to see whether they overlap). Charts
 * turn long category labels themselves.
 */
export const fixedAxis = { automargin: false, ticklabeloverflow: 'allow', tickangle: 0 } as const;

/** Top margin: room for the mode bar (about 30 px) above the plot area, so it covers no bar or line either. */
export const TOP_MARGIN = 36;

/**
 * Bottom margin with one line of x tick labels: the labels, the x axis title and a one-row legend below
 * them (what Plotly's automargin settled on for these charts: 71 px).
 */
export const BOTTOM_MARGIN = 72;

/** Height of a 12 px text line as Plotly draws tick labels. */
export const LINE_PX = 15;

/**
 * Characters of an axis title at most (longer ones end in an ellipsis): Plotly centres the title under
 * the plot and never wraps it, so a long column name would reach past a phone-width figure.
 */
export const TITLE_CHARS = 34;

let context: { measureText(text: string): { width: number }; font: string } | null | undefined;

/**
 * Width in pixels of `text` in the charts' 12 px font: measured on a canvas (no layout, no DOM) where
 * there is one, else estimated at 0.62 em a character (wider than system-ui's average). Entities that
 * plotlyText wrote (`&amp;`) are measured as written: wider than the character they show.
 */
export function textWidth(text: string): number {
  if (context === undefined) {
    context = null;
    try {
      if (typeof OffscreenCanvas !== 'undefined') context = new OffscreenCanvas(1, 1).getContext('2d');
      if (context) context.font = `12px ${baseLayout.font.family}`;
    } catch {
      context = null;
    }
  }
  // A little over the measured width: SVG text and canvas text may round differently.
  return context ? Math.ceil(context.measureText(text).width * 1.08) + 1 : Math.ceil(text.length * 12 * 0.62);
}

/** Space a tick label of `width` px takes across its axis and along it, drawn at `angle` degrees. */
export function rotatedExtent(width: number, angle: number): { across: number; along: number } {
  const a = (Math.abs(angle) * Math.PI) / 180;
  return { across: Math.ceil(width * Math.sin(a) + LINE_PX * Math.cos(a)), along: Math.ceil(width * Math.cos(a)) };
}
