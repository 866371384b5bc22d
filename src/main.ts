import { mount } from 'svelte';
import App from './ui/App.svelte';
import './app.css';

const target = document.getElementById('app');
if (!target) throw new Error('index.html has no #app element');
export default mount(App, { target });

// Plotly (4.6 MB) stays out of the first load; fetch and evaluate it once the page is idle, and draw
// a throwaway figure or two (warmUpPlotly), so the long tasks of its first use happen before a run
// rather than when the first results arrive.
import { warmUpPlotly } from './ui/charts/warmUpPlotly.ts';
const preload = () => void warmUpPlotly().catch(() => undefined);
if ('requestIdleCallback' in window) requestIdleCallback(preload, { timeout: 3000 });
else setTimeout(preload, 1500);

// The workers a run starts with, started while the page is idle (src/ui/run/spareWorkers.ts).
import { keepSpareWorkers } from './ui/run/spareWorkers.ts';
import { partsOptions } from './ui/run/planParts.ts';
keepSpareWorkers(partsOptions(location.search, navigator.hardwareConcurrency).workers);
