import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  AS_GOOD,
  aucOfScores,
  BETTER,
  checkWeights,
  FOLDS,
  foldOf,
  outOfFoldScores,
  readEligibleLeads,
  scoresWith,
} from '../../src/core/cross-validation';
import { factorWeights } from '../../src/core/factor-weights';
import { leadScore } from '../../src/core/lead-score';
import { scoreAuc } from '../../src/core/score-auc';

const column = (values: unknown[]) => values.map((v) => [v]);
const ONES = [1, 1, 1, 1, 1, 1, 1, 1, 1, 1];
const NEUTRAL = [3, 3, 3, 3, 3, 3, 3, 3, 3, 3];
const lead = (...first: number[]) => [...first, ...NEUTRAL.slice(first.length)];

/** mulberry32: reproducible data from a seed. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** `count` closed leads whose chance of winning rises as Maturity and Interest improve; the rest is noise. */
function sample(count: number, seed: number): { ratings: number[][]; outcomes: string[][] } {
  const next = random(seed);
  const ratings: number[][] = [];
  const outcomes: string[][] = [];
  for (let k = 0; k < count; k++) {
    const row = Array.from({ length: 10 }, () => 1 + Math.floor(next() * 5));
    const merit = (3 - row[0] + 3 - row[5]) / 2;
    ratings.push(row);
    outcomes.push([next() < 1 / (1 + Math.exp(-2 * merit)) ? 'Won' : 'Lost']);
  }
  return { ratings, outcomes };
}

describe('folds', () => {
  it('puts a lead in fold (its position among the eligible leads) mod 5', () => {
    expect(FOLDS).toBe(5);
    expect([0, 1, 4, 5, 6, 12].map(foldOf)).toEqual([0, 1, 4, 0, 1, 2]);
  });

  it('counts positions among eligible leads only: open and defective rows in between change nothing', () => {
    const { ratings, outcomes } = sample(60, 7);
    const padded: unknown[][] = [];
    const paddedOutcomes: unknown[][] = [];
    ratings.forEach((row, k) => {
      padded.push(row);
      paddedOutcomes.push(outcomes[k]);
      if (k % 3 === 0) {
        padded.push(ONES, lead(2, 0), ['', '', '', '', '', '', '', '', '', '']);
        paddedOutcomes.push(['New'], ['Won'], ['Lost']);
      }
    });
    const plain = checkWeights(ratings, outcomes, undefined, 5);
    expect(plain.status).toBe('ready');
    expect(checkWeights(padded, paddedOutcomes, undefined, 5)).toEqual(plain);
    expect(checkWeights(ratings, outcomes, undefined, 5)).toEqual(plain);
  });

  it('sums each fold over its own leads', () => {
    const { ratings, outcomes } = sample(23, 3);
    const leads = readEligibleLeads(ratings, outcomes);
    expect(leads.count).toBe(23);
    expect(leads.folds.map((f) => f.won + f.lost)).toEqual([5, 5, 5, 4, 4]);
    for (let f = 0; f < FOLDS; f++) {
      const mine = ratings.filter((_, k) => foldOf(k) === f);
      expect(leads.folds[f].sums[0] + leads.folds[f].sums[10]).toBe(mine.reduce((s, row) => s + row[0], 0));
    }
  });
});

describe('never scores a lead with weights learned from that lead', () => {
  it('scores every lead with the weights FACTORWEIGHTS learns from the other four folds alone', () => {
    fc.assert(
      fc.property(fc.integer({ min: 10, max: 80 }), fc.integer(), (count, seed) => {
        const { ratings, outcomes } = sample(count, seed);
        const leads = readEligibleLeads(ratings, outcomes);
        const { scores } = outOfFoldScores(leads, ONES);
        for (let f = 0; f < FOLDS; f++) {
          const training = ratings.filter((_, k) => foldOf(k) !== f);
          const trainingOutcomes = outcomes.filter((_, k) => foldOf(k) !== f);
          // The oracle: the public function on the training rows only (minimum 2: any won and lost will do).
          const learned = factorWeights(training, trainingOutcomes, 2).map((row) => row[0]);
          const weights = typeof learned[0] === 'number' ? [learned] : [ONES];
          for (let k = f; k < count; k += FOLDS) {
            expect(scores[k]).toBeCloseTo(leadScore([ratings[k]], weights)[0][0] as number, 9);
          }
        }
      }),
      { numRuns: 40 },
    );
  });

  it('shows it on data where leakage would change the result', () => {
    // Fold 0 (positions 0, 5, 10, ...): Maturity separates perfectly and Knowledge is 3. Every other fold: Maturity
    // is 3 and Knowledge separates. Learned without fold 0, Maturity never varies, so it weighs 0 and fold 0's leads
    // all tie; a learner that saw fold 0 would weigh Maturity and rank them perfectly.
    const ratings: number[][] = [];
    const outcomes: string[][] = [];
    for (let k = 0; k < 40; k++) {
      const won = Math.floor(k / FOLDS) % 2 === 0;
      const good = won ? 1 : 5;
      ratings.push(foldOf(k) === 0 ? lead(good, 3) : lead(3, good));
      outcomes.push([won ? 'Won' : 'Lost']);
    }
    const leads = readEligibleLeads(ratings, outcomes);
    const { scores, learned } = outOfFoldScores(leads, ONES);
    expect(Array.from(learned[0] ?? [])).toEqual([0, 10, 0, 0, 0, 0, 0, 0, 0, 0]);
    const foldZero = [...scores].filter((_, k) => foldOf(k) === 0);
    expect(new Set(foldZero).size).toBe(1);

    const check = checkWeights(ratings, outcomes, undefined, 5);
    expect(check.suggested?.[0]).toBeGreaterThan(0);
    expect(check.suggested?.[1]).toBeGreaterThan(0);
    // In-sample, the full-data suggestion ranks every lead perfectly; held out, fold 0 is a coin toss.
    expect(aucOfScores(leads, scoresWith(leads, check.suggested ?? []))).toBe(1);
    expect(check.suggestedAuc).toBeLessThan(1);
    expect(check.suggestedAuc).toBeGreaterThan(0.5);
  });
});

describe('checkWeights', () => {
  it('gives the current weights the plain AUC of their LEADSCORE on the eligible leads', () => {
    const { ratings, outcomes } = sample(200, 11);
    const weights = [[2, 1, 0, 1, 1, 3, 1, 1, 0.5, 1]];
    const check = checkWeights(ratings, outcomes, weights);
    const [[auc]] = scoreAuc(leadScore(ratings, weights), outcomes);
    expect(check.currentAuc).toBeCloseTo(auc as number, 14);
    expect(check.current).toEqual(weights[0]);
  });

  it('offers the suggestion when it ranks better on held-out leads than equal weights, with its AUC and counts', () => {
    const { ratings, outcomes } = sample(400, 5);
    const check = checkWeights(ratings, outcomes);
    const wonCount = outcomes.filter((o) => o[0] === 'Won').length;
    expect(check).toMatchObject({ status: 'ready', won: wonCount, lost: 400 - wonCount, minimum: 10, folds: 5 });
    expect(check.suggested).toEqual(factorWeights(ratings, outcomes).map((row) => row[0]));
    expect(check.suggestedAuc).toBeGreaterThan(check.currentAuc ?? 1);
    expect(check.better).toBe(true);
    expect(check.message).toBe(BETTER);
    expect(check.foldsWithoutLearning).toBe(0);
  });

  it('says the current weights are as good as the data can tell when they already rank at least as well', () => {
    const { ratings, outcomes } = sample(400, 5);
    // The truth: Maturity and Interest alone, equally.
    const check = checkWeights(ratings, outcomes, [[1, 0, 0, 0, 0, 1, 0, 0, 0, 0]]);
    expect(check.status).toBe('ready');
    expect(check.suggestedAuc).toBeLessThanOrEqual(check.currentAuc ?? 0);
    expect(check.better).toBe(false);
    expect(check.message).toBe(AS_GOOD);
  });

  it('treats too little data as a normal state, with the counts and what it needs', () => {
    const check = checkWeights([lead(1), lead(5), lead(2)], column(['Won', 'Lost', 'New']));
    expect(check).toEqual({
      status: 'too little data',
      message: 'needs 10 won and 10 lost leads (has 1 won, 1 lost)',
      won: 1,
      lost: 1,
      minimum: 10,
      folds: 5,
      current: ONES,
      currentAuc: 1,
      suggested: null,
      suggestedAuc: null,
      foldsWithoutLearning: 0,
      better: false,
    });
    expect(checkWeights([lead(1)], column(['Won'])).currentAuc).toBeNull();
  });

  it('says when no factor separates won from lost leads', () => {
    const ratings = Array.from({ length: 24 }, () => NEUTRAL);
    const outcomes = column(Array.from({ length: 24 }, (_, k) => (k % 2 ? 'Won' : 'Lost')));
    const check = checkWeights(ratings, outcomes);
    expect(check).toMatchObject({ status: 'no factor separates', won: 12, lost: 12, suggested: null, currentAuc: 0.5 });
    expect(check.message).toBe('no factor separates won from lost leads');
  });

  it('scores a fold with the current weights when its four others teach nothing, and counts it', () => {
    // Every won lead is in fold 1, so the four folds that train fold 1's weights hold no won lead.
    const ratings: number[][] = [];
    const outcomes: string[][] = [];
    for (let k = 0; k < 30; k++) {
      const won = foldOf(k) === 1;
      ratings.push(won ? lead(1, 2) : lead(4, 4));
      outcomes.push([won ? 'Won' : 'Lost']);
    }
    const check = checkWeights(ratings, outcomes, undefined, 2);
    expect(check.status).toBe('ready');
    expect(check.foldsWithoutLearning).toBe(1);
  });

  it('throws the structural errors of FACTORWEIGHTS and LEADSCORE', () => {
    expect(() => checkWeights([[1, 2, 3]], 'Won')).toThrow(/^ratings must have 10 columns/);
    expect(() => checkWeights([NEUTRAL], column(['Won', 'Lost']))).toThrow(/^outcomes must be a single column/);
    expect(() => checkWeights([NEUTRAL], 'Won', [[1, 2]])).toThrow(/^weights must be 10 cells/);
    expect(() => checkWeights([NEUTRAL], 'Won', undefined, 1)).toThrow(/^minimum must be a single whole number/);
  });
});
