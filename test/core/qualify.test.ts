import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { leadScore } from '../../src/core/lead-score';
import { formatScore, QUALIFIED, qualify, qualifyLead, readQualifyRule } from '../../src/core/qualify';
import { expectSafe, junkCell, sizedGrid } from './junk';

const MIXED = [2, 3, 1, 4, 2, 1, 2, 3, 3, 2]; // score 67.5
const SCORE_55 = [3, 3, 4, 4, 2, 3, 2, 3, 2, 2]; // sum of (5 - r) = 22: score 55
const BLANK = ['', '', '', '', '', '', '', '', '', ''];
const NO_GATES = BLANK;
/** Gates: Maturity at most 2, Company size at most 3. */
const GATES = [[2, '', '', 3, '', '', '', '', '', '']];
const withCell = <T, V>(row: T[], index: number, value: V): (T | V)[] => row.map((v, i) => (i === index ? value : v));

describe('QUALIFY golden cases', () => {
  it('qualifies a lead that meets the score and every gate, and names every failed condition otherwise', () => {
    expect(qualify([MIXED, SCORE_55], 60, GATES)).toEqual([
      ['not qualified: Company size 4 (at most 3)'],
      ['not qualified: Maturity 3 (at most 2), Company size 4 (at most 3), score 55 (at least 60)'],
    ]);
    expect(qualify([MIXED], 60)).toEqual([[QUALIFIED]]);
    expect(qualify([MIXED], 70)).toEqual([['not qualified: score 67.5 (at least 70)']]);
    expect(qualify([withCell(MIXED, 3, 2)], 60, GATES)).toEqual([[QUALIFIED]]);
  });

  it('qualifies a score equal to the minimum, and a rating equal to its gate', () => {
    expect(qualify([MIXED], 67.5)).toEqual([[QUALIFIED]]);
    expect(qualify([MIXED], 67.5, [[2, 3, 1, 4, 2, 1, 2, 3, 3, 2]])).toEqual([[QUALIFIED]]);
    expect(qualify([MIXED], 67.5001)).toEqual([['not qualified: score 67.5 (at least 67.5)']]);
  });

  it('rounds scores in its texts to one decimal, without a trailing .0', () => {
    // Weights on three factors, ratings 1, 1, 2: 100 * (4 + 4 + 3) / 12 = 91.666...
    const weights = [[1, 1, 1, 0, 0, 0, 0, 0, 0, 0]];
    expect(qualify([[1, 1, 2, '', '', '', '', '', '', '']], 95, undefined, weights)).toEqual([
      ['not qualified: score 91.7 (at least 95)'],
    ]);
    expect(qualify([[3, 3, 3, 3, 3, 3, 3, 3, 3, 3]], 50.04)).toEqual([['not qualified: score 50 (at least 50)']]);
    expect([formatScore(55), formatScore(33.333333), formatScore(67.45), formatScore(0.04)]).toEqual([
      '55',
      '33.3',
      '67.5',
      '0',
    ]);
  });

  it('gives blank for a blank row and exactly the text LEADSCORE gives a defective row', () => {
    const rows = [BLANK, withCell(MIXED, 4, ''), withCell(MIXED, 5, 7), withCell(MIXED, 0, 'x'), MIXED];
    const out = qualify(rows, 60, GATES);
    const scores = leadScore(rows);
    expect(out.slice(0, 4)).toEqual(scores.slice(0, 4));
    expect(out[0]).toEqual(['']);
    expect(out[1][0]).toMatch(/^incomplete 9\/10 rated/);
    expect(out[2]).toEqual(['invalid Interest: 7 (whole number 1-5)']);
  });

  it('fails a gate on a factor left blank where its weight is 0', () => {
    const weights = [[1, 1, 1, 0, 1, 1, 1, 1, 1, 1]];
    expect(qualify([withCell(MIXED, 3, '')], 0, GATES, weights)).toEqual([
      ['not qualified: Company size blank (at most 3)'],
    ]);
  });

  it('weights the score as LEADSCORE does', () => {
    const weights = [[5, 1, 1, 1, 1, 1, 1, 1, 1, 1]];
    const [[score]] = leadScore([SCORE_55], weights); // 100 * (10 + 20) / 56 = 53.57
    expect(qualify([SCORE_55], 50, undefined, weights)).toEqual([[QUALIFIED]]);
    expect(qualify([SCORE_55], 54, undefined, weights)).toEqual([
      [`not qualified: score ${formatScore(score as number)} (at least 54)`],
    ]);
    expect(formatScore(score as number)).toBe('53.6');
  });

  it('takes numbers typed as text, gates as a column, and a single column of ten as one lead', () => {
    const asText = MIXED.map((r) => ` ${r} `);
    expect(qualify([asText], '60', [['2'], [''], [''], [' 3 '], [''], [''], [''], [''], [''], ['']])).toEqual(
      qualify([MIXED], 60, GATES),
    );
    expect(
      qualify(
        MIXED.map((r) => [r]),
        60,
        GATES,
      ),
    ).toEqual([['not qualified: Company size 4 (at most 3)']]);
    expect(qualify([MIXED], 60, '')).toEqual(qualify([MIXED], 60, [NO_GATES]));
  });
});

describe('QUALIFY one lead (the lead form preview)', () => {
  const rule = readQualifyRule(60, GATES);

  it('gives what QUALIFY gives for the same row', () => {
    for (const row of [MIXED, SCORE_55, withCell(MIXED, 3, 1), BLANK, withCell(MIXED, 1, 9)]) {
      expect(qualifyLead(row, rule)).toEqual(qualify([row], 60, GATES)[0][0]);
    }
  });

  it("takes the form's numbers and nulls, and names what is missing as LEADSCORE does", () => {
    const partial = [1, 2, null, null, null, null, null, null, null, null];
    expect(qualifyLead(partial, rule)).toBe(leadScore([partial])[0][0]);
    expect(qualifyLead(partial, rule)).toMatch(/^incomplete 2\/10 rated/);
    expect(qualifyLead(new Array(10).fill(null), rule)).toBe('');
  });

  it('refuses a row that is not ten ratings', () => {
    expect(() => qualifyLead([1, 2, 3], rule)).toThrow('a lead has 10 ratings, one per factor; got 3');
  });
});

describe('QUALIFY structural errors', () => {
  it.each([
    [undefined, 'blank'],
    ['', 'blank'],
    [-1, '-1'],
    [100.5, '100.5'],
    ['high', '"high"'],
    [true, 'TRUE'],
    [[[60], [70]], 'a range'],
  ])('rejects min_score %j', (minScore, shown) => {
    expect(() => qualify([MIXED], minScore)).toThrow(
      `min_score must be a single number from 0 to 100, the lowest score that qualifies, such as 60; got ${shown}`,
    );
  });

  it.each([
    [[[1, 2, 3]], /^gates must be 10 cells in one row or one column.*; got 1 row x 3 columns$/],
    [
      [[2, '', 6, '', '', '', '', '', '', '']],
      /^gate of Authority is 6; expected blank \(no gate\) or a whole number 1-5/,
    ],
    [[[0, '', '', '', '', '', '', '', '', '']], /^gate of Maturity is 0;/],
    [[['', 2.5, '', '', '', '', '', '', '', '']], /^gate of Knowledge is 2.5;/],
    [[['', '', '', '', '', '', '', '', '', 'x']], /^gate of Purchase history is "x";/],
    [5, /got 1 row x 1 column$/],
  ])('rejects gates %j', (gates, message) => {
    expect(() => qualify([MIXED], 60, gates)).toThrow(message);
  });

  it("rejects LEADSCORE's bad ratings and weights with LEADSCORE's messages", () => {
    expect(() => qualify([[1, 2, 3]], 60)).toThrow(/^ratings must have 10 columns/);
    expect(() => qualify([MIXED], 60, undefined, [[1, 1]])).toThrow(/^weights must be 10 cells/);
    expect(() => qualify([MIXED], 60, undefined, [[0, 0, 0, 0, 0, 0, 0, 0, 0, 0]])).toThrow(/^weights are all 0/);
  });
});

describe('QUALIFY properties', () => {
  const rating = fc.integer({ min: 1, max: 5 });
  const ratings = fc.array(rating, { minLength: 10, maxLength: 10 });
  const gates = fc.array(fc.oneof(fc.constant(''), rating), { minLength: 10, maxLength: 10 });
  const weights = fc
    .array(fc.oneof(fc.constant(0), fc.double({ min: 0.01, max: 10, noNaN: true })), { minLength: 10, maxLength: 10 })
    .filter((w) => w.some((x) => x > 0));
  const minScore = fc.double({ min: 0, max: 100, noNaN: true });

  it('still qualifies a qualifying lead when any rating improves', () => {
    fc.assert(
      fc.property(ratings, minScore, gates, weights, fc.integer({ min: 0, max: 9 }), (row, min, g, w, factor) => {
        fc.pre(row[factor] > 1);
        const [[before]] = qualify([row], min, [g], [w]);
        fc.pre(before === QUALIFIED);
        expect(qualify([withCell(row, factor, row[factor] - 1)], min, [g], [w])).toEqual([[QUALIFIED]]);
      }),
    );
  });

  it('never qualifies more leads when the minimum score rises', () => {
    fc.assert(
      fc.property(fc.array(ratings, { minLength: 1, maxLength: 20 }), minScore, minScore, gates, (rows, a, b, g) => {
        const [low, high] = a <= b ? [a, b] : [b, a];
        const atLow = qualify(rows, low, [g]);
        const atHigh = qualify(rows, high, [g]);
        atHigh.forEach(([verdict], r) => {
          if (verdict === QUALIFIED) expect(atLow[r][0]).toBe(QUALIFIED);
        });
      }),
    );
  });

  it('qualifies exactly when the score reaches the minimum and every gate holds', () => {
    fc.assert(
      fc.property(ratings, minScore, gates, weights, (row, min, g, w) => {
        const [[score]] = leadScore([row], [w]);
        const gatesHold = row.every((r, i) => g[i] === '' || r <= (g[i] as number));
        const expected = (score as number) >= min - 1e-9 && gatesHold;
        expect(qualify([row], min, [g], [w])[0][0] === QUALIFIED).toBe(expected);
      }),
    );
  });

  it('gives each lead of many the verdict it gets alone (verdicts shared across leads never mix)', () => {
    fc.assert(
      fc.property(fc.array(ratings, { minLength: 2, maxLength: 30 }), minScore, gates, weights, (rows, min, g, w) => {
        const together = qualify(rows, min, [g], [w]);
        expect(together).toEqual(rows.map((row) => qualify([row], min, [g], [w])[0]));
      }),
    );
  });

  it('never lets junk out as anything but its verdicts, row-level texts or a structural error', () => {
    fc.assert(
      fc.property(
        sizedGrid(fc.oneof(junkCell, rating), 8, fc.constantFrom(10, 10, 1, 9)),
        fc.oneof(junkCell, minScore),
        fc.oneof(
          fc.constant(undefined),
          gates.map((g) => [g]),
          junkCell,
        ),
        (rows, min, g) => {
          expectSafe(
            () =>
              qualify(rows, min, g).map(([verdict]) => [
                typeof verdict === 'string' && verdict.startsWith('not qualified: ') ? QUALIFIED : verdict,
              ]),
            [QUALIFIED],
          );
        },
      ),
    );
  });
});
