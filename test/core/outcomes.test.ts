import { describe, expect, it } from 'vitest';
import { LOST, OPEN, outcomeColumn, readClosedScores, readOutcome, readScore, WON } from '../../src/core/outcomes';

const column = (values: unknown[]) => values.map((v) => [v]);

describe('outcome cells', () => {
  it.each([
    ['Won', WON],
    ['won', WON],
    [' WON ', WON],
    ['Lost', LOST],
    ['lost  ', LOST],
    ['\tLOST', LOST],
  ])('reads %j as closed', (cell, outcome) => {
    expect(readOutcome(cell)).toBe(outcome);
  });

  it.each([
    '',
    ' ',
    'New',
    'Qualified',
    'Disqualified',
    'Won?',
    'Wonder',
    'Lost deal',
    'W',
    true,
    1,
    0,
    null,
    undefined,
    new Date(2024, 0, 1),
  ])('skips %j as an open or unknown lead', (cell) => {
    expect(readOutcome(cell)).toBe(OPEN);
  });
});

describe('score cells', () => {
  it.each([
    [75, 75],
    [0, 0],
    ['62.5', 62.5],
    [' 40 ', 40],
    [-3, -3],
  ])('reads %j as %s', (cell, score) => {
    expect(readScore(cell)).toBe(score);
  });

  it('reads -0 as 0', () => {
    expect(Object.is(readScore(-0), 0)).toBe(true);
  });

  it.each([
    '',
    'incomplete 9/10 rated',
    'invalid Interest: 7 (whole number 1-5)',
    Number.NaN,
    Number.POSITIVE_INFINITY,
    '1e999',
    true,
    new Date(2024, 0, 1),
    null,
  ])('skips %j', (cell) => {
    expect(readScore(cell)).toBeUndefined();
  });
});

describe('outcomes beside ratings', () => {
  it('takes a column with one cell per lead, and a single cell for one lead', () => {
    expect(outcomeColumn(column(['Won', 'New']), 2, 'ratings (2 rows)')).toEqual([['Won'], ['New']]);
    expect(outcomeColumn('Lost', 1, 'ratings (1 row)')).toEqual([['Lost']]);
  });

  it.each([
    [
      column(['Won']),
      2,
      /^outcomes must be a single column with one cell per lead, as many rows as X; got 1 row x 1 column$/,
    ],
    [[['Won', 'Lost']], 1, /got 1 row x 2 columns$/],
    [[], 1, /^outcomes is an empty range$/],
  ])('rejects %j for %i leads', (value, count, message) => {
    expect(() => outcomeColumn(value, count, 'X')).toThrow(message);
  });
});

describe('closed scores', () => {
  it('splits the closed leads by outcome, skipping open leads and scores that are not numbers', () => {
    const { won, lost } = readClosedScores(
      column([80, 'incomplete 9/10 rated', '', 55, '70', 90, 30]),
      column(['Won', 'Won', 'Lost', 'New', ' lost ', '', 'LOST']),
    );
    expect([...won]).toEqual([80]);
    expect([...lost]).toEqual([70, 30]);
  });

  it('takes rows as well as columns, and a single cell', () => {
    const { won, lost } = readClosedScores([[80, 20, 50]], [['Won', 'Lost', 'Won']]);
    expect([...won]).toEqual([80, 50]);
    expect([...lost]).toEqual([20]);
    expect([...readClosedScores(40, 'Won').won]).toEqual([40]);
  });

  it('lets the caller skip scores out of its range', () => {
    const { won } = readClosedScores(column([120, 60]), column(['Won', 'Won']), (s) => s <= 100);
    expect([...won]).toEqual([60]);
  });

  it.each([
    [
      'scores as a block',
      [
        [1, 2],
        [3, 4],
      ],
      [['Won'], ['Lost']],
      /^scores must be a single column or a single row, one cell per lead; got 2 rows x 2 columns$/,
    ],
    [
      'fewer outcomes than scores',
      column([1, 2, 3]),
      column(['Won', 'Lost']),
      /^outcomes must have one cell per score, in the shape of scores \(3 rows x 1 column\); got 2 rows x 1 column$/,
    ],
    ['outcomes as a row beside a column', column([1, 2]), [['Won', 'Lost']], /got 1 row x 2 columns$/],
    ['an empty scores range', [], 'Won', /^scores is an empty range$/],
  ])('rejects %s', (_kind, scores, outcomes, message) => {
    expect(() => readClosedScores(scores, outcomes)).toThrow(message);
  });
});
