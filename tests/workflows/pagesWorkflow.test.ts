import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

interface Step {
  name?: string;
  run?: string;
  uses?: string;
}
interface Workflow {
  jobs: Record<string, { needs?: string | string[]; steps: Step[] }>;
}

const workflow = parse(readFileSync(new URL('../../.github/workflows/pages.yml', import.meta.url), 'utf8')) as Workflow;

describe('.github/workflows/pages.yml', () => {
  const steps = workflow.jobs.build.steps;
  const at = (match: (s: Step) => boolean) => steps.findIndex(match);
  const runs = (cmd: RegExp) => at((s) => cmd.test(s.run ?? ''));

  it('installs, installs Chromium for the browser tests, runs the whole test suite, then builds and uploads the site', () => {
    const ci = runs(/^npm ci$/m);
    const chromium = runs(/playwright-core install .*chromium/);
    const test = runs(/^npm test$/m);
    const build = runs(/^npm run build$/m);
    const upload = at((s) => (s.uses ?? '').startsWith('actions/upload-pages-artifact'));
    expect([ci, chromium, test, build, upload].every((i) => i >= 0)).toBe(true);
    expect(ci).toBeLessThan(chromium);
    expect(chromium).toBeLessThan(test);
    expect(test).toBeLessThan(build);
    expect(build).toBeLessThan(upload);
    // The e2e helpers launch CHROMIUM_PATH; the install step must set it for the later steps.
    expect(steps[chromium].run).toMatch(/CHROMIUM_PATH=.*>> "\$GITHUB_ENV"/);
  });

  it('deploys only after the job that ran the tests', () => {
    expect([workflow.jobs.deploy.needs].flat()).toContain('build');
  });
});
