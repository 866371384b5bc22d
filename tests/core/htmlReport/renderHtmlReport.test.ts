/**
 * The HTML report's renderer on real analyses: hostile names stay text, the bytes are deterministic, a
 * 100-feature report stays under 1.5 MB, and every section is there.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { analyse } from '../../../src/core/analyse.ts';
import { buildReport } from '../../../src/core/buildReport.ts';
import { defaultConfig } from '../../../src/core/config/defaults.ts';
import { configText } from '../../../src/core/htmlReport/configText.ts';
import { escapeHtml } from '../../../src/core/htmlReport/escapeHtml.ts';
import { HTML_REPORT_CSP, renderHtmlReport } from '../../../src/core/htmlReport/renderHtmlReport.ts';
import { reportDistributions } from '../../../src/core/htmlReport/reportDistributions.ts';
import { SECTIONS } from '../../../src/core/htmlReport/sections/sections.ts';
import type { HtmlReportInput } from '../../../src/core/htmlReport/types.ts';
import type { StatKernels } from '../../../src/core/stattests/kernels.ts';
import { parseCsv } from '../../../src/core/table/parseCsv.ts';
import { loadKernels } from '../../../src/kernels/index.ts';
import { analyseProfiles } from '../../../src/core/profile/analyseProfiles.ts';
import type { EstimatedPerformance, PerformanceReport, RetrainingReport } from '../../../src/core/report/types.ts';
import { profileOf } from '../profile/profileOf.ts';
import { PROFILE_DOMAIN_NOTE, addDomainClassifier } from '../../../src/core/quality/domainClassifier.ts';
import { ALL_TESTS } from '../../../src/core/stattests/registry.ts';
import { mulberry32 as rng } from '../../../src/core/samples/mulberry32.ts';

const HOSTILE_COLUMN = '<img src=x onerror=alert(1)>';
const HOSTILE_CATEGORY = '"><script>alert(2)</script>';
const HOSTILE_FILE = "ref'<svg onload=alert(3)>.csv";

let k: StatKernels;
beforeAll(async () => {
  k = await loadKernels();
});

/** A seeded generator (mulberry32), so the files are the same on every run. */
function csv(rows: number, numeric: number, categorical: number, shift: number, seed: number, hostile: boolean): string {
  const r = rng(seed);
  const names = [
    ...Array.from({ length: numeric }, (_, i) => (hostile && i === 0 ? HOSTILE_COLUMN : `num_${i}`)),
    ...Array.from({ length: categorical }, (_, i) => `cat_${i}`),
  ];
  const quote = (s: string) => `"${s.replace(/"/g, '""')}"`;
  const lines = [names.map(quote).join(',')];
  for (let i = 0; i < rows; i++) {
    const cells: string[] = [];
    for (let j = 0; j < numeric; j++) cells.push(r() < 0.02 ? '' : (r() * 10 + shift * (j % 3) + r() * r() * 5).toFixed(3));
    for (let j = 0; j < categorical; j++) {
      const v = Math.floor(r() * (5 + j) + shift * r() * 2);
      cells.push(quote(hostile && j === 0 && v === 1 ? HOSTILE_CATEGORY : `c${v}`));
    }
    lines.push(cells.join(','));
  }
  return lines.join('\n') + '\n';
}

async function input(
  numeric: number,
  categorical: number,
  hostile: boolean,
  rows = 2000,
  config = defaultConfig(),
): Promise<HtmlReportInput> {
  const read = (text: string, file: string) => parseCsv(text, { file, delimiter: 'auto', missingValues: [''] });
  const refText = csv(rows, numeric, categorical, 0, 1, hostile);
  const prodText = csv(rows, numeric, categorical, 1, 2, hostile);
  const reference = await read(refText, hostile ? HOSTILE_FILE : 'ref.csv');
  const production = await read(prodText, 'prod.csv');
  const analysis = analyse(reference, production, config, k);
  await addDomainClassifier(analysis, reference, production, config);
  const report = buildReport(analysis, config, { generatedAt: '2026-01-01T00:00:00.000Z', version: '0.0.0' });
  if (hostile) report.warnings.push(`column ${HOSTILE_COLUMN} looks odd`);
  return {
    report,
    distributions: reportDistributions(report.features, { mode: 'tables', reference, production }),
    inputs: [
      { role: 'reference', name: hostile ? HOSTILE_FILE : 'ref.csv', size: refText.length, sha256: 'a'.repeat(64) },
      { role: 'production', name: 'prod.csv', size: prodText.length, sha256: 'b'.repeat(64) },
    ],
    configText: configText(config),
  };
}

/** Every tag name and attribute name of the page: hostile text must add none. */
function tagsAndAttributes(page: string): Set<string> {
  const out = new Set<string>();
  // Every attribute value is double-quoted and text never holds a raw '"' (escaped), so dropping the
  // quoted values leaves only real tag and attribute names.
  for (const m of page.replace(/"[^"]*"/g, '""').matchAll(/<([a-zA-Z][\w-]*)([^>]*)>/g)) {
    out.add(m[1].toLowerCase());
    for (const a of m[2].matchAll(/\s([a-zA-Z-]+)=/g)) out.add(`@${a[1].toLowerCase()}`);
  }
  return out;
}

describe('renderHtmlReport', async () => {
  it('escapes hostile column names, categories, file names and warnings everywhere', async () => {
    const page = renderHtmlReport(await input(3, 2, true, 400));
    for (const bad of [HOSTILE_COLUMN, HOSTILE_CATEGORY, '<svg onload', '<script']) expect(page).not.toContain(bad);
    expect(page).toContain(escapeHtml(HOSTILE_COLUMN));
    expect(page).toContain(escapeHtml(HOSTILE_FILE));
    expect(page).toContain(escapeHtml('"><script>alert(2)</script>').slice(0, 20));
    const tags = tagsAndAttributes(page);
    for (const t of ['script', 'img', 'iframe', 'object', 'link', '@onerror', '@onload', '@src']) expect(tags.has(t), t).toBe(false);
    // The only links are the in-page navigation.
    for (const m of page.matchAll(/href="([^"]*)"/g)) expect(m[1]).toMatch(/^#[a-z-]+$/);
  });

  it('gives the same bytes for the same input, and differs when the input does', async () => {
    const a = await input(4, 2, false, 500);
    expect(renderHtmlReport(a)).toBe(renderHtmlReport(await input(4, 2, false, 500)));
    expect(renderHtmlReport({ ...a, report: { ...a.report, generated_at: '2026-01-02T00:00:00.000Z' } })).not.toBe(renderHtmlReport(a));
  });

  it('has a CSP forbidding every request, no script and no external resource', async () => {
    const page = renderHtmlReport(await input(2, 1, false, 300));
    expect(page).toContain(`<meta http-equiv="Content-Security-Policy" content="${escapeHtml(HTML_REPORT_CSP)}" />`);
    expect(HTML_REPORT_CSP).toMatch(/^default-src 'none';/);
    expect(HTML_REPORT_CSP).not.toMatch(/script-src|connect-src|font-src/);
    expect(page).not.toMatch(/<script|https?:\/\/|url\(/i);
  });

  it('renders every section that has content, each once, in the listed order', async () => {
    const page = renderHtmlReport(await input(3, 2, false, 500));
    const ids = [...page.matchAll(/<section id="([^"]+)">/g)].map((m) => m[1]);
    // A table run has no retraining, no sketch, no model, the domain classifier off and no windows: those are left out.
    const absent = ['retraining', 'approximate', 'drift-impact', 'domain-classifier', 'windows'];
    expect(ids).toEqual(SECTIONS.map((s) => s.id).filter((id) => !absent.includes(id)));
    expect(page).toContain('<h3>Unseen categories</h3>');
    expect(page).toContain('id="ks-table"');
    expect(page).toContain('id="chi2-table"');
    expect(page).toContain('id="psi-table"');
    // Small multiples: a histogram and an ECDF per numerical feature, category bars per categorical one.
    expect(page.match(/aria-label="Histogram of /g)).toHaveLength(3);
    expect(page.match(/aria-label="ECDF of /g)).toHaveLength(3);
    expect(page.match(/aria-label="Category shares of /g)).toHaveLength(2);
  });

  it('stays under 1.5 MB for 100 features', async () => {
    const page = renderHtmlReport(await input(60, 40, false, 3000));
    const size = new TextEncoder().encode(page).length;
    console.info(`100-feature HTML report: ${size} bytes`);
    expect(size).toBeLessThanOrEqual(1.5e6);
    expect(page.match(/<div class="card/g)).toHaveLength(100);
  });

  it('a sketched profile run marks its approximate features, and the retraining and estimate sections show when present', async () => {
    const config = defaultConfig();
    const read = (text: string, file: string) => parseCsv(text, { file, delimiter: 'auto', missingValues: [''] });
    const reference = profileOf(await read(csv(3000, 2, 1, 0, 1, true), 'ref.csv'), 100);
    const production = profileOf(await read(csv(3000, 2, 1, 1, 2, true), 'prod.csv'), 100);
    const report = buildReport(analyseProfiles(reference, production, config), config, {
      generatedAt: '2026-01-01T00:00:00.000Z',
      version: '0.0.0',
    });
    expect(report.features.some((f) => f.approximate)).toBe(true);
    const estimate: EstimatedPerformance = {
      estimated: true,
      method: 'CBPE',
      rows: 3000,
      accuracy: 0.8,
      f1: 0.7,
      accuracy_band: [0.78, 0.82],
      f1_band: [0.68, 0.72],
      confusion_matrix: [
        [1000, 200],
        [300, 1500],
      ],
      calibration: 'isotonic',
      band_method: 'binomial',
      estimate_reliable: false,
      reliability_reasons: [`the score ${HOSTILE_COLUMN} drifted`],
      label_shift_adjusted: null,
    };
    report.performance = {
      source: `model <b>m</b>.onnx`,
      label_column: 'y',
      classes: ['0', HOSTILE_CATEGORY],
      positive_class: HOSTILE_CATEGORY,
      positive_class_reason: 'the second class',
      class_mapping: null,
      f1_average: 'binary',
      baseline: null,
      production: estimate,
      note: 'No baseline: the reference is a profile',
      prediction_drift: [],
      warnings: [],
      f1_drop: null,
      f1_drop_threshold: 0.05,
      alert: false,
    } satisfies PerformanceReport;
    report.retraining = {
      triggered: true,
      trigger: 'auto',
      status: 'cannot_retrain',
      message: 'retraining needs rows',
      reasons: ['drift'],
      drifted_features: [],
      training_data: 'reference+production',
      model_family: 'logistic',
      rows: null,
      champion: null,
      challenger: null,
      min_improvement: 0,
      promoted: false,
      decision: null,
      model_version: null,
      save_path: null,
      seed: 42,
    } satisfies RetrainingReport;
    const page = renderHtmlReport({
      report,
      distributions: reportDistributions(report.features, { mode: 'profiles', reference, production }),
      inputs: [],
      configText: configText(config),
    });
    const ids = [...page.matchAll(/<section id="([^"]+)">/g)].map((m) => m[1]);
    // No model to weigh drift with and the domain classifier off: those two are left out.
    expect(ids).toEqual(SECTIONS.map((s) => s.id).filter((id) => id !== 'drift-impact' && id !== 'domain-classifier' && id !== 'windows'));
    expect(page).toContain('≈ approximate (sketch): D ±');
    expect(page).toMatch(/≈ approximate \(sketch\): shares within ±/);
    expect(page).toContain('Estimate not reliable');
    expect(page).toContain('Production confusion matrix (expected counts)');
    expect(page).toContain('model &lt;b&gt;m&lt;/b&gt;.onnx');
    for (const bad of [HOSTILE_COLUMN, HOSTILE_CATEGORY, '<b>m</b>']) expect(page).not.toContain(bad);
  });

  it('shows data quality, the domain classifier, drift that matters and every chosen test, names escaped', async () => {
    const config = defaultConfig();
    config.tests.numerical = ALL_TESTS.filter((t) => t.columnKinds.includes('numerical')).map((t) => t.id);
    config.tests.categorical = ALL_TESTS.filter((t) => t.columnKinds.includes('categorical')).map((t) => t.id);
    config.domain_classifier.enabled = true;
    config.thresholds.unseen_share = 0.01;
    const run = await input(3, 2, true, 400, config);
    const { report } = run;
    // The production file's shift makes categories the reference lacks; one of them is hostile.
    report.data_quality!.unseen_categories[0].categories.push(HOSTILE_CATEGORY);
    report.data_quality!.type_changes.push({
      name: HOSTILE_COLUMN,
      reference: 'numerical',
      production: 'categorical',
      reference_reason: 'numbers',
      production_reason: `text ${HOSTILE_CATEGORY}`,
    });
    report.drift_impact = {
      method: 'permutation importance (F1 drop)',
      rows: 400,
      sampled: false,
      max_rows: 2000,
      seed: 42,
      features: [{ name: HOSTILE_COLUMN, drift_score: 0.5, importance: 0.2, weighted: 0.1 }],
    };
    const chi2 = report.features.find((f) => 'chi2' in f && f.chi2)!;
    if ('chi2' in chi2 && chi2.chi2) chi2.chi2.negligible = true;
    const page = renderHtmlReport(run);
    const ids = [...page.matchAll(/<section id="([^"]+)">/g)].map((m) => m[1]);
    expect(ids).toEqual(SECTIONS.map((s) => s.id).filter((id) => id !== 'retraining' && id !== 'approximate' && id !== 'windows'));
    for (const t of ALL_TESTS) expect(page, t.id).toContain(`id="${t.table.id}"`);
    expect(page).toContain('(significant but negligible)');
    expect(page).toMatch(/Effect \(Cramér/);
    expect(report.domain_classifier!.auc).not.toBeNull();
    expect(page).toMatch(/<strong>AUC [0-9.]+<\/strong> \(95% interval [0-9.]+ – [0-9.]+\)/);
    expect(page).toContain('Flagged above thresholds.unseen_share = 1.0%.');
    expect(page).toContain('thresholds.out_of_range_share is not set: reported, never flagged.');
    for (const bad of [HOSTILE_COLUMN, HOSTILE_CATEGORY, '<script']) expect(page).not.toContain(bad);
    expect(page).toContain(`<th scope="row">${escapeHtml(HOSTILE_COLUMN)}</th>\n                      <td>0.5</td>`);
    expect(page).toContain(escapeHtml(HOSTILE_CATEGORY));
    const tags = tagsAndAttributes(page);
    for (const t of ['script', 'img', '@onerror']) expect(tags.has(t), t).toBe(false);
  });

  it('a disabled domain classifier and no data quality leave their sections out; a profile says why the classifier is absent', async () => {
    const run = await input(2, 1, false, 300);
    const page = renderHtmlReport({ ...run, report: { ...run.report, data_quality: null } });
    expect(page).not.toContain('id="data-quality"');
    expect(page).not.toContain('id="domain-classifier"');
    const analysis: Parameters<typeof addDomainClassifier>[0] = { plans: [] };
    const config = defaultConfig();
    config.domain_classifier.enabled = true;
    await addDomainClassifier(analysis, null, null, config);
    const withNote = renderHtmlReport({
      ...run,
      report: { ...run.report, domain_classifier: { ...analysis.domainClassifier!, threshold: 0.55, drifted: false } },
    });
    expect(withNote).toContain('id="domain-classifier"');
    expect(withNote).toContain('It did not run.');
    expect(withNote).toContain(escapeHtml(PROFILE_DOMAIN_NOTE));
  });
});
