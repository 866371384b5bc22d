/**
 * Columns whose type changed: each file typed alone by the rules that type the pair
 * (planColumnsFromFacts with the file as both sides), so "categorical in the reference, numerical in
 * production" shows even though the pair's typing settles on one type for both.
 */
import type { PlanColumnsConfig } from '../table/planColumns.ts';
import { planColumnsFromFacts } from '../table/planColumns.ts';
import type { TableFacts } from '../table/columnFacts.ts';
import type { ColumnPlan } from '../table/types.ts';
import type { TypeChange } from '../report/types.ts';
import { isInputError } from '../errors.ts';

/** `alone`: a file's plansAlone when already computed (from the same facts and settings). */
export function typeChanges(
  ref: TableFacts,
  prod: TableFacts,
  cfg: PlanColumnsConfig,
  alone: readonly [ColumnPlan[] | undefined, ColumnPlan[] | undefined] = [undefined, undefined],
): TypeChange[] {
  const refPlans = alone[0] !== undefined ? new Map(alone[0].map((p) => [p.name, p])) : planAlone(ref, cfg);
  const prodPlans = alone[1] !== undefined ? new Map(alone[1].map((p) => [p.name, p])) : planAlone(prod, cfg);
  const changes: TypeChange[] = [];
  for (const [name, r] of refPlans) {
    const p = prodPlans.get(name);
    if (p === undefined || p.role === r.role) continue;
    changes.push({ name, reference: r.role, production: p.role, reference_reason: r.reason, production_reason: p.reason });
  }
  return changes;
}

/** One file's columns typed alone, as typeChanges types them (to compute where the file is read). */
export function plansAlone(facts: TableFacts, cfg: PlanColumnsConfig): ColumnPlan[] {
  return [...planAlone(facts, cfg).values()];
}

/** One file's plans by name; settings naming columns the file lacks are left out (they concern the other file). */
function planAlone(facts: TableFacts, cfg: PlanColumnsConfig): Map<string, ColumnPlan> {
  const names = new Set([...facts.columns.map((c) => c.name), ...(facts.notParsed ?? [])]);
  const own = (list: string[]) => list.filter((n) => names.has(n));
  const byName = new Map<string, ColumnPlan>();
  for (const c of facts.columns) {
    // Typed column by column: a column the file alone cannot type (a sketched profile column that
    // would be categorical without the other file's values) is left out rather than failing the run.
    const one: TableFacts = { ...facts, columns: [c] };
    try {
      const { plans } = planColumnsFromFacts(one, one, {
        ...cfg,
        label: cfg.label !== null && cfg.label === c.name ? cfg.label : null,
        drop: own(cfg.drop).filter((n) => n === c.name),
        numerical: own(cfg.numerical).filter((n) => n === c.name),
        categorical: own(cfg.categorical).filter((n) => n === c.name),
      });
      for (const p of plans) byName.set(p.name, p);
    } catch (e) {
      if (!isInputError(e)) throw e;
    }
  }
  return byName;
}
