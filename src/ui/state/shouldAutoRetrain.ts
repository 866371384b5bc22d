/**
 * Whether a finished run goes on to an automatic retraining. The run asks the worker whenever
 * automatic retraining is on and the run has a report, even when nothing drifted: the core
 * (runRetraining) then answers "not triggered", and that section goes into the report as in the CLI.
 * A run that another run has replaced in the meantime never retrains.
 */
export function shouldAutoRetrain(s: { auto: boolean; hasReport: boolean; runId: number; currentRunId: number }): boolean {
  return s.auto && s.hasReport && s.runId === s.currentRunId;
}
