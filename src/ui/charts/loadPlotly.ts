/** Minimal typing of the Plotly API the dashboard uses (plotly.js-dist-min ships no types). */
export interface PlotlyApi {
  react(el: HTMLElement, data: object[], layout: object, config?: object): Promise<unknown>;
  purge(el: HTMLElement): void;
  Plots: { resize(el: HTMLElement): void };
}

export interface PlotlyHTMLElement extends HTMLElement {
  on(event: 'plotly_click', handler: (e: { points: { pointIndex: number; curveNumber: number }[] }) => void): void;
  removeAllListeners?(event: string): void;
}

let plotly: Promise<PlotlyApi> | null = null;

/** Plotly is 4.6 MB: load it on first use only, as its own chunk. */
export function loadPlotly(): Promise<PlotlyApi> {
  plotly ??= import('plotly.js-dist-min').then((m) => ((m as { default?: unknown }).default ?? m) as PlotlyApi);
  return plotly;
}
