import { describe, expect, it } from 'vitest';
import { formatHistory, historyId, historyLine, mergeHistory, parseHistory, summariseRun } from '../../../src/core/windows/history.ts';
import { sampleReport } from '../report/sampleReport.ts';
import type { Report } from '../../../src/core/report/types.ts';

function report(at: string, drift: boolean): Report {
  const r = sampleReport();
  r.generated_at = at;
  r.summary.overall_drift = drift;
  return r;
}

describe('summariseRun', () => {
  it('keeps the verdict, thresholds, scores and files; the id depends on the content only', () => {
    const r = report('2026-01-01T00:00:00.000Z', true);
    const e = summariseRun(r, {
      reference: { sha256: 'a'.repeat(64), profile_id: null },
      production: [{ file: 'p.csv', sha256: 'b'.repeat(64), rows: 7 }],
    });
    expect(e.history_version).toBe(1);
    expect(e.verdict.overall_drift).toBe(true);
    expect(e.thresholds).toEqual(r.settings.thresholds);
    expect(Object.keys(e.scores)).toEqual(r.features.map((f) => f.name));
    expect(e.production.files).toEqual([{ file: 'p.csv', sha256: 'b'.repeat(64), rows: 7 }]);
    expect(e.id).toMatch(/^[0-9a-f]{32}$/);
    expect(e.id).toBe(historyId(e));
    expect(summariseRun(r, { production: [{ file: 'p.csv', sha256: 'b'.repeat(64), rows: 7 }] }).id).not.toBe(e.id);
    // Key order does not change the id.
    const reverse = (v: unknown): unknown =>
      v === null || typeof v !== 'object' || Array.isArray(v)
        ? v
        : Object.fromEntries(
            Object.entries(v)
              .reverse()
              .map(([k, x]) => [k, reverse(x)]),
          );
    const shuffled = reverse(e) as typeof e;
    expect(Object.keys(shuffled)[0]).toBe('id');
    expect(historyId(shuffled)).toBe(e.id);
  });
});

describe('mergeHistory, parseHistory, formatHistory', () => {
  const a = summariseRun(report('2026-01-02T00:00:00.000Z', false));
  const b = summariseRun(report('2026-01-01T00:00:00.000Z', true));
  const c = summariseRun(report('2026-01-03T00:00:00.000Z', true));

  it('merges two histories without duplicates, oldest first', () => {
    expect(mergeHistory([a, b], [b, c, a]).map((e) => e.created_at)).toEqual([b.created_at, a.created_at, c.created_at]);
  });

  it('reads JSON Lines (blank lines and CRLF tolerated) and names a bad line', () => {
    const text = `${historyLine(a)}\r\n\n${historyLine(b)}\n`;
    expect(parseHistory(text, 'h.jsonl').map((e) => e.id)).toEqual([a.id, b.id]);
    expect(() => parseHistory(`${historyLine(a)}\nnot json\n`, 'h.jsonl')).toThrow(
      'h.jsonl: line 2 is not JSON (starts "not json"); remove or fix that line',
    );
    const noId = { ...a, id: 'x' };
    expect(() => parseHistory(JSON.stringify(noId), 'h.jsonl')).toThrow('h.jsonl: line 1 is not a run summary: id must be 32 hex digits');
  });

  it('a "__proto__" key in a line stays data', () => {
    const line = historyLine(a).replace('"scores":{', '"scores":{"__proto__":{"polluted":true},');
    const [e] = parseHistory(line, 'h.jsonl');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.hasOwn(e.scores, '__proto__')).toBe(true);
  });

  it('prints one line per run with the verdict, oldest first, without control characters', () => {
    const evil = summariseRun(report('2026-01-04T00:00:00.000Z', true), {
      production: [{ file: 'x\u001b[31m.csv', sha256: null, rows: 1 }],
    });
    const out = formatHistory(mergeHistory([a, b, c], [evil]));
    const lines = out.split('\n');
    expect(lines[0]).toMatch(/^run +verdict +drifted +max score +windows +first drift +production$/);
    expect(lines[1]).toMatch(/^2026-01-01 00:00:00 +DRIFT /);
    expect(lines[2]).toMatch(/^2026-01-02 00:00:00 +ok /);
    expect(out).not.toContain('\u001b');
    expect(out).toContain('x?[31m.csv');
    expect(lines.at(-1)).toBe('4 run(s), 3 with drift');
    expect(formatHistory([])).toBe('no runs in the history yet');
  });
});
