/**
 * The custom functions' doc parts, and their pairing with the runtime table: what the tools render as Sheets'
 * formula help (the stubs' JSDoc) and the README's reference. Only tools and tests import this file, so the bundle
 * carries none of these words; adding a function means both parts in its `*-spec.ts` and a line in each table.
 */

import { factorWeightsDoc } from './factor-weights-spec';
import type { FunctionDoc, FunctionSpec, ParamDoc, ParamSpec } from './function-spec';
import { FUNCTION_TABLE } from './function-table';
import { hitRateDoc } from './hit-rate-spec';
import { kpiSignalDoc } from './kpi-signal-spec';
import { kpiStatusDoc } from './kpi-status-spec';
import { leadScoreDoc } from './lead-score-spec';
import { profileGapDoc } from './profile-gap-spec';
import { qualifyDoc } from './qualify-spec';
import { scoreAucDoc } from './score-auc-spec';
import { scoreBandsDoc } from './score-bands-spec';
import { sweetSpotDoc } from './sweet-spot-spec';

/** One doc part per entry of `FUNCTION_TABLE`, in its order. */
export const FUNCTION_DOCS: readonly FunctionDoc[] = [
  leadScoreDoc(),
  profileGapDoc(),
  sweetSpotDoc(),
  hitRateDoc(),
  kpiStatusDoc(),
  scoreAucDoc(),
  scoreBandsDoc(),
  factorWeightsDoc(),
  qualifyDoc(),
  kpiSignalDoc(),
];

/** A parameter with both its parts, as the tools render it. */
export interface DocumentedParam extends ParamSpec, ParamDoc {}

/** A custom function with both its parts, as the tools render it. */
export interface DocumentedFunction extends Omit<FunctionSpec, 'params'>, Omit<FunctionDoc, 'params'> {
  readonly params: readonly DocumentedParam[];
}

const paramNames = (params: readonly { readonly name: string }[]): string => params.map((p) => p.name).join(', ');

/**
 * Where the runtime table and the docs disagree: a function one of them lacks or holds twice, or parameters that
 * differ in name or order. Empty when every runtime entry has exactly one doc entry with exactly its parameters.
 */
export function docMismatches(table: readonly FunctionSpec[], docs: readonly FunctionDoc[]): string[] {
  const problems: string[] = [];
  for (const spec of table) {
    const found = docs.filter((d) => d.name === spec.name);
    if (found.length !== 1) {
      problems.push(`${spec.name} has ${found.length} doc entries, not 1`);
    } else if (paramNames(found[0].params) !== paramNames(spec.params)) {
      problems.push(
        `${spec.name} takes (${paramNames(spec.params)}) but its doc describes (${paramNames(found[0].params)})`,
      );
    }
    if (table.filter((s) => s.name === spec.name).length > 1) problems.push(`${spec.name} is in the table twice`);
  }
  for (const doc of docs) {
    if (!table.some((s) => s.name === doc.name)) problems.push(`${doc.name} has a doc entry but no runtime entry`);
  }
  return [...new Set(problems)];
}

/** Each runtime entry joined with its doc part, in the table's order; throws where the two disagree. */
export function documentedFunctions(
  table: readonly FunctionSpec[] = FUNCTION_TABLE,
  docs: readonly FunctionDoc[] = FUNCTION_DOCS,
): readonly DocumentedFunction[] {
  const problems = docMismatches(table, docs);
  if (problems.length > 0) {
    throw new Error(`The function table and its docs disagree (src/functions/*-spec.ts): ${problems.join('; ')}`);
  }
  return table.map((spec) => {
    const doc = docs.find((d) => d.name === spec.name) as FunctionDoc;
    return { ...spec, ...doc, params: spec.params.map((p, i) => ({ ...p, ...doc.params[i] })) };
  });
}

const shown = (value: string | number) => (typeof value === 'string' ? `"${value}"` : String(value));

/** `"a", "b" or "c"`. */
function alternatives(choices: readonly string[]): string {
  const quoted = choices.map(shown);
  return quoted.length === 1 ? quoted[0] : `${quoted.slice(0, -1).join(', ')} or ${quoted[quoted.length - 1]}`;
}

/** The parameter's help with its choices and default, as the README's reference and Sheets' formula help show it. */
export function paramDescription(param: DocumentedParam): string {
  const fallback = param.default === undefined ? '' : shown(param.default);
  if (param.choices) {
    const omitted = fallback ? `; omitted, ${fallback}` : '';
    return `One of ${alternatives(param.choices)}, in any case${omitted}. ${param.help}`;
  }
  return fallback ? `${param.help} Omitted, ${fallback}.` : param.help;
}
