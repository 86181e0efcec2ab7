import { describe, expect, it } from 'vitest';
import { applyRequestOf, checkPanelOf } from '../../../src/client/panels/check-model';
import type { CheckData } from '../../../src/shared/sidebar-api';
import { shownCheck } from '../../server/check-shown';
import { compute } from '../../server/engine';
import { call, columnOf, FACTORS10, sampleWorkbook, type Workbook } from '../../server/harness';

const SAMPLE_WEIGHTS = [2, 1, 1, 2, 1, 1, 1, 2, 1, 1];

/** Sets the Status of the first `count` data rows whose status is `which` to `to`. */
function setStatus(workbook: Workbook, which: string, to: string, count: number): void {
  const column = columnOf(workbook, 'Leads', 'Status');
  let left = count;
  workbook
    .values('Leads')
    .slice(1)
    .forEach((row, i) => {
      if (row[column - 1] !== which || left === 0) return;
      workbook.write('Leads', i + 2, column, [[to]]);
      left--;
    });
}

describe('the Check panel from the sample workbook', () => {
  const { panel, request, data } = shownCheck(sampleWorkbook());
  /** The Score check tab as Sheets computes it: the panel must show the same numbers. */
  const tab = compute(sampleWorkbook())['Score check'];

  it('ranks as SCOREAUC does over the Score column, with the closed leads it rests on', () => {
    const header = tab.findIndex((row) => row[0] === 'AUC');
    const [auc, low, high, won, lost] = tab[header + 1];
    expect(panel.ranking).toEqual({ auc, low, high, won, lost });
    expect(panel.ranking.won).toBe(19);
    expect(panel.ranking.lost).toBe(21);
    expect(panel.ranking.auc).toBeCloseTo(0.8083, 4);
  });

  it('gives the bands SCOREBANDS gives, best first', () => {
    const header = tab.findIndex((row) => row[0] === 'Band');
    const rows = tab.slice(header + 1, header + 5);
    expect(panel.bands.map((b) => [b.band, b.closed, b.won, b.rate ?? '', b.low ?? '', b.high ?? ''])).toEqual(
      rows.map((row) => row.slice(0, 6)),
    );
    expect(panel.bands.map((b) => b.band)).toEqual(['75-100', '50-75', '25-50', '0-25']);
  });

  it('compares the current weights with FACTORWEIGHTS, cross-validated in 5 folds, and offers the better one', () => {
    const header = tab.findIndex((row) => row[0] === 'Factor');
    const rows = tab.slice(header + 1, header + 11);
    expect(panel.factors).toEqual(FACTORS10);
    expect(panel.weights.current).toEqual(SAMPLE_WEIGHTS);
    expect(panel.weights.suggested).toEqual(rows.map((row) => row[2]));
    expect(panel.weights).toMatchObject({ status: 'ready', won: 19, lost: 21, minimum: 10, folds: 5, better: true });
    // The current weights are not learned: their cross-validated AUC is their AUC on the same leads.
    expect(panel.weights.currentAuc).toBe(panel.ranking.auc);
    expect(panel.weights.suggestedAuc).toBeCloseTo(0.9273, 4);
    expect(panel.weights).not.toHaveProperty('foldsWithoutLearning');
  });

  it('applies with the data it was computed from, the suggestion and both AUCs as shown', () => {
    expect(request).toEqual({
      fingerprint: data.fingerprint,
      suggested: panel.weights.suggested,
      currentAuc: panel.weights.currentAuc,
      suggestedAuc: panel.weights.suggestedAuc,
    });
    expect(panel.fingerprint).toBe(data.fingerprint);
  });
});

describe('the Check panel with too little data', () => {
  it('says how many won and lost leads a suggestion needs and how many there are, as a normal state', () => {
    const workbook = sampleWorkbook();
    setStatus(workbook, 'Won', 'New', 16);
    setStatus(workbook, 'Lost', 'Qualified', 9);
    const panel = checkPanelOf(call<CheckData>(workbook, 'getCheckPanel'));
    expect(panel.weights).toMatchObject({
      status: 'too little data',
      message: 'needs 10 won and 10 lost leads (has 3 won, 12 lost)',
      won: 3,
      lost: 12,
      suggested: null,
      suggestedAuc: null,
      better: false,
    });
    expect(panel.weights.current).toEqual(SAMPLE_WEIGHTS);
    expect([panel.ranking.won, panel.ranking.lost]).toEqual([3, 12]);
    expect(panel.bands.reduce((n, b) => n + b.closed, 0)).toBe(15);
    expect(applyRequestOf(panel)).toBeNull();
  });

  it('shows empty bands and no AUC on a workbook without won leads', () => {
    const workbook = sampleWorkbook();
    setStatus(workbook, 'Won', 'New', 100);
    const panel = checkPanelOf(call<CheckData>(workbook, 'getCheckPanel'));
    expect(panel.ranking).toEqual({ auc: null, low: null, high: null, won: 0, lost: 21 });
    expect(panel.weights).toMatchObject({ status: 'too little data', won: 0, lost: 21, currentAuc: null });
  });
});

describe('checkPanelOf', () => {
  const weights = [1, 1, 1, 1, 1, 1, 1, 1, 1, 1];
  const data = (closed: string[], w = weights): CheckData => ({
    factors: FACTORS10,
    weights: w,
    closed,
    fingerprint: 'f',
  });

  it('says "none yet" without any closed lead', () => {
    const panel = checkPanelOf(data([]));
    expect(panel.ranking).toEqual({ auc: null, low: null, high: null, won: 0, lost: 0 });
    expect(panel.bands.every((b) => b.closed === 0)).toBe(true);
    expect(panel.weights).toMatchObject({ status: 'too little data', won: 0, lost: 0 });
  });

  it('scores a lead with a blank zero-weight factor, and skips a lead with an invalid rating or weighted blank', () => {
    const zeroFirst = [0, 1, 1, 1, 1, 1, 1, 1, 1, 1];
    const panel = checkPanelOf(data(['W-111111111', 'Lx555555555', 'L-555555555', 'L5555555555'], zeroFirst));
    // Scored: the won lead (100) and both lost leads rated 5 where weighted (0); not the invalid one.
    expect(panel.ranking).toMatchObject({ won: 1, lost: 2, auc: 1 });
    // Only leads with all ten ratings count for the suggestion.
    expect(panel.weights).toMatchObject({ won: 0, lost: 1 });
  });
});
