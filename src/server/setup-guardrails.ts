/** Setup's guardrails on a tab: validation, conditional formats, the header's warning, frozen header, number formats. */

import { columnLetter, columnRuns, openRange } from './a1';
import { FORMATS, KINDS, kindOf, NUMBER_FORMATS, type RuleKind, VALIDATION } from './guards';
import { col, setNumberFormats, type Tab } from './setup-tab';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type DataValidation = GoogleAppsScript.Spreadsheet.DataValidation;

const HEADER_PROTECTION = 'Lean Sales: header row';

/** Protections of computed columns' cells that the old layout (formula in row 2) added; they warned on every sort. */
const OLD_COMPUTED_PROTECTION = / is computed by one formula$/;

function validationRule(kind: RuleKind, first: number, byName: Record<string, Tab>): DataValidation {
  const rule = SpreadsheetApp.newDataValidation();
  if (typeof kind !== 'string')
    return rule
      .requireValueInList([...kind], true)
      .setAllowInvalid(false)
      .build();
  const [tab, header] = kind.split(':');
  if (header) {
    const source = byName[tab];
    return rule
      .requireValueInRange((source.sheet as Sheet).getRange(openRange(col(source, header))), true)
      .setHelpText(`Pick one from the ${header} column of the ${tab} tab`)
      .build();
  }
  const [, build, help] = KINDS[kind];
  const built = build(rule, `${columnLetter(first)}2`);
  return (help ? built.setHelpText(help) : built).build();
}

/** How to read a score, as the Score header's note says it: its scale and the colours setup's formats give it. */
const SCORE_NOTE =
  'Score: 0-100 from the ten ratings (1 best, 5 worst), weighted as in the Factors tab; 100 is the perfect prospect. ' +
  'Green: 70 or more. Yellow: 40 to under 70. Red: under 40. ' +
  'Amber, with text instead of a number: a rating is missing or invalid (the text names it).';

/**
 * Leads only: the Lead and Company columns frozen (where nothing is frozen yet) so a rep rating far to the right
 * still sees which lead the row is, and the Score header's note (where it has none) explaining the scale.
 */
function leadsReadability(t: Tab, sheet: Sheet, report: string[]): void {
  if (t.frozenColumns === 0) {
    sheet.setFrozenColumns(2);
    report.push('Leads: froze the Lead and Company columns');
  }
  const score = col(t, 'Score');
  if (!t.headerNotes[score - 1]) {
    sheet.getRange(1, score).setNote(SCORE_NOTE);
    report.push('Leads: a note on the Score header explains the scale and colours');
  }
}

/** Frozen header, warning-only protection of the header row, validation, conditional and number formats. */
export function guard(
  t: Tab,
  byName: Record<string, Tab>,
  rules: Map<RuleKind, DataValidation>,
  counts: number[],
  report: string[],
): void {
  const sheet = t.sheet as Sheet;
  const { spec } = t;
  const runs = (headers: readonly string[]) => columnRuns(headers.map((h) => col(t, h)).sort((a, b) => a - b));

  // One rule object serves every range it fits. Rating and gate rules name their range's first cell, so each run
  // gets its own; the other rules go on in one setDataValidations per run of adjacent columns.
  const byColumn = new Map<number, DataValidation>();
  for (const [headers, kind] of VALIDATION[spec.name] ?? []) {
    for (const [a, b] of runs(headers.filter((h) => !t.validations[col(t, h) - 1]))) {
      const relative = kind === 'rating' || kind === 'gate';
      const key = relative ? `${kind}${a}` : kind;
      const rule = rules.get(key) ?? validationRule(kind, a, byName);
      rules.set(key, rule);
      if (relative) sheet.getRange(openRange(a, b)).setDataValidation(rule);
      else for (let c = a; c <= b; c++) byColumn.set(c, rule);
      counts[0]++;
    }
  }
  const ruleColumns = [...byColumn.keys()].sort((x, y) => x - y);
  for (const [a, b] of columnRuns(ruleColumns)) {
    const row = Array.from({ length: b - a + 1 }, (_, k) => byColumn.get(a + k) as DataValidation);
    sheet.getRange(2, a, t.maxRows - 1, b - a + 1).setDataValidations(Array.from({ length: t.maxRows - 1 }, () => row));
  }

  const added: GoogleAppsScript.Spreadsheet.ConditionalFormatRule[] = [];
  const ranges = new Map<string, GoogleAppsScript.Spreadsheet.Range>();
  const have = new Set(t.formatRules.map((r) => String(r.getBooleanCondition()?.getCriteriaValues()[0] ?? '')));
  for (const [headers, formula, color] of FORMATS[spec.name] ?? []) {
    for (const [a, b] of runs(headers)) {
      const f = formula
        .replace(/X2/g, () => `${columnLetter(a)}2`)
        .replace(/\{([^}]+)\}/g, (_, header: string) => `$${columnLetter(col(t, header))}`);
      if (have.has(f)) continue;
      const a1 = openRange(a, b);
      const range = ranges.get(a1) ?? sheet.getRange(a1);
      ranges.set(a1, range);
      added.push(
        SpreadsheetApp.newConditionalFormatRule()
          .whenFormulaSatisfied(f)
          .setBackground(color)
          .setRanges([range])
          .build(),
      );
    }
  }
  if (added.length > 0) sheet.setConditionalFormatRules(t.formatRules.concat(added));
  counts[1] += added.length;

  const old = t.protections.filter((p) => OLD_COMPUTED_PROTECTION.test(p.description));
  for (const p of old) p.protection.remove();
  if (old.length > 0) {
    report.push(`${spec.name}: removed ${old.length} warnings on computed cells (they now warn only on the header)`);
  }
  if (!t.protections.some((p) => p.description === HEADER_PROTECTION)) {
    (t.headerRange ?? sheet.getRange('1:1')).protect().setDescription(HEADER_PROTECTION).setWarningOnly(true);
    counts[2]++;
  }

  if (t.frozenRows === 0) {
    sheet.setFrozenRows(1);
    counts[3]++;
  }
  if (spec.name === 'Leads') leadsReadability(t, sheet, report);

  setNumberFormats(
    sheet,
    t.added.map((h) => [openRange(col(t, h)), kindOf(spec.name, h) === 'date' ? 'yyyy-mm-dd' : NUMBER_FORMATS[h]]),
  );
}
