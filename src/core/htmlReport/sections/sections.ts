import { approximateSection } from './approximateSection.ts';
import { configSection } from './configSection.ts';
import { dataQualitySection } from './dataQualitySection.ts';
import { distributionsSection } from './distributionsSection.ts';
import { domainClassifierSection } from './domainClassifierSection.ts';
import { driftImpactSection } from './driftImpactSection.ts';
import { driftScoreSection } from './driftScoreSection.ts';
import { inputsSection } from './inputsSection.ts';
import { kpiSection } from './kpiSection.ts';
import { missingSection } from './missingSection.ts';
import { performanceSection } from './performanceSection.ts';
import { retrainingSection } from './retrainingSection.ts';
import type { ReportSection } from './section.ts';
import { testTablesSection } from './testTablesSection.ts';
import { verdictSection } from './verdictSection.ts';
import { warningsSection } from './warningsSection.ts';
import { windowsSection } from './windowsSection.ts';

/** The report's sections in page order: a new section is one file and one line here. */
export const SECTIONS: readonly ReportSection[] = [
  verdictSection,
  kpiSection,
  driftScoreSection,
  windowsSection,
  testTablesSection,
  driftImpactSection,
  domainClassifierSection,
  distributionsSection,
  missingSection,
  dataQualitySection,
  approximateSection,
  warningsSection,
  performanceSection,
  retrainingSection,
  inputsSection,
  configSection,
];
