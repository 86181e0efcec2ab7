/**
 * The custom functions' runtime parts, in the order the README lists them: what the bundle exports as
 * `functionTable`. A new function is written in its own `*-spec.ts` (runtime part and doc part) and listed here and in
 * function-docs.ts's `FUNCTION_DOCS`; a test fails while the two tables disagree.
 */

import { FACTORWEIGHTS } from './factor-weights-spec';
import type { FunctionSpec } from './function-spec';
import { HITRATE } from './hit-rate-spec';
import { KPISIGNAL } from './kpi-signal-spec';
import { KPISTATUS } from './kpi-status-spec';
import { LEADSCORE } from './lead-score-spec';
import { PROFILEGAP } from './profile-gap-spec';
import { QUALIFY } from './qualify-spec';
import { SCOREAUC } from './score-auc-spec';
import { SCOREBANDS } from './score-bands-spec';
import { SWEETSPOT } from './sweet-spot-spec';

export const FUNCTION_TABLE: readonly FunctionSpec[] = [
  LEADSCORE,
  PROFILEGAP,
  SWEETSPOT,
  HITRATE,
  KPISTATUS,
  SCOREAUC,
  SCOREBANDS,
  FACTORWEIGHTS,
  QUALIFY,
  KPISIGNAL,
];
