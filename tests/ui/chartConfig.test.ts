import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { chartConfig, zoomable } from '../../src/ui/charts/chartConfig.ts';

/** The plotly.js bundle the dashboard ships (its config schema is in the minified source). */
const bundle = readFileSync(new URL('../../node_modules/plotly.js-dist-min/plotly.min.js', import.meta.url), 'utf8');
// `key:{valType:` for a plain key, `key:{format:` for toImageButtonOptions (an object of settings).
const inSchema = (key: string) => bundle.includes(`${key}:{valType:`) || bundle.includes(`${key}:{format:`);

describe('chartConfig(layout)', () => {
  it('chartConfig allows only zoom, pan, reset axes and PNG download, and turns off the logo and the cloud share', () => {
    const c = chartConfig({ xaxis: {}, yaxis: {} });
    expect(c.modeBarButtons).toEqual([['zoom2d', 'pan2d', 'resetScale2d', 'toImage']]);
    expect(c).toMatchObject({ displaylogo: false, showSendToCloud: false, plotlyServerURL: '' });
    expect(c.toImageButtonOptions).toMatchObject({ format: 'png' });
  });

  it('chartConfig leaves the zoom buttons out when every axis is fixed (only the download stays)', () => {
    expect(zoomable({ xaxis: { fixedrange: true }, yaxis: { fixedrange: true } })).toBe(false);
    expect(zoomable({ xaxis: { fixedrange: true }, yaxis: {} })).toBe(true);
    expect(zoomable({ height: 300 })).toBe(true);
    expect(chartConfig({ xaxis: { fixedrange: true }, yaxis: { fixedrange: true } }).modeBarButtons).toEqual([['toImage']]);
  });

  it('every chartConfig key is a config key of the bundled plotly.js (a misspelt key would be ignored silently)', () => {
    for (const key of Object.keys(chartConfig({}))) expect([key, inSchema(key)]).toEqual([key, true]);
  });

  it('the bundled plotly.js has no showLink / showSources / showEditInChartStudio / sendData / linkText config (removed in v3), and shares to the cloud by default', () => {
    for (const key of ['showLink', 'showSources', 'showEditInChartStudio', 'sendData', 'linkText'])
      expect([key, inSchema(key)]).toEqual([key, false]);
    // The defaults chartConfig overrides: if these change in an upgrade, revisit chartConfig.
    expect(bundle).toContain('showSendToCloud:{valType:"boolean",dflt:!0}');
    expect(bundle).toContain('plotlyServerURL:{valType:"string",dflt:"https://cloud.plotly.com/newchart"}');
  });
});
