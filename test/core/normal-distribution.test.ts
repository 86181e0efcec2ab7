import { describe, expect, it } from 'vitest';
import { inverseNormal, twoSidedZ } from '../../src/core/normal-distribution';

// Quantiles of the standard normal, computed independently as sqrt(2) * erfinv(2p - 1) at 400 digits (mpmath).
const QUANTILES: [number, number][] = [
  [0.5, 0],
  [0.975, 1.9599639845400538],
  [0.995, 2.5758293035489004],
  [0.9, 1.2815515655446006],
  [0.99, 2.3263478740408408],
  [0.8413447460685429, 0.9999999999999999],
  [0.25, -0.6744897501960817],
  [0.075, -1.439531470938456],
  [0.999, 3.090232306167813],
  [1e-10, -6.361340902404056],
  [1e-20, -9.262340089798409],
  [1e-300, -37.0470962993612],
];

describe('inverseNormal (AS 241)', () => {
  it.each(QUANTILES)('gives the %s quantile as %s to 1e-9 or better', (p, z) => {
    expect(Math.abs(inverseNormal(p) - z)).toBeLessThan(1e-9 * Math.max(1, Math.abs(z)));
  });

  it('is antisymmetric around 0.5', () => {
    for (const p of [0.6, 0.8, 0.95, 0.999, 1 - 1e-9]) {
      expect(inverseNormal(1 - p)).toBeCloseTo(-inverseNormal(p), 9);
    }
  });

  it('increases with p across the three regions of the approximation', () => {
    let previous = Number.NEGATIVE_INFINITY;
    for (const p of [1e-300, 1e-50, 1e-12, 1e-6, 0.01, 0.07, 0.075, 0.3, 0.5, 0.7, 0.925, 0.93, 0.99, 1 - 1e-9]) {
      const z = inverseNormal(p);
      expect(z).toBeGreaterThan(previous);
      previous = z;
    }
  });

  it.each([0, 1, -0.5, 1.5, Number.NaN])('refuses p = %s', (p) => {
    expect(() => inverseNormal(p)).toThrow(RangeError);
  });

  it('gives the two-sided z of a confidence level', () => {
    expect(twoSidedZ(0.95)).toBeCloseTo(1.959963984540054, 12);
    expect(twoSidedZ(0.99)).toBeCloseTo(2.5758293035489004, 12);
    expect(twoSidedZ(0.8)).toBeCloseTo(1.2815515655446004, 12);
  });

  it('gives a finite z for every confidence strictly between 0 and 1, and 0 (not -0) for a tiny one', () => {
    // 1 - 0.9999999999999999 = 2^-53 exactly; the 1 - 2^-54 quantile of the normal is 8.29236107581359553... (mpmath).
    expect(twoSidedZ(0.9999999999999999)).toBeCloseTo(8.292361075813595, 9);
    expect(Object.is(twoSidedZ(1e-300), 0)).toBe(true);
    expect(twoSidedZ(Number.MIN_VALUE)).toBe(0);
  });
});
