/**
 * Internal customers lint: where sales information reaches other departments badly. Information that passes through
 * a second party (should it go directly?), information a receiver needs and does not get, or gets only partly (a
 * white spot), and KPIs whose Who is not a receiver the Internal customers tab lists.
 */

export interface InternalCustomer {
  /** The sheet row, for the sidebar's way to it. */
  readonly row: number;
  readonly information: string;
  readonly receiver: string;
  readonly via: string;
  readonly provided: string;
}

export interface KpiAudience {
  readonly row: number;
  readonly kpi: string;
  readonly who: string;
}

export type CustomerFindingKind = 'via' | 'not provided' | 'partly provided' | 'unknown receiver';

export interface CustomerFinding {
  readonly kind: CustomerFindingKind;
  /** `Internal customers` or `KPIs`: the tab the row is in. */
  readonly tab: 'Internal customers' | 'KPIs';
  readonly row: number;
  /** What the row is about (the information, or the KPI's name). */
  readonly subject: string;
  /** The finding in words. */
  readonly text: string;
}

const key = (text: string) => text.trim().toLowerCase();

/** The audiences a Who names: the whole text, and its parts between commas, semicolons, slashes and "and". */
export function audiences(who: string): string[] {
  const parts = who.split(/\s*(?:[,;/&]|\band\b)\s*/i).map(key);
  return [key(who), ...parts].filter((p) => p !== '');
}

/** The findings, Internal customers rows first (in row order, each row's in kind order), then the KPIs'. */
export function internalCustomersLint(
  customers: readonly InternalCustomer[],
  kpis: readonly KpiAudience[],
): CustomerFinding[] {
  const found: CustomerFinding[] = [];
  const receivers = new Set<string>();
  for (const c of customers) {
    if (c.information.trim() === '' && c.receiver.trim() === '') continue;
    if (c.receiver.trim() !== '') receivers.add(key(c.receiver));
    const base = { tab: 'Internal customers' as const, row: c.row, subject: c.information.trim() || c.receiver.trim() };
    const to = c.receiver.trim() || 'its receiver';
    if (c.via.trim() !== '') {
      found.push({
        ...base,
        kind: 'via',
        text: `reaches ${to} through ${c.via.trim()}: should it go directly?`,
      });
    }
    const provided = key(c.provided);
    if (provided === 'no') {
      found.push({ ...base, kind: 'not provided', text: `${to} needs it and does not get it: a white spot` });
    } else if (provided === 'partly') {
      found.push({ ...base, kind: 'partly provided', text: `${to} gets it only partly` });
    }
  }
  for (const k of kpis) {
    if (k.kpi.trim() === '' || k.who.trim() === '') continue;
    if (audiences(k.who).some((a) => receivers.has(a))) continue;
    found.push({
      kind: 'unknown receiver',
      tab: 'KPIs',
      row: k.row,
      subject: k.kpi.trim(),
      text: `its Who, ${k.who.trim()}, is not a receiver in Internal customers`,
    });
  }
  return found;
}
