import { describe, expect, it } from 'vitest';
import { liftTheRest, type RepFigure } from '../../src/core/what-if';

/** Five reps; the top seller delivers 30% more than each of the other four. */
const NO_HEROES: RepFigure[] = [
  { name: 'Ana', value: 100 },
  { name: 'Ben', value: 130 },
  { name: 'Cy', value: 100 },
  { name: 'Di', value: 100 },
  { name: 'Ed', value: 100 },
];

describe('liftTheRest', () => {
  it('lifting the other four by 10% lets the top seller drop 20% and the team still sells more', () => {
    const result = liftTheRest(NO_HEROES, 10, 20);
    expect(result?.top).toEqual({ name: 'Ben', value: 130 });
    expect(result?.before).toBe(530);
    expect(result?.after).toBeCloseTo(440 + 104, 10);
    expect(result?.gain).toBeGreaterThan(0);
  });

  it('gives the break-even drop: rest * lift / top', () => {
    const result = liftTheRest(NO_HEROES, 10);
    expect(result?.rest).toBe(400);
    expect(result?.after).toBeCloseTo(570, 10);
    expect(result?.topEquivalent).toBeCloseTo(40 / 130, 12);
    expect(result?.breakEvenDrop).toBeCloseTo(40 / 130, 12);
    // Dropping exactly the break-even amount keeps today's total.
    const even = liftTheRest(NO_HEROES, 10, (40 / 130) * 100);
    expect(even?.after).toBeCloseTo(530, 9);
  });

  it("gives the top seller's share of today's total", () => {
    expect(liftTheRest(NO_HEROES, 0)?.topShare).toBeCloseTo(130 / 530, 12);
  });

  it('ties go to the first listed rep', () => {
    const result = liftTheRest(
      [
        { name: 'A', value: 5 },
        { name: 'B', value: 9 },
        { name: 'C', value: 9 },
      ],
      10,
    );
    expect(result?.top.name).toBe('B');
    expect(result?.rest).toBe(14);
  });

  it('caps the break-even drop at 100% but not the equivalent lift of the top seller', () => {
    const result = liftTheRest(
      [
        { name: 'Top', value: 2 },
        { name: 'B', value: 1 },
        { name: 'C', value: 1 },
      ],
      200,
    );
    expect(result?.topEquivalent).toBe(2);
    expect(result?.breakEvenDrop).toBe(1);
  });

  it('a negative lift leaves no room for the top seller to drop', () => {
    const result = liftTheRest(NO_HEROES, -5);
    expect(result?.gain).toBeCloseTo(-20, 10);
    expect(result?.topEquivalent).toBeCloseTo(-20 / 130, 12);
    expect(result?.breakEvenDrop).toBe(0);
  });

  it('has no break-even when nobody has delivered anything yet', () => {
    const result = liftTheRest(
      [
        { name: 'A', value: 0 },
        { name: 'B', value: 0 },
      ],
      10,
    );
    expect(result).toMatchObject({ before: 0, after: 0, topShare: 0, topEquivalent: null, breakEvenDrop: null });
  });

  it('needs at least two reps: with one there is no rest of the team', () => {
    expect(liftTheRest([], 10)).toBeNull();
    expect(liftTheRest([{ name: 'Solo', value: 10 }], 10)).toBeNull();
  });

  it.each([
    [Number.NaN, 0, /lift/],
    [-101, 0, /lift/],
    [Number.POSITIVE_INFINITY, 0, /lift/],
    [10, -1, /drop/],
    [10, 101, /drop/],
  ])('rejects lift %s%% with drop %s%%', (lift, drop, message) => {
    expect(() => liftTheRest(NO_HEROES, lift, drop)).toThrow(message);
  });

  it('rejects a negative or non-finite figure, naming the rep', () => {
    expect(() => liftTheRest([{ name: 'Ana', value: -1 }, ...NO_HEROES], 10)).toThrow(/Ana/);
    expect(() => liftTheRest([{ name: 'Bo', value: Number.NaN }, ...NO_HEROES], 10)).toThrow(/Bo/);
  });
});
