/** A complete, valid lead form as the sidebar sends it, for the tests that save leads. */

export const RATINGS = [2, 3, 1, 4, 2, 1, 2, 3, 3, 2];

export const leadForm = (overrides: Record<string, unknown> = {}) => ({
  company: 'Acme AB',
  contact: 'Eva Ek',
  owner: 'Anna Berg',
  segment: 'S4',
  campaign: 'A4',
  notes: 'Met at the fair',
  ratings: RATINGS,
  ...overrides,
});
