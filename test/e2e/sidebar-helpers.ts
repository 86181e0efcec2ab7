/** Helpers of the sidebar's browser tests: driving its panels and lead form, and reading the workbook the server holds. */

import type { Frame, Locator } from 'playwright-core';
import { FACTOR_NAMES } from '../../src/core/factors';
import type { LeadForm } from '../../src/core/lead-form-rules';
import type { CellValue, Workbook } from '../../workbench/emulator/apps-script-emulator';
import { poll } from './harness';

/** A lead as the rep fills the form: the form's own shape (`null` leaves a factor unrated). */
export type LeadEntry = LeadForm;

/** A form field of the sidebar by its visible label (the column header). */
export const field = (frame: Frame, label: string): Locator => frame.getByLabel(label, { exact: true });

/** A factor's group of radio buttons, by the factor's name. */
export const factorGroup = (frame: Frame, name: string): Locator => frame.getByRole('group', { name, exact: true });

/** Selects a panel by its tab and waits until it is drawn. */
export async function openPanel(frame: Frame, name: string): Promise<Locator> {
  const tab = frame.getByRole('tab', { name, exact: true });
  await tab.click();
  const panel = frame.locator('#panel');
  await poll(() => tab.getAttribute('aria-selected')).toBe('true');
  await poll(() => panel.getAttribute('aria-busy')).toBeNull();
  return panel;
}

/** Types `lead` into the lead form; Company is left alone when it is empty. */
export async function fillLead(frame: Frame, lead: LeadEntry): Promise<void> {
  if (lead.company !== '') await field(frame, 'Company').fill(lead.company);
  await field(frame, 'Contact').fill(lead.contact);
  await field(frame, 'Owner').selectOption(lead.owner);
  await field(frame, 'Segment').selectOption(lead.segment);
  await field(frame, 'Campaign').selectOption(lead.campaign);
  for (const [i, rating] of lead.ratings.entries()) {
    if (rating !== null)
      await factorGroup(frame, FACTOR_NAMES[i])
        .getByRole('radio', { name: String(rating) })
        .check();
  }
  await field(frame, 'Notes').fill(lead.notes);
}

/** The ratings the form shows as checked, in factor order (null where none is). */
export async function checkedRatings(frame: Frame): Promise<(number | null)[]> {
  const out: (number | null)[] = [];
  for (const name of FACTOR_NAMES) {
    const checked = factorGroup(frame, name).locator('input[type=radio]:checked');
    out.push((await checked.count()) === 0 ? null : Number(await checked.getAttribute('value')));
  }
  return out;
}

/** A tab of the workbook as the server holds it: one record per non-blank row, keyed by the header row. */
export function tableOf(workbook: Workbook, name: string): Record<string, CellValue>[] {
  const sheet = workbook.findSheet(name);
  if (!sheet) throw new Error(`no tab ${name}`);
  const width = sheet.lastColumn();
  const headers = sheet.values.read(0, 0, 1, width, (v) => String(v))[0];
  return sheet.values
    .read(1, 0, Math.max(0, sheet.lastRow() - 1), width, (v) => v)
    .filter((row) => row.some((v) => v !== ''))
    .map((row) => Object.fromEntries(headers.map((h, i) => [h, row[i]])));
}

/** The Factors tab's weights in factor order. */
export function weightsOf(workbook: Workbook): number[] {
  const factors = tableOf(workbook, 'Factors');
  return FACTOR_NAMES.map((name) => Number(factors.find((f) => f.Factor === name)?.Weight));
}

/** SPEC §3 LEADSCORE of one complete row: 100 * sum(w * (5 - r)) / (4 * sum(w)). */
export function expectedScore(ratings: readonly number[], weights: readonly number[]): number {
  const sum = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0);
  return (100 * sum(ratings.map((r, i) => weights[i] * (5 - r)))) / (4 * sum(weights));
}

/** SPEC §3 PROFILEGAP "match" of two complete vectors: 100 * (1 - sum(w * |c - p|) / (4 * sum(w))). */
export function expectedMatch(
  profile: readonly number[],
  target: readonly number[],
  weights: readonly number[],
): number {
  const sum = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0);
  return 100 * (1 - sum(profile.map((p, i) => weights[i] * Math.abs(target[i] - p))) / (4 * sum(weights)));
}

/** SPEC §3 PROFILEGAP "verdict" of one factor. */
export const expectedVerdict = (profile: number, target: number): string =>
  target - profile > 1 ? 'wasted' : target - profile < -1 ? 'missed' : 'aligned';
