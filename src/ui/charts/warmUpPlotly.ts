import { loadPlotly } from './loadPlotly.ts';
import { baseLayout, fixedAxis } from './chartLayout.ts';

/** One idle callback (or a timeout where there is none). */
function idle(): Promise<void> {
  return new Promise((resolve) => {
    if (typeof requestIdleCallback === 'undefined') setTimeout(resolve, 50);
    else requestIdleCallback(() => resolve(), { timeout: 5000 });
  });
}

/**
 * Draws a small bar chart and a small line chart off screen, one per idle callback, and throws them
 * away. Plotly's first figure of a kind costs far more than the next (its attribute defaults, styles
 * and text measuring are set up on first use: ~300 ms on the bench machine, most of the first results
 * chart's time); done while the page waits for input, the results' charts start from the warm state.
 */
export async function warmUpPlotly(): Promise<void> {
  const Plotly = await loadPlotly();
  const box = document.createElement('div');
  box.setAttribute('aria-hidden', 'true');
  box.style.cssText = 'position:absolute;left:-10000px;top:0;width:480px;height:300px;contain:strict;visibility:hidden';
  document.body.appendChild(box);
  const layout = {
    ...baseLayout,
    height: 300,
    width: 480,
    margin: { l: 55, r: 20, t: 36, b: 72 },
    xaxis: { ...fixedAxis, title: { text: 'x' } },
    yaxis: { ...fixedAxis, title: { text: 'y' }, tickformat: '.0%' },
  };
  const config = { staticPlot: false, displaylogo: false, showTips: false };
  try {
    await idle();
    // Not Plotly, but the same kind of first-use cost: the results' first toLocaleString('en') sets up the
    // locale's number format (~40 ms, in the task that shows the results); once here, it is cached.
    void (1234567.5).toLocaleString('en');
    await idle();
    await Plotly.react(box, [{ type: 'bar', x: [1, 2], y: [0.5, 0.5], name: 'a' }], layout, config);
    await idle();
    await Plotly.react(box, [{ type: 'scatter', mode: 'lines', x: [1, 2], y: [0, 1], line: { shape: 'hv' }, name: 'b' }], layout, config);
  } finally {
    Plotly.purge(box);
    box.remove();
  }
}
