/** The custom functions, in the order the README lists them: the one place to add a function. */

import { HITRATE } from './hitrate';
import { KPISTATUS } from './kpistatus';
import { LEADSCORE } from './leadscore';
import { PROFILEGAP } from './profilegap';
import type { FunctionSpec } from './spec';
import { SWEETSPOT } from './sweetspot';

export const FUNCTION_TABLE: readonly FunctionSpec[] = [LEADSCORE, PROFILEGAP, SWEETSPOT, HITRATE, KPISTATUS];
