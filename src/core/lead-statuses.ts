/** The statuses a lead goes through, as the Leads tab's Status column holds them; open until won, lost or disqualified. */

export const LEAD_STATUS = {
  new: 'New',
  qualified: 'Qualified',
  disqualified: 'Disqualified',
  won: 'Won',
  lost: 'Lost',
} as const;

/** Every status, in the order the Status list offers them. */
export const LEAD_STATUSES: readonly string[] = Object.values(LEAD_STATUS);

/** The statuses of a lead nobody works any more. */
export const CLOSED_LEAD_STATUSES: readonly string[] = [LEAD_STATUS.won, LEAD_STATUS.lost, LEAD_STATUS.disqualified];
