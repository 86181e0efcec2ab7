import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { matchMatrix } from '../../src/client/panels/webgraph';
import type { WebgraphPanel } from '../../src/shared/sidebar-api';
import { compute, computedRecords } from './engine';
import { call, sampleWorkbook } from './harness';

describe('the Webgraph panel: profile evidence', () => {
  it("gives each profile the won, lost, hit rate and verdict the Profiles tab's formulas give, with its assumption", () => {
    const book = sampleWorkbook();
    const panel = call<WebgraphPanel>(book, 'getWebgraphPanel');
    const profiles = computedRecords(compute(book).Profiles).filter((r) => r.Profile !== '');
    expect(panel.evidence?.map((e) => e.profile)).toEqual(profiles.map((r) => r.Profile));
    expect(panel.evidence?.some((e) => e.won + e.lost > 0)).toBe(true);
    panel.evidence?.forEach((e, i) => {
      const row = profiles[i];
      expect([e.won, e.lost, e.assumption], e.profile).toEqual([row.Won, row.Lost, row.Assumption]);
      expect(e.rate ?? '').toBeCloseTo(Number(row['Hit rate'] || 0), 9);
      expect(e.low ?? '').toBeCloseTo(Number(row.Low || 0), 9);
      expect(e.high ?? '').toBeCloseTo(Number(row.High || 0), 9);
      expect(e.vsTeam).toBe(row['Vs team']);
    });
  });
});

describe('insertMatrixFormula', () => {
  it('writes the match matrix as PROFILEGAP formulas on a new Matrix tab, equal to the panel matrix', () => {
    const book = sampleWorkbook();
    const panel = call<WebgraphPanel>(book, 'getWebgraphPanel');
    const placed = call<{ sheet: string; cell: string; formula: string }>(book, 'insertMatrixFormula');
    expect(placed).toEqual({
      sheet: 'Matrix',
      cell: 'B2',
      formula: '=PROFILEGAP(Campaigns!G2:P5, Profiles!C2:L5, Factors!B2:B11)',
    });
    const formulas = book.formulas('Matrix');
    expect(formulas[1][1]).toBe(placed.formula);
    expect(formulas[1][5]).toBe(
      '=PROFILEGAP(Campaigns!G2:P5, {Profiles!A2:A5, Profiles!C2:L5}, Factors!B2:B11, "best")',
    );
    expect(book.sheet('Matrix').validations.distinct().size).toBe(0);
    const values = compute(book).Matrix;
    const weights = panel.factors.map((f) => f.weight);
    const expected = matchMatrix(panel.campaigns, panel.profiles, weights);
    expect(values[0].slice(0, 6)).toEqual(['Campaign', ...panel.profiles.map((p) => p.name), 'Best profile']);
    panel.campaigns.forEach((c, ci) => {
      expect(values[ci + 1][0]).toBe(c.name);
      expected.match[ci].forEach((m, pi) => {
        expect(values[ci + 1][pi + 1]).toBeCloseTo(m as number, 9);
      });
      expect(values[ci + 1][5]).toBe(panel.profiles[expected.best[ci]].name);
    });
    expect(call(book, 'insertMatrixFormula')).toMatchObject({ sheet: 'Matrix 2' });
  });

  it("is the formula the README's How to suggests, on a Matrix tab of the user's own rather than a validated tab", () => {
    const readme = readFileSync(path.resolve(__dirname, '../../README.md'), 'utf8');
    const step = readme.slice(
      readme.indexOf('### Match campaigns to profiles'),
      readme.indexOf('### Check the sweet spot'),
    );
    expect(step).toContain('**Insert as formula**');
    expect(step).toContain('named `Matrix`');
    const placed = call<{ formula: string }>(sampleWorkbook(), 'insertMatrixFormula');
    expect(step).toContain(`In its \`B2\`:\n   \`${placed.formula}\``);
  });
});
