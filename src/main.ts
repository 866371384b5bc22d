import { mount } from 'svelte';
import App from './ui/App.svelte';
import './app.css';

const target = document.getElementById('app');
if (!target) throw new Error('index.html has no #app element');
export default mount(App, { target });

// Plotly (4.6 MB) stays out of the first load; fetch and evaluate it once the page is idle, so the
// one long task it costs happens before a run rather than when the first results arrive.
import { loadPlotly } from './ui/charts/loadPlotly.ts';
const preload = () => void loadPlotly().catch(() => undefined);
if ('requestIdleCallback' in window) requestIdleCallback(preload, { timeout: 3000 });
else setTimeout(preload, 1500);
