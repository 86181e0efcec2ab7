/** "No heroes" what-if: lifting the rest of the team by a few percent against relying on the top seller. */

export interface RepFigure {
  readonly name: string;
  /** What the rep delivers in the period (deals won, revenue): a non-negative number. */
  readonly value: number;
}

export interface LiftResult {
  /** The rep with the highest value; ties go to the first listed. */
  readonly top: RepFigure;
  /** Everyone else together. */
  readonly rest: number;
  /** The team total today. */
  readonly before: number;
  /** The top seller's share of today's total, 0-1. */
  readonly topShare: number;
  /** The rest lifted by `lift` and the top seller changed by `-topDrop`. */
  readonly after: number;
  /** after - before. */
  readonly gain: number;
  /**
   * How much more (as a fraction) the top seller alone would have to deliver to add what the lift adds:
   * `rest * lift / top`. `null` when the top seller delivers nothing.
   */
  readonly topEquivalent: number | null;
  /**
   * How far (0-1) the top seller could fall while the lifted rest keeps the total at today's level:
   * topEquivalent clamped to 0-1 (1: the lift alone covers everything the top seller delivers).
   */
  readonly breakEvenDrop: number | null;
}

function checkPercent(value: number, what: string, min: number, max: number): void {
  if (!Number.isFinite(value) || value < min || value > max) {
    throw new RangeError(`${what} must be a percentage from ${min} to ${max}; got ${value}`);
  }
}

/**
 * The rest of the team (everyone but the top seller) delivers `liftPercent`% more, the top seller
 * `topDropPercent`% less. With two or more reps, returns today's total, the new one, and what the lift is
 * worth in the top seller's terms; with fewer reps there is no "rest" and the result is null.
 */
export function liftTheRest(reps: readonly RepFigure[], liftPercent: number, topDropPercent = 0): LiftResult | null {
  checkPercent(liftPercent, 'The lift', -100, 1000);
  checkPercent(topDropPercent, "The top seller's drop", 0, 100);
  for (const rep of reps) {
    if (!Number.isFinite(rep.value) || rep.value < 0) {
      throw new RangeError(`${rep.name}'s figure must be a number 0 or more; got ${rep.value}`);
    }
  }
  if (reps.length < 2) return null;
  let top = reps[0];
  for (const rep of reps) if (rep.value > top.value) top = rep;
  let rest = 0;
  for (const rep of reps) if (rep !== top) rest += rep.value;
  const before = rest + top.value;
  const lift = liftPercent / 100;
  const drop = topDropPercent / 100;
  const after = rest * (1 + lift) + top.value * (1 - drop);
  const topEquivalent = top.value > 0 ? (rest * lift) / top.value : null;
  return {
    top,
    rest,
    before,
    topShare: before > 0 ? top.value / before : 0,
    after,
    gain: after - before,
    topEquivalent,
    breakEvenDrop: topEquivalent === null ? null : Math.min(Math.max(topEquivalent, 0), 1),
  };
}
