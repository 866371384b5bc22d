/**
 * The one escape of the HTML report: every text that reaches the page (names, categories, file names,
 * messages, numbers) goes through it, in element content and in double-quoted attribute values alike.
 * The five characters are those the HTML spec gives meaning to in both places (& < > " ').
 */
const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(text: unknown): string {
  return String(text).replace(/[&<>"']/g, (c) => ENTITIES[c]);
}
