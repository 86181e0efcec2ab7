/** The custom functions, in the order the README lists them: the one place to add a function. */

import type { FunctionSpec } from './function-spec';
import { HITRATE } from './hit-rate-spec';
import { KPISTATUS } from './kpi-status-spec';
import { LEADSCORE } from './lead-score-spec';
import { PROFILEGAP } from './profile-gap-spec';
import { SWEETSPOT } from './sweet-spot-spec';

export const FUNCTION_TABLE: readonly FunctionSpec[] = [LEADSCORE, PROFILEGAP, SWEETSPOT, HITRATE, KPISTATUS];
