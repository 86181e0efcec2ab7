/** The team's Settings (read by setting name, so rows may move) and the qualification rule they and Factors give. */

import { FACTOR_NAMES } from '../core/factors';
import { type QualifyRule, readQualifyRule } from '../core/qualify';
import { readRerateAfterDays } from '../core/stale-ratings';
import { FACTORS_TAB, headerKey, SETTINGS, SETTINGS_TAB } from '../shared/schema';
import type { Rows } from './panel-data';
import { cell, readTable } from './store';

const [QUALIFY_AT_SCORE, RERATE_AFTER_DAYS] = SETTINGS;

/** The Settings tab's values by setting name (header key); empty when the tab or its columns are missing. */
export function readSettings(): ReadonlyMap<string, unknown> {
  let table: Rows;
  try {
    table = readTable(SETTINGS_TAB, ['Setting', 'Value']);
  } catch {
    return new Map();
  }
  const values = new Map<string, unknown>();
  for (const row of table.rows) {
    const name = headerKey(cell(table, row, 'Setting'));
    if (name !== '' && !values.has(name)) values.set(name, cell(table, row, 'Value'));
  }
  return values;
}

/** `Re-rate after days` from the Settings, 90 when it is missing or not a number 0 or more. */
export function rerateAfterDays(settings: ReadonlyMap<string, unknown>): number {
  return readRerateAfterDays(settings.get(headerKey(RERATE_AFTER_DAYS.name)));
}

/**
 * The rule as the Rule column applies it: `Qualify at score` (60 when the setting is missing), the At most gates of
 * the Factors tab in factor order, and the weights. A value QUALIFY would refuse gives no rule and a problem instead.
 */
export function qualifyRule(
  settings: ReadonlyMap<string, unknown>,
  factors: Rows,
  weights: readonly number[],
): { rule: QualifyRule | null; problem?: string } {
  const name = headerKey(QUALIFY_AT_SCORE.name);
  const minScore = settings.has(name) ? settings.get(name) : QUALIFY_AT_SCORE.value;
  const byName = new Map(factors.rows.map((row) => [headerKey(cell(factors, row, 'Factor')), row]));
  const gates = FACTOR_NAMES.map((f) => {
    const row = byName.get(headerKey(f));
    return [row ? cell(factors, row, 'At most') : ''];
  });
  try {
    return {
      rule: readQualifyRule(
        minScore,
        gates,
        weights.map((w) => [w]),
      ),
    };
  } catch (error) {
    return {
      rule: null,
      problem: `The qualification rule cannot be applied, so rule deviations are not listed: ${(error as Error).message} (Settings ${QUALIFY_AT_SCORE.name}, ${FACTORS_TAB.name} At most).`,
    };
  }
}
