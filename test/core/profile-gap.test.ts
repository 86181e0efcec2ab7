import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { OutGrid } from '../../src/core/cells';
import { profileGap, VERDICTS } from '../../src/core/profile-gap';
import { expectSafe, gridOf, junkCell } from './junk';

const ONES = [1, 1, 1, 1, 1, 1, 1, 1, 1, 1];
const FIVES = [5, 5, 5, 5, 5, 5, 5, 5, 5, 5];
const PROFILE = [2, 2, 1, 1, 3, 2, 2, 3, 3, 2];
const CAMPAIGN = [3, 3, 2, 4, 2, 1, 2, 4, 3, 3.5];
const BLANK = ['', '', '', '', '', '', '', '', '', ''];

/** The spec's formula, written out independently of the implementation. */
function match(p: number[], c: number[], w: number[] = ONES): number {
  const gap = p.reduce((s, x, i) => s + w[i] * Math.abs(c[i] - x), 0);
  return 100 * (1 - gap / (4 * w.reduce((s, x) => s + x, 0)));
}

const withCell = <T, V>(row: T[], index: number, value: V): (T | V)[] => row.map((v, i) => (i === index ? value : v));
const named = (name: unknown, row: unknown[]) => [name, ...row];
const transpose = (grid: OutGrid) => grid[0].map((_, c) => grid.map((row) => row[c]));

describe('PROFILEGAP match (default)', () => {
  it('gives a profiles x campaigns matrix of the weighted match, 100 meaning identical', () => {
    const out = profileGap([PROFILE, ONES], [PROFILE, CAMPAIGN, FIVES]);
    expect(out).toHaveLength(2);
    expect(out[0]).toHaveLength(3);
    expect(out[0][0]).toBe(100);
    expect(out[0][1]).toBeCloseTo(match(PROFILE, CAMPAIGN), 12);
    expect(out[1][2]).toBe(0);
    expect(out[0][1]).toBe(73.75);
  });

  it('weights factors, from a row or a column', () => {
    const weights = [3, 1, 0, 1, 2, 1, 1, 0.5, 1, 1];
    const asRow = profileGap([PROFILE], [CAMPAIGN], [weights]);
    expect(asRow[0][0]).toBeCloseTo(match(PROFILE, CAMPAIGN, weights), 12);
    expect(
      profileGap(
        [PROFILE],
        [CAMPAIGN],
        weights.map((w) => [w]),
      ),
    ).toEqual(asRow);
  });

  it('stays exact with weights too small or too large to add up naively', () => {
    const tiny = [[5e-324, 0, 0, 0, 0, 0, 0, 0, 0, 5e-324]];
    expect(profileGap([ONES, PROFILE], [ONES, FIVES], tiny)).toEqual([
      [100, 0],
      [100 - 25 * 1, 100 - 25 * 3],
    ]);
    const huge = [[1e307, 1e307, 1e307, 1e307, 1e307, 1e307, 1e307, 1e307, 1e307, 1e307]];
    expect(profileGap([PROFILE], [CAMPAIGN], huge)).toEqual(profileGap([PROFILE], [CAMPAIGN]));
  });

  it('takes "match" in any case, and treats an empty mode as match', () => {
    const out = profileGap([PROFILE], [CAMPAIGN]);
    expect(profileGap([PROFILE], [CAMPAIGN], undefined, ' MATCH ')).toEqual(out);
    expect(profileGap([PROFILE], [CAMPAIGN], '', '')).toEqual(out);
  });

  it('accepts decimals and numbers typed as text', () => {
    const averaged = withCell(withCell(PROFILE, 0, '2.5'), 1, ' 1.25 ');
    expect(profileGap([averaged], [CAMPAIGN])[0][0]).toBeCloseTo(
      match(withCell(withCell(PROFILE, 0, 2.5), 1, 1.25) as number[], CAMPAIGN),
      12,
    );
  });

  it('reads an eleventh column in front as a name, on either side', () => {
    expect(profileGap([named('Enterprise', PROFILE)], [named('Webinar', CAMPAIGN)])).toEqual(
      profileGap([PROFILE], [CAMPAIGN]),
    );
  });

  it('takes a single column of ten cells as one vector', () => {
    expect(
      profileGap(
        PROFILE.map((v) => [v]),
        [CAMPAIGN, PROFILE],
      ),
    ).toEqual(profileGap([PROFILE], [CAMPAIGN, PROFILE]));
  });

  it('does not round', () => {
    const [[score]] = profileGap([PROFILE], [withCell(CAMPAIGN, 0, 3.13)]);
    expect(score).toBeCloseTo(match(PROFILE, withCell(CAMPAIGN, 0, 3.13) as number[]), 12);
    expect(Number.isInteger(score)).toBe(false);
  });
});

describe('PROFILEGAP gap and verdict', () => {
  it('gives campaign minus profile per factor, one row per campaign for one profile', () => {
    expect(profileGap([PROFILE], [CAMPAIGN, PROFILE], undefined, 'gap')).toEqual([
      CAMPAIGN.map((c, i) => c - PROFILE[i]),
      [0, 0, 0, 0, 0, 0, 0, 0, 0, 0],
    ]);
  });

  it('gives one row per profile for many profiles against one campaign', () => {
    expect(profileGap([PROFILE, ONES, FIVES], [CAMPAIGN], undefined, 'gap')).toEqual(
      [PROFILE, ONES, FIVES].map((p) => CAMPAIGN.map((c, i) => c - p[i])),
    );
  });

  it('names each factor aligned (within 1), wasted (campaign over by more than 1) or missed (under by more than 1)', () => {
    const profile = [3, 3, 3, 3, 3, 3, 3, 3, 3, 3];
    const campaign = [3, 4, 2, 5, 1, 4.5, 1.5, 4.01, 1.99, 3];
    expect(profileGap([profile], [campaign], undefined, 'verdict')).toEqual([
      ['aligned', 'aligned', 'aligned', 'wasted', 'missed', 'wasted', 'missed', 'wasted', 'missed', 'aligned'],
    ]);
  });

  it('counts a gap of exactly 1 as aligned, also where decimals round in binary', () => {
    // 3.3 - 2.3 is 0.9999999999999996 and 2.3 - 3.3 is -0.9999999999999996 in binary; 1.1 - 2.2 is -1.1000000000000001.
    const out = profileGap(
      [[2.3, 3.3, 2.2, 1, 1, 1, 1, 1, 1, 1]],
      [[3.3, 2.3, 1.1, 2, 1, 1, 1, 1, 1, 1]],
      undefined,
      'verdict',
    );
    expect(out[0].slice(0, 4)).toEqual(['aligned', 'aligned', 'missed', 'aligned']);
  });

  it('leaves the cell of a blank factor weighted 0 blank', () => {
    const weights = [[1, 1, 1, 1, 1, 1, 1, 1, 1, 0]];
    const out = profileGap([withCell(PROFILE, 9, '')], [CAMPAIGN], weights, 'gap');
    expect(out[0][9]).toBe('');
    expect(out[0].slice(0, 9)).toEqual(CAMPAIGN.slice(0, 9).map((c, i) => c - PROFILE[i]));
  });

  it.each(['gap', 'verdict'])('refuses %s for many profiles against many campaigns', (mode) => {
    expect(() => profileGap([PROFILE, ONES], [CAMPAIGN, FIVES, ONES], undefined, mode)).toThrow(
      `mode "${mode}" compares one profile with many campaigns, or many profiles with one campaign; got 2 profiles and 3 campaigns (use "match" to compare every pair)`,
    );
  });
});

describe('PROFILEGAP best', () => {
  const profiles = [
    named('Enterprise', [1, 1, 1, 1, 3, 2, 2, 1, 3, 1]),
    named('Small shop', [3, 3, 2, 5, 1, 1, 1, 4, 2, 3]),
  ];

  it('names the closest row of the second argument for each row of the first', () => {
    const leads = [
      [1, 2, 1, 1, 3, 2, 2, 1, 3, 1],
      [3, 3, 2, 5, 1, 2, 1, 4, 2, 3],
    ];
    expect(profileGap(leads, profiles, undefined, 'best')).toEqual([['Enterprise'], ['Small shop']]);
  });

  it('gives the 1-based position when the second argument has no names, or the name is blank', () => {
    expect(profileGap([CAMPAIGN], [ONES, CAMPAIGN, FIVES], undefined, 'best')).toEqual([[2]]);
    expect(profileGap([CAMPAIGN], [named('A', ONES), named('', CAMPAIGN)], undefined, 'best')).toEqual([[2]]);
  });

  it('keeps a name that is a number as that number', () => {
    expect(profileGap([CAMPAIGN], [named(1001, ONES), named(1002, CAMPAIGN)], undefined, 'best')).toEqual([[1002]]);
  });

  it('gives a tie to the first, even where decimals make it unequal in binary', () => {
    expect(profileGap([PROFILE], [named('A', PROFILE), named('B', PROFILE)], undefined, 'best')).toEqual([['A']]);
    // 2 is 0.1 from both 2.1 and 1.9, which binary rounding makes 0.10000000000000009 and 0.10000000000000009.
    const lead = [2, 2, 2, 2, 2, 2, 2, 2, 2, 2];
    const above = withCell(lead, 0, 2.1);
    const below = withCell(lead, 0, 1.9);
    expect(profileGap([lead], [named('above', above), named('below', below)], undefined, 'best')).toEqual([['above']]);
    expect(profileGap([lead], [named('below', below), named('above', above)], undefined, 'best')).toEqual([['below']]);
  });

  it('uses the weights to decide', () => {
    const lead = [1, 1, 1, 1, 1, 1, 1, 1, 1, 5];
    const first = [1, 1, 1, 1, 1, 1, 1, 1, 1, 1]; // off by 4 on Purchase history only
    const second = [2, 2, 2, 1, 1, 1, 1, 1, 1, 5]; // off by 1 on three factors
    expect(profileGap([lead], [first, second], undefined, 'best')).toEqual([[2]]);
    expect(profileGap([lead], [first, second], [[1, 1, 1, 1, 1, 1, 1, 1, 1, 0]], 'best')).toEqual([[1]]);
  });

  it('skips rows of the second argument that are blank or defective', () => {
    const candidates = [named('blank', BLANK), named('broken', withCell(CAMPAIGN, 3, 9)), named('ok', FIVES)];
    expect(profileGap([CAMPAIGN], candidates, undefined, 'best')).toEqual([['ok']]);
  });

  it('says so when no row of the second argument is valid, and stays blank while none is entered', () => {
    expect(profileGap([CAMPAIGN], [withCell(ONES, 0, 'x'), withCell(ONES, 1, '')], undefined, 'best')).toEqual([
      ['invalid campaigns: no row is complete and valid'],
    ]);
    expect(profileGap([CAMPAIGN, BLANK], [BLANK, BLANK], undefined, 'best')).toEqual([[''], ['']]);
  });

  it('gives one cell per row of the first argument', () => {
    expect(profileGap([CAMPAIGN, BLANK, withCell(ONES, 2, 0)], profiles, undefined, 'best')).toEqual([
      ['Small shop'],
      [''],
      ['invalid Authority: 0 (number 1-5)'],
    ]);
  });
});

describe('PROFILEGAP row-level defects', () => {
  it.each([
    ['text', 'abc', 'invalid Interest: "abc" (number 1-5)'],
    ['a number as text out of range', '7', 'invalid Interest: "7" (number 1-5)'],
    ['0', 0, 'invalid Interest: 0 (number 1-5)'],
    ['5.5', 5.5, 'invalid Interest: 5.5 (number 1-5)'],
    ['TRUE', true, 'invalid Interest: TRUE (number 1-5)'],
    ['a date', new Date(2024, 0, 2), 'invalid Interest: a date (number 1-5)'],
    ['a formula typed as text', '=1+1', 'invalid Interest: "=1+1" (number 1-5)'],
  ])('names the factor and the value for %s', (_kind, value, text) => {
    expect(profileGap([withCell(PROFILE, 5, value)], [CAMPAIGN])).toEqual([[text]]);
  });

  it('reports a partly filled row as incomplete', () => {
    expect(profileGap([withCell(PROFILE, 2, '')], [CAMPAIGN])).toEqual([['incomplete 9/10 rated: Authority']]);
  });

  it('gives a defective profile row its text in every cell of its row, and blank rows blanks', () => {
    const out = profileGap([withCell(PROFILE, 0, 'x'), BLANK, PROFILE], [CAMPAIGN, ONES]);
    expect(out[0]).toEqual(['invalid Maturity: "x" (number 1-5)', 'invalid Maturity: "x" (number 1-5)']);
    expect(out[1]).toEqual(['', '']);
    expect(out[2]).toEqual([match(PROFILE, CAMPAIGN), match(PROFILE, ONES)]);
  });

  it('gives a defective campaign its text down its column, and a blank campaign a blank column', () => {
    const out = profileGap([PROFILE, ONES], [withCell(CAMPAIGN, 9, 6), BLANK, CAMPAIGN]);
    expect(out.map((row) => row[0])).toEqual([
      'invalid Purchase history: 6 (number 1-5)',
      'invalid Purchase history: 6 (number 1-5)',
    ]);
    expect(out.map((row) => row[1])).toEqual(['', '']);
    expect(out.map((row) => row[2])).toEqual([match(PROFILE, CAMPAIGN), match(ONES, CAMPAIGN)]);
  });

  it("shows the profile's defect before the campaign's, and blank where either is blank", () => {
    const out = profileGap([withCell(PROFILE, 0, 'x')], [withCell(CAMPAIGN, 1, 'y'), BLANK]);
    expect(out).toEqual([['invalid Maturity: "x" (number 1-5)', '']]);
  });

  it('puts the defect in the first cell of a gap or verdict row, the rest blank', () => {
    const out = profileGap([PROFILE], [withCell(CAMPAIGN, 4, 'high'), BLANK, CAMPAIGN], undefined, 'verdict');
    expect(out[0]).toEqual(['invalid Complexity: "high" (number 1-5)', '', '', '', '', '', '', '', '', '']);
    expect(out[1]).toEqual(BLANK);
    expect(out[2]).toHaveLength(10);
  });

  it('lets a factor weighted 0 stay blank, and ignores it in the match', () => {
    const weights = [[1, 1, 1, 1, 1, 1, 1, 1, 1, 0]];
    expect(profileGap([withCell(PROFILE, 9, '')], [CAMPAIGN], weights)[0][0]).toBeCloseTo(
      match(PROFILE, CAMPAIGN, weights[0]),
      12,
    );
  });

  it('ignores a blank or odd name: only the ten factors decide whether a row is blank or defective', () => {
    expect(profileGap([named('', PROFILE), named('Lost', BLANK)], [CAMPAIGN])).toEqual([
      [match(PROFILE, CAMPAIGN)],
      [''],
    ]);
  });
});

describe('PROFILEGAP structural errors', () => {
  it.each([
    [
      '9 columns',
      [PROFILE.slice(0, 9)],
      /^profiles must have 10 columns \(Maturity to Purchase history\), or 11 with a name first, or be a single column of 10 cells; got 1 row x 9 columns$/,
    ],
    ['12 columns', [[...PROFILE, 1, 1]], /got 1 row x 12 columns$/],
    ['a single cell', 3, /got 1 row x 1 column$/],
    ['a column of 9 cells', PROFILE.slice(0, 9).map((v) => [v]), /got 9 rows x 1 column$/],
    ['an empty range', [], /^profiles is an empty range$/],
  ])('rejects profiles of %s', (_kind, profiles, message) => {
    expect(() => profileGap(profiles, [CAMPAIGN])).toThrow(message);
  });

  it('names the second argument too', () => {
    expect(() => profileGap([PROFILE], [[1, 2, 3]])).toThrow(/^campaigns must have 10 columns.*got 1 row x 3 columns$/);
  });

  it('rejects an unknown mode', () => {
    expect(() => profileGap([PROFILE], [CAMPAIGN], undefined, 'closest')).toThrow(
      'mode must be one of "match", "gap", "verdict", "best"; got "closest"',
    );
  });

  it('rejects weights that are not ten non-negative numbers', () => {
    expect(() => profileGap([PROFILE], [CAMPAIGN], [[1, 1, 1]])).toThrow(/weights must be 10 cells/);
  });
});

describe('PROFILEGAP properties', () => {
  const value = fc.oneof(fc.integer({ min: 1, max: 5 }), fc.double({ min: 1, max: 5, noNaN: true }));
  const vector = fc.array(value, { minLength: 10, maxLength: 10 });
  const vectors = fc.array(vector, { minLength: 1, maxLength: 8 });
  const weights = fc
    .array(fc.oneof(fc.constant(0), fc.double({ min: 0, max: 100, noNaN: true })), { minLength: 10, maxLength: 10 })
    .filter((w) => w.some((x) => x > 0));

  it('matches a vector with itself at exactly 100', () => {
    fc.assert(
      fc.property(vectors, weights, (rows, w) => {
        const out = profileGap(rows, rows, [w]);
        expect(rows.map((_, i) => out[i][i])).toEqual(rows.map(() => 100));
      }),
    );
  });

  it('is symmetric: the match of a with b is the match of b with a', () => {
    fc.assert(
      fc.property(vectors, vectors, weights, (a, b, w) => {
        expect(profileGap(b, a, [w])).toEqual(transpose(profileGap(a, b, [w])));
      }),
    );
  });

  it('keeps every match within 0..100 and every gap within -4..4', () => {
    fc.assert(
      fc.property(vectors, vectors, weights, (a, b, w) => {
        for (const row of profileGap(a, b, [w])) {
          for (const score of row) {
            expect(score as number).toBeGreaterThanOrEqual(0);
            expect(score as number).toBeLessThanOrEqual(100);
          }
        }
        for (const row of profileGap([a[0]], b, [w], 'gap')) {
          for (const gap of row) expect(Math.abs(gap as number)).toBeLessThanOrEqual(4);
        }
      }),
    );
  });

  it('picks in best a row whose match is the highest', () => {
    fc.assert(
      fc.property(vectors, vectors, weights, (a, b, w) => {
        const scores = profileGap(a, b, [w]);
        profileGap(a, b, [w], 'best').forEach(([position], i) => {
          const top = Math.max(...(scores[i] as number[]));
          expect(scores[i][(position as number) - 1] as number).toBeGreaterThanOrEqual(top - 1e-9);
        });
      }),
    );
  });

  it('never lets junk out as anything but a row-level text or a structural error, one output row per input row', () => {
    const width = fc.constantFrom(10, 10, 11, 9);
    const junkGrid = fc
      .tuple(fc.integer({ min: 1, max: 5 }), width)
      .chain(([rows, cols]) => gridOf(fc.oneof(junkCell, value, value), rows, cols));
    fc.assert(
      fc.property(
        junkGrid,
        junkGrid,
        fc.constantFrom(undefined, 'match', 'gap', 'verdict', 'best', 'other'),
        (a, b, mode) => {
          const labels = b.map((row) => row[0]);
          const out = expectSafe(() => profileGap(a, b, undefined, mode), [...Object.values(VERDICTS), ...labels]);
          if (!out) return;
          if (mode === 'gap' || mode === 'verdict') expect(out).toHaveLength(a.length === 1 ? b.length : a.length);
          else expect(out).toHaveLength(a.length);
        },
      ),
    );
  });
});
