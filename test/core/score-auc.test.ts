import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { NEEDS_BOTH, rankAuc, scoreAuc } from '../../src/core/score-auc';
import { expectSafe, junkCell, sizedGrid } from './junk';

const column = (values: unknown[]) => values.map((v) => [v]);
const Z95 = 1.959963984540054;
const Z80 = 1.2815515655446004;

/** Scores and outcomes as two columns, from [score, outcome] pairs. */
function leads(pairs: [unknown, unknown][]): [unknown[][], unknown[][]] {
  return [column(pairs.map((p) => p[0])), column(pairs.map((p) => p[1]))];
}

/** The definition: over all (won, lost) pairs, 1 where won scores higher, 1/2 for a tie. */
function pairAuc(won: number[], lost: number[]): number {
  let sum = 0;
  for (const w of won) for (const l of lost) sum += w > l ? 1 : w === l ? 0.5 : 0;
  return sum / (won.length * lost.length);
}

describe('SCOREAUC golden cases', () => {
  it('gives 1 with a zero-width interval when every won lead outscores every lost one', () => {
    const [scores, outcomes] = leads([
      [90, 'Won'],
      [10, 'Lost'],
      [80, 'Won'],
      [20, 'Lost'],
    ]);
    expect(scoreAuc(scores, outcomes)).toEqual([[1, 1, 1, 2, 2]]);
  });

  it('gives 0 when every lost lead outscores every won one', () => {
    const [scores, outcomes] = leads([
      [10, 'Won'],
      [90, 'Lost'],
    ]);
    expect(scoreAuc(scores, outcomes)[0].slice(0, 3)).toEqual([0, 0, 0]);
  });

  it('counts ties as one half: won 50, 70, 30 against lost 50, 20, 60, 10 is 8.5 of 12 pairs', () => {
    // won 50: beats 20, 10 and ties 50 (2.5); won 70 beats all four (4); won 30 beats 20, 10 (2). U = 8.5.
    const [scores, outcomes] = leads([
      [50, 'Won'],
      [50, 'Lost'],
      [70, 'Won'],
      [20, 'Lost'],
      [60, 'Lost'],
      [30, 'Won'],
      [10, 'Lost'],
    ]);
    const [[auc, low, high, won, lost]] = scoreAuc(scores, outcomes);
    expect(auc).toBeCloseTo(17 / 24, 15);
    // Hanley-McNeil with A = 17/24, W = 3, L = 4: SE^2 = 67949/1464192 (exact fractions).
    expect(low).toBeCloseTo(17 / 24 - Z95 * Math.sqrt(67949 / 1464192), 12);
    expect(high).toBe(1); // 1.1306, clipped
    expect([won, lost]).toEqual([3, 4]);
  });

  it('gives the Hanley-McNeil interval at the confidence asked: 0.75 on 4 won and 4 lost at 80%', () => {
    const [scores, outcomes] = leads([
      [8, 'Won'],
      [7, 'Lost'],
      [6, 'Won'],
      [4, 'Lost'],
      [5, 'Won'],
      [2, 'Lost'],
      [3, 'Won'],
      [1, 'Lost'],
    ]);
    // U = 4 + 3 + 3 + 2 = 12 of 16. SE^2 = 303/8960.
    const half = Z80 * Math.sqrt(303 / 8960);
    const [[auc, low, high, won, lost]] = scoreAuc(scores, outcomes, 0.8);
    expect(auc).toBe(0.75);
    expect(low).toBeCloseTo(0.75 - half, 12);
    expect(high).toBeCloseTo(0.75 + half, 12);
    expect([won, lost]).toEqual([4, 4]);
    const [[, low95, high95]] = scoreAuc(scores, outcomes);
    expect(low95).toBeCloseTo(0.75 - Z95 * Math.sqrt(303 / 8960), 12);
    expect(high95).toBe(1);
  });

  it('gives 0.5 for one won and one lost lead on the same score, the interval clipped to 0..1', () => {
    expect(scoreAuc(50, 'Won')).toEqual([[NEEDS_BOTH, '', '', 1, 0]]);
    expect(scoreAuc(column([50, 50]), column(['Won', 'Lost']))).toEqual([[0.5, 0, 1, 1, 1]]);
  });

  it('skips open leads, unknown outcomes, blanks and defect texts; reads scores typed as text', () => {
    const [scores, outcomes] = leads([
      [90, 'Won'],
      ['incomplete 9/10 rated', 'Won'],
      [95, 'New'],
      ['', 'Lost'],
      [' 10 ', ' lost '],
      [5, 'Disqualified'],
      [99, ''],
      ['invalid Interest: 7 (whole number 1-5)', 'Lost'],
      [40, 'WON'],
    ]);
    expect(scoreAuc(scores, outcomes)[0].slice(0, 1)).toEqual([1]);
    expect(scoreAuc(scores, outcomes)[0].slice(3)).toEqual([2, 1]);
  });

  it('says what it needs when there is no won or no lost lead, with the counts', () => {
    expect(scoreAuc(column([80, 70]), column(['Won', 'Won']))).toEqual([[NEEDS_BOTH, '', '', 2, 0]]);
    expect(scoreAuc(column([80, '']), column(['Lost', 'Won']))).toEqual([[NEEDS_BOTH, '', '', 0, 1]]);
    expect(scoreAuc(column(['', '']), column(['', '']))).toEqual([[NEEDS_BOTH, '', '', 0, 0]]);
  });

  it('takes scores and outcomes as rows', () => {
    expect(scoreAuc([[90, 10, 80]], [['Won', 'Lost', 'Lost']])).toEqual(
      scoreAuc(column([90, 10, 80]), column(['Won', 'Lost', 'Lost'])),
    );
  });

  it('takes confidence typed as text, and an empty confidence as 0.95', () => {
    const [scores, outcomes] = leads([
      [3, 'Won'],
      [1, 'Lost'],
      [2, 'Won'],
      [2.5, 'Lost'],
    ]);
    expect(scoreAuc(scores, outcomes, '0.8')).toEqual(scoreAuc(scores, outcomes, 0.8));
    expect(scoreAuc(scores, outcomes, '')).toEqual(scoreAuc(scores, outcomes, 0.95));
  });
});

describe('SCOREAUC structural errors', () => {
  it.each([
    [
      'scores as a block',
      [
        [1, 2],
        [3, 4],
      ],
      column(['Won', 'Lost']),
      /^scores must be a single column or a single row, one cell per lead; got 2 rows x 2 columns$/,
    ],
    [
      'outcomes of another length',
      column([1, 2, 3]),
      column(['Won', 'Lost']),
      /^outcomes must have one cell per score, in the shape of scores \(3 rows x 1 column\); got 2 rows x 1 column$/,
    ],
    ['an empty outcomes range', column([1]), [], /^outcomes is an empty range$/],
  ])('rejects %s', (_kind, scores, outcomes, message) => {
    expect(() => scoreAuc(scores, outcomes)).toThrow(message);
  });

  it.each([
    [0, '0'],
    [1, '1'],
    [95, '95'],
    ['high', '"high"'],
    [[[0.9], [0.95]], 'a range'],
  ])('rejects confidence %j, naming the argument', (confidence, shown) => {
    expect(() => scoreAuc(column([1, 2]), column(['Won', 'Lost']), confidence)).toThrow(
      `confidence must be a single number between 0 and 1 (not 0 or 1), such as 0.95 for 95%; got ${shown}`,
    );
  });
});

describe('SCOREAUC properties', () => {
  const score = fc.oneof(fc.integer({ min: 0, max: 20 }), fc.double({ min: -1e6, max: 1e6, noNaN: true }));
  const outcome = fc.constantFrom('Won', 'Lost', 'won ', 'New', '');
  const lead = fc.tuple(score, outcome);
  const closed = (pairs: [number, string][], kind: string) =>
    pairs.filter((p) => p[1].trim().toLowerCase() === kind).map((p) => p[0] + 0);

  it('equals the share of won-over-lost pairs (ties one half), lies in 0..1 inside its interval', () => {
    fc.assert(
      fc.property(fc.array(lead, { minLength: 1, maxLength: 60 }), (pairs) => {
        const [[auc, low, high, w, l]] = scoreAuc(...leads(pairs));
        const won = closed(pairs, 'won');
        const lost = closed(pairs, 'lost');
        expect([w, l]).toEqual([won.length, lost.length]);
        if (won.length === 0 || lost.length === 0) {
          expect(auc).toBe(NEEDS_BOTH);
          return;
        }
        expect(auc).toBeCloseTo(pairAuc(won, lost), 12);
        expect(auc as number).toBeGreaterThanOrEqual(0);
        expect(auc as number).toBeLessThanOrEqual(1);
        expect(low as number).toBeGreaterThanOrEqual(0);
        expect(low as number).toBeLessThanOrEqual((auc as number) + 1e-12);
        expect(high as number).toBeGreaterThanOrEqual((auc as number) - 1e-12);
        expect(high as number).toBeLessThanOrEqual(1);
      }),
    );
  });

  it('is 1 - AUC of the negated scores', () => {
    fc.assert(
      fc.property(fc.array(lead, { minLength: 2, maxLength: 60 }), (pairs) => {
        const [[auc]] = scoreAuc(...leads(pairs));
        fc.pre(typeof auc === 'number');
        const [[negated]] = scoreAuc(...leads(pairs.map(([s, o]) => [-s, o])));
        expect(negated as number).toBeCloseTo(1 - (auc as number), 12);
      }),
    );
  });

  it('never drops when a won lead with the top score joins', () => {
    fc.assert(
      fc.property(fc.array(lead, { minLength: 2, maxLength: 60 }), fc.nat({ max: 5 }), (pairs, extra) => {
        const [[before]] = scoreAuc(...leads(pairs));
        fc.pre(typeof before === 'number');
        const top = Math.max(...pairs.map((p) => p[0])) + extra; // extra = 0: tied with the top
        const [[after]] = scoreAuc(...leads([...pairs, [top, 'Won']]));
        expect(after as number).toBeGreaterThanOrEqual((before as number) - 1e-12);
      }),
    );
  });

  it('does not depend on the order of the leads', () => {
    fc.assert(
      fc.property(fc.array(lead, { minLength: 1, maxLength: 40 }), (pairs) => {
        const [a] = scoreAuc(...leads(pairs));
        const [b] = scoreAuc(...leads([...pairs].reverse()));
        if (typeof a[0] === 'number') expect(b[0]).toBeCloseTo(a[0], 12);
        else expect(b).toEqual(a);
      }),
    );
  });

  it('never lets junk out as anything but numbers, its own text or a structural error', () => {
    fc.assert(
      fc.property(
        sizedGrid(junkCell, 15, fc.constant(1)),
        fc.array(fc.oneof(junkCell, fc.constantFrom('Won', 'Lost', ' lost')), { minLength: 15, maxLength: 15 }),
        fc.oneof(junkCell, fc.constant(undefined)),
        (scores, outcomes, confidence) => {
          const out = expectSafe(
            () => scoreAuc(scores, column(outcomes.slice(0, scores.length)), confidence),
            [NEEDS_BOTH],
          );
          if (out) expect(out.map((row) => row.length)).toEqual([5]);
        },
      ),
    );
  });
});

describe('rankAuc', () => {
  it('sorts and ranks large lists in one pass, agreeing with the pair count', () => {
    const won = Float64Array.from({ length: 300 }, (_, i) => (i * 7919) % 101);
    const lost = Float64Array.from({ length: 200 }, (_, i) => (i * 104729) % 89);
    const expected = pairAuc([...won], [...lost]);
    expect(rankAuc(won, lost)).toBeCloseTo(expected, 14);
  });
});
