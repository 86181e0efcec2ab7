/** The ten Lean-sales factors in their fixed column order; 1 is always the optimal rating. */

export interface Factor {
  /** Column header and the name used in messages. */
  readonly name: string;
  /** What a rating of 1 (the optimum) means. */
  readonly best: string;
  /** What a rating of 5 (the worst) means. */
  readonly worst: string;
}

export const FACTORS: readonly Factor[] = [
  { name: 'Maturity', best: 'ready to decide now', worst: 'far from any decision' },
  { name: 'Knowledge', best: 'expert buyer', worst: 'inexperienced buyer' },
  { name: 'Authority', best: 'the decision maker', worst: 'no authority (agent)' },
  { name: 'Company size', best: 'large company', worst: 'very small company' },
  { name: 'Complexity', best: 'standard product', worst: 'highly complex solution' },
  { name: 'Interest', best: 'reached out, answers promptly', worst: 'unresponsive' },
  { name: 'Availability', best: 'easy to reach', worst: 'very hard to reach' },
  { name: 'Price sensitivity', best: 'price is not the issue', worst: 'price decides everything' },
  { name: 'Competition', best: 'no competitor in the deal', worst: 'many strong competitors' },
  { name: 'Purchase history', best: 'repeat customer, deals won', worst: 'only lost deals with us' },
];

export const FACTOR_COUNT = FACTORS.length;
export const FACTOR_NAMES: readonly string[] = FACTORS.map((f) => f.name);
/** All the factors in column order, as messages name them: `Maturity to Purchase history`. */
export const FACTOR_RANGE = `${FACTOR_NAMES[0]} to ${FACTOR_NAMES[FACTOR_COUNT - 1]}`;

/** Lowest (optimal) and highest (worst) rating. */
export const BEST_RATING = 1;
export const WORST_RATING = 5;
