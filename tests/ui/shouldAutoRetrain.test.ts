import { describe, expect, it } from 'vitest';
import { shouldAutoRetrain } from '../../src/ui/state/shouldAutoRetrain.ts';

describe('shouldAutoRetrain', () => {
  const base = { auto: true, hasReport: true, runId: 3, currentRunId: 3 };

  it('retrains after a run with a report when automatic retraining is on', () => {
    expect(shouldAutoRetrain(base)).toBe(true);
  });

  it('does not retrain with automatic retraining off', () => {
    expect(shouldAutoRetrain({ ...base, auto: false })).toBe(false);
  });

  it('does not retrain without a report', () => {
    expect(shouldAutoRetrain({ ...base, hasReport: false })).toBe(false);
  });

  it('does not retrain for a run another run has replaced', () => {
    expect(shouldAutoRetrain({ ...base, currentRunId: 4 })).toBe(false);
  });
});
