/**
 * Escape text for Plotly. Plotly renders a subset of HTML (<b>, <br>, <a href>, ...) in tick labels,
 * legends, annotations, text and hover labels, and decodes entities back to characters when it writes
 * the SVG text node. So escaping &, <, >, " and ' makes any CSV-derived string show literally and never
 * become markup. Quotes use numeric entities: Plotly's decoder (svg_text_utils convertEntities) knows
 * &amp; &lt; &gt; and numeric references, but shows &quot; literally. Every string that came from a file must pass through here before it reaches Plotly.
 */
export function plotlyText(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ENTITIES[c]);
}

const ENTITIES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&#34;',
  "'": '&#39;',
};

/** plotlyText after shortening to `max` characters (with an ellipsis), for axis labels. */
export function plotlyLabel(s: string, max = 28): string {
  return plotlyText(s.length > max ? `${s.slice(0, max - 1)}…` : s);
}
