/** The custom functions, in the order the README lists them: the one place to add a function. */

import { LEADSCORE } from './leadscore';
import type { FunctionSpec } from './spec';

export const FUNCTION_TABLE: readonly FunctionSpec[] = [LEADSCORE];
