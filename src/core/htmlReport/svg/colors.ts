/**
 * Okabe & Ito's colour-blind-safe palette (Color Universal Design, 2008): blue and orange stay apart
 * under every common colour-vision deficiency; vermillion marks thresholds and drifted bars.
 */
export const REFERENCE_COLOR = '#0072B2';
export const PRODUCTION_COLOR = '#E69F00';
export const ALERT_COLOR = '#D55E00';
export const NEUTRAL_COLOR = '#56B4E9';
