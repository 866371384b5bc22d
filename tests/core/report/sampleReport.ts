/**
 * A hand-built report with every name of report/types.ts filled in, optional ones included: one
 * numerical feature (KS + quantile PSI) and one categorical feature (chi-square + category PSI).
 * Typed as Report, so `npm run check` fails if the type and this sample part ways.
 */
import type { Report } from '../../../src/core/report/types.ts';
import { SCHEMA_VERSION } from '../../../src/core/report/types.ts';

export function sampleReport(): Report {
  return {
    schema_version: SCHEMA_VERSION,
    generated_at: '2025-01-02T03:04:05.000Z',
    tool: { name: 'drift-monitor', version: '0.1.0' },
    data: {
      reference: { file: 'reference.csv', rows: 5000, columns: 12 },
      production: { file: 'production.csv', rows: 5000, columns: 12 },
      label_column: 'churned',
    },
    settings: {
      thresholds: {
        ks_statistic: 0.1,
        psi: 0.2,
        chi2_p_value: 0.05,
        f1_drop: 0.05,
        drift_feature_fraction: 0.3,
        p_value_correction: 'none',
        missing_share_change: null,
        min_effect: 0.05,
      },
      psi: { bins: 10, epsilon: 0.0001 },
      max_categorical_unique: 20,
      ks_method: 'auto',
      chi2_correction: false,
    },
    summary: {
      features: 2,
      numerical: 1,
      categorical: 1,
      drifted: 2,
      drifted_fraction: 1,
      drifted_features: ['tenure_months', 'payment_method'],
      max_psi: 0.4123456789012345,
      max_ks: 0.30000000000000004,
      overall_drift: true,
      reasons: [
        { rule: 'drift_feature_fraction', message: '2 of 2 features drifted (100%), above 30%' },
        { rule: 'psi', message: 'tenure_months has PSI 0.41 > 0.2' },
      ],
    },
    features: [
      {
        name: 'tenure_months',
        type: 'numerical',
        type_reason: '73 distinct numbers (> 20)',
        n: { reference: 5000, production: 4990 },
        missing: { reference: 0, production: 0.002, reference_count: 0, production_count: 10, drifted: false },
        drift_score: 0.30000000000000004,
        ks: {
          statistic: 0.30000000000000004,
          p_value: 1.2345678901234567e-200,
          method: 'asymp',
          effect_size: 0.30000000000000004,
          drifted: true,
        },
        chi2: null,
        psi: {
          value: 0.4123456789012345,
          epsilon: 0.0001,
          bins: 4,
          // 30 holds more than 1/4 of the reference: its own bin [30, 30] between the two 30s.
          edges: [12.5, 30, 30, 47.25],
          point_masses: [30],
          reference_counts: [1250, 1000, 1500, 0, 1250],
          production_counts: [2500, 700, 500, 800, 490],
          effect_size: 0.4123456789012345,
          drifted: true,
        },
        // The reference profile kept this column as a sketch: KS and PSI are estimates.
        approximate: { ks_statistic_bound: 0.0165, ks_p_value_range: [1e-210, 1e-190], psi_bin_share_bound: 0.033 },
        error: null,
        drifted: true,
        flagged_by: ['ks', 'psi'],
      },
      {
        name: 'payment_method',
        type: 'categorical',
        type_reason: 'strings',
        n: { reference: 5000, production: 5000 },
        missing: { reference: 0, production: 0, reference_count: 0, production_count: 0, drifted: false },
        drift_score: 0.08,
        ks: null,
        chi2: {
          statistic: 412.3,
          p_value: 3.3e-88,
          dof: 4,
          p_value_adjusted: 6.6e-88,
          effect_size: 0.203,
          negligible: false,
          drifted: true,
        },
        psi: {
          value: 0.15,
          epsilon: 0.0001,
          categories: ['bank transfer', 'credit card', 'crypto', 'electronic check', 'mailed check'],
          reference_counts: [1250, 1000, 0, 1750, 1000],
          production_counts: [1150, 920, 400, 1610, 920],
          effect_size: 0.15,
          drifted: false,
        },
        categories_only_in_production: ['crypto'],
        categories_only_in_reference: [],
        error: null,
        drifted: true,
        flagged_by: ['chi2'],
      },
    ],
    skipped: [
      { name: 'customer_id', reason: 'an ID: every value is different' },
      { name: 'signup_date', reason: 'dates' },
    ],
    warnings: ['customer_id looks like an ID; add it to columns.drop'],
    performance: null,
    retraining: null,
  };
}
