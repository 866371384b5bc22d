/** Okabe-Ito colours (colour-blind safe); status colours always come with a text label. */
export const palette = {
  drifted: '#D55E00', // vermillion
  stable: '#0072B2', // blue
  reference: '#0072B2',
  production: '#E69F00', // orange
  neutral: '#555555',
} as const;
