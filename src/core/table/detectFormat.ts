export type Delimiter = ',' | ';' | '\t';
export type Newline = '\n' | '\r\n' | '\r';

const CANDIDATES: Delimiter[] = [',', ';', '\t'];

/**
 * Detects the delimiter (among ',', ';' and tab) and the line ending from the start of a CSV text.
 *
 * Counts each candidate outside double quotes on the first line (the header) and on the second;
 * a candidate that appears on the header and the same number of times on the second line wins,
 * the most frequent first; otherwise the most frequent on the header; none at all gives ','
 * (a one-column file). The line ending is the first one found outside quotes ('\n' if none).
 *
 * @example detectFormat('"a;b",c,d\n1,2,3\n') // { delimiter: ',', newline: '\n' }
 */
export function detectFormat(head: string): { delimiter: Delimiter; newline: Newline } {
  const counts: number[][] = [];
  let line = [0, 0, 0];
  let newline: Newline | null = null;
  let inQuotes = false;
  const start = head.charCodeAt(0) === 0xfeff ? 1 : 0;
  for (let i = start; i < head.length && counts.length < 2; i++) {
    const ch = head[i];
    if (ch === '"') {
      inQuotes = !inQuotes; // "" inside quotes toggles twice: no net effect
    } else if (inQuotes) {
      continue;
    } else if (ch === '\n' || ch === '\r') {
      if (newline === null) newline = ch === '\r' ? (head[i + 1] === '\n' ? '\r\n' : '\r') : '\n';
      if (ch === '\r' && head[i + 1] === '\n') i++;
      counts.push(line);
      line = [0, 0, 0];
    } else {
      const k = ch === ',' ? 0 : ch === ';' ? 1 : ch === '\t' ? 2 : -1;
      if (k >= 0) line[k]++;
    }
  }
  if (counts.length < 2 && line.some((n) => n > 0)) counts.push(line);
  const [first = [0, 0, 0], second] = counts;
  let best = -1;
  let bestScore = 0;
  for (let k = 0; k < 3; k++) {
    if (first[k] === 0) continue;
    const consistent = second !== undefined && second[k] === first[k];
    const score = (consistent ? 1e9 : 0) + first[k];
    if (score > bestScore) {
      best = k;
      bestScore = score;
    }
  }
  return { delimiter: best < 0 ? ',' : CANDIDATES[best], newline: newline ?? '\n' };
}
