import { describe, expect, it } from 'vitest';
import { checkPanelOf } from '../../src/client/panels/check-model';
import type { ApplyWeightsResult, CheckData } from '../../src/shared/sidebar-api';
import { shownCheck } from './check-shown';
import { call, columnOf, FACTORS10, records, run, sampleWorkbook, type Workbook } from './harness';
import { leadForm as form } from './lead-form-fixture';

const CHANGED = 'The numbers changed since you looked, so nothing was written. The panel now shows them as they are.';
const NOTHING_TO_APPLY =
  'The current weights are as good as the data can tell, so nothing was written. The panel now shows why.';
const BUSY = 'Someone else is saving to this workbook right now; nothing was written. Try again in a moment.';
const SAMPLE_WEIGHTS = [2, 1, 1, 2, 1, 1, 1, 2, 1, 1];

const weightsOf = (workbook: Workbook) => {
  const factors = records(workbook, 'Factors');
  return FACTORS10.map((name) => factors.find((f) => f.Factor === name)?.Weight);
};
const improvementIds = (workbook: Workbook) =>
  records(workbook, 'Improvements')
    .map((r) => r.ID)
    .filter((id) => id !== '');

/** The Status cells of Leads, one per data row. */
function statuses(workbook: Workbook): unknown[] {
  const status = columnOf(workbook, 'Leads', 'Status') - 1;
  return workbook
    .values('Leads')
    .slice(1)
    .map((row) => row[status]);
}

/** Sets the Status of the data rows (from row 2) whose current status passes `which` to `to`, the first `count`. */
function setStatus(workbook: Workbook, which: string, to: string, count: number): void {
  const column = columnOf(workbook, 'Leads', 'Status');
  let left = count;
  statuses(workbook).forEach((status, i) => {
    if (status !== which || left === 0) return;
    workbook.write('Leads', i + 2, column, [[to]]);
    left--;
  });
}

describe('getCheckPanel', () => {
  it('sends the weights and each closed lead in sheet order, W or L and its ten ratings, and no open lead', () => {
    const workbook = sampleWorkbook();
    const data = call<CheckData>(workbook, 'getCheckPanel');
    expect(data.factors).toEqual(FACTORS10);
    expect(data.weights).toEqual(SAMPLE_WEIGHTS);
    const closed = statuses(workbook).filter((s) => s === 'Won' || s === 'Lost');
    expect(data.closed.map((lead) => lead[0])).toEqual(closed.map((s) => String(s)[0]));
    expect(data.closed.every((lead) => /^[WL][-x1-5]{10}$/.test(lead))).toBe(true);
    expect(data.fingerprint).toMatch(/^[0-9a-z]+$/);
  });

  it('marks a blank rating - and any other value x, text spelling a rating read as the rating', () => {
    const workbook = sampleWorkbook();
    const status = columnOf(workbook, 'Leads', 'Status') - 1;
    const first = workbook
      .values('Leads')
      .slice(1)
      .findIndex((row) => row[status] === 'Won' || row[status] === 'Lost');
    const maturity = columnOf(workbook, 'Leads', 'Maturity');
    workbook.write('Leads', first + 2, maturity, [['', ' 3 ', 7, 'high']]);
    const lead = call<CheckData>(workbook, 'getCheckPanel').closed[0];
    expect(lead.slice(1, 5)).toBe('-3xx');
  });

  it('gives the same fingerprint for the same data, and another when a closed lead or a weight changes', () => {
    const workbook = sampleWorkbook();
    const fingerprint = () => call<CheckData>(workbook, 'getCheckPanel').fingerprint;
    const first = fingerprint();
    expect(fingerprint()).toBe(first);
    setStatus(workbook, 'Won', 'Lost', 1);
    const second = fingerprint();
    expect(second).not.toBe(first);
    workbook.write('Factors', 2, columnOf(workbook, 'Factors', 'Weight'), [[3]]);
    expect(fingerprint()).not.toBe(second);
  });

  it('reads Leads and Factors once each', () => {
    const { execution } = run(sampleWorkbook(), 'getCheckPanel');
    expect(execution.calls.count('Range.getValues')).toBe(2);
  });
});

describe('applySuggestedWeights', () => {
  it('writes the ten weights into Factors and exactly one Improvements row, under the document lock', () => {
    const workbook = sampleWorkbook();
    const shown = shownCheck(workbook).panel;
    const before = improvementIds(workbook);
    const calls: string[] = [];
    const { result } = run(workbook, 'applySuggestedWeights', [shownCheck(workbook).request], {
      onServiceCall: (method) => calls.push(method),
    });
    const applied = result as ApplyWeightsResult;
    const expected = (shown.weights.suggested as number[]).map((w) => Math.round(w * 100) / 100);
    expect(weightsOf(workbook)).toEqual(expected);
    expect(expected.slice(0, 3)).toEqual([4.22, 0, 2.92]);

    const ids = improvementIds(workbook);
    expect(ids).toEqual([...before, 'I-005']);
    const row = records(workbook, 'Improvements')[ids.length - 1];
    const today = new Date().toISOString().slice(0, 10);
    expect((row.Raised as Date).toISOString().slice(0, 10)).toBe(today);
    expect(row).toMatchObject({
      'Raised by': 'user@example.com',
      Problem: 'Factor weights did not match what wins',
      'Feedback KPI': '',
      Stage: 'Check',
      Result: 'Cross-validated AUC (5 folds, 19 won and 21 lost leads): current weights 0.81, suggested weights 0.93',
    });
    expect(row.Action).toContain('Maturity 2 → 4.22, Knowledge 1 → 0, Authority 1 → 2.92');
    expect(row.Action).toContain('Purchase history 1 → 0');
    expect(applied).toMatchObject({ ok: true, improvement: 'I-005', row: ids.length + 1 });

    // Every write between taking the lock and releasing it; the ten weights in one setValues.
    const writes = calls
      .map((m, i) => [m, i] as const)
      .filter(([m]) => /^(Range\.set|Sheet\.(appendRow|insert))/.test(m));
    expect(writes.length).toBeGreaterThanOrEqual(2);
    expect(writes[0][0]).toBe('Range.setValues');
    const locked = calls.indexOf('Lock.waitLock');
    const released = calls.lastIndexOf('Lock.releaseLock');
    expect(locked).toBeGreaterThanOrEqual(0);
    for (const [, at] of writes) expect(at > locked && at < released).toBe(true);

    // Redrawn with the weights written: now the current ones.
    if (!applied.ok) throw new Error('not applied');
    expect(applied.panel.weights).toEqual(expected);
    expect(applied.panel).toEqual(call<CheckData>(workbook, 'getCheckPanel'));
    expect(checkPanelOf(applied.panel).weights).toMatchObject({ current: expected, better: false });
  });

  it('writes the weights by factor name, wherever the rows are, and leaves other rows between them alone', () => {
    const workbook = sampleWorkbook();
    const factors = workbook.values('Factors');
    // Maturity moves below Competition, and a row of the manager's own sits between them.
    const [, maturity, ...rest] = factors.slice(0, 11);
    workbook.write('Factors', 2, 1, [...rest, ['My note', '=1+1'], maturity]);
    const { panel: shown, request } = shownCheck(workbook);
    expect(shown.weights.current).toEqual(SAMPLE_WEIGHTS);
    const applied = call<ApplyWeightsResult>(workbook, 'applySuggestedWeights', request);
    expect(applied.ok).toBe(true);
    const expected = (shown.weights.suggested as number[]).map((w) => Math.round(w * 100) / 100);
    expect(weightsOf(workbook)).toEqual(expected);
    expect(workbook.formulas('Factors')[10][1]).toBe('=1+1');
    expect(records(workbook, 'Factors')[9]).toMatchObject({ Factor: 'My note' });
    expect(records(workbook, 'Factors')[10]).toMatchObject({ Factor: 'Maturity', Weight: expected[0] });
  });

  it('writes nothing when a lead changed between drawing the panel and applying', () => {
    const workbook = sampleWorkbook();
    const { request } = shownCheck(workbook);
    // A rep closes a lead as Lost that was Won meanwhile.
    setStatus(workbook, 'Won', 'Lost', 1);
    const before = workbook.snapshot();
    const result = call<ApplyWeightsResult>(workbook, 'applySuggestedWeights', request);
    expect(result).toMatchObject({ ok: false, message: CHANGED });
    expect(workbook.snapshot()).toEqual(before);
    expect(result.panel).toEqual(call<CheckData>(workbook, 'getCheckPanel'));
    const now = checkPanelOf(result.panel).weights;
    expect([now.won, now.lost]).toEqual([18, 22]);
  });

  it('writes nothing when a weight changed meanwhile, or for a fingerprint that was never shown', () => {
    const workbook = sampleWorkbook();
    const { request } = shownCheck(workbook);
    workbook.write('Factors', 2, columnOf(workbook, 'Factors', 'Weight'), [[3]]);
    const before = workbook.snapshot();
    expect(call(workbook, 'applySuggestedWeights', request)).toMatchObject({ ok: false, message: CHANGED });
    const madeUp = { ...request, fingerprint: 'made up' };
    expect(call(workbook, 'applySuggestedWeights', madeUp)).toMatchObject({ ok: false, message: CHANGED });
    expect(workbook.snapshot()).toEqual(before);
  });

  it('writes nothing for weights FACTORWEIGHTS does not suggest, even with the fingerprint the panel showed', () => {
    const workbook = sampleWorkbook();
    const { request } = shownCheck(workbook);
    const before = workbook.snapshot();
    const other = { ...request, suggested: request.suggested.map((w, i) => (i === 0 ? w + 1 : w)) };
    expect(call(workbook, 'applySuggestedWeights', other)).toMatchObject({ ok: false, message: CHANGED });
    expect(workbook.snapshot()).toEqual(before);
  });

  it('writes nothing when the suggestion is not better, even with the fingerprint the panel showed', () => {
    const workbook = sampleWorkbook();
    call(workbook, 'applySuggestedWeights', shownCheck(workbook).request);
    const again = shownCheck(workbook);
    expect(again.panel.weights.better).toBe(false);
    const before = workbook.snapshot();
    expect(call(workbook, 'applySuggestedWeights', again.request)).toMatchObject({
      ok: false,
      message: NOTHING_TO_APPLY,
    });
    // Nor with AUCs that are no AUCs.
    const bad = { ...again.request, currentAuc: -1, suggestedAuc: 2 };
    expect(call(workbook, 'applySuggestedWeights', bad)).toMatchObject({ ok: false, message: NOTHING_TO_APPLY });
    expect(workbook.snapshot()).toEqual(before);
    expect(improvementIds(workbook)).toEqual(['I-001', 'I-002', 'I-003', 'I-004', 'I-005']);
  });

  it('writes nothing when FACTORWEIGHTS has no suggestion, whatever AUCs are sent', () => {
    const workbook = sampleWorkbook();
    setStatus(workbook, 'Won', 'New', 16);
    const { request, panel } = shownCheck(workbook);
    expect(panel.weights.status).toBe('too little data');
    const before = workbook.snapshot();
    const claimed = { ...request, suggested: SAMPLE_WEIGHTS, currentAuc: 0.5, suggestedAuc: 0.9 };
    expect(call(workbook, 'applySuggestedWeights', claimed)).toMatchObject({ ok: false, message: NOTHING_TO_APPLY });
    expect(workbook.snapshot()).toEqual(before);
  });

  it("records 'Lean Sales' as who raised it when Apps Script does not tell the user's email", () => {
    const workbook = sampleWorkbook();
    const { request } = shownCheck(workbook);
    // Under LIMITED authorization Session's users have an empty email.
    run(workbook, 'applySuggestedWeights', [request], { authMode: 'LIMITED' });
    const rows = records(workbook, 'Improvements').filter((r) => r.ID === 'I-005');
    expect(rows.map((r) => r['Raised by'])).toEqual(['Lean Sales']);
  });

  it('writes nothing, and says how to fix it, when the Improvements tab is missing', () => {
    const workbook = sampleWorkbook();
    const { request } = shownCheck(workbook);
    workbook.deleteSheet(workbook.sheet('Improvements'));
    const before = workbook.snapshot();
    expect(() => call(workbook, 'applySuggestedWeights', request)).toThrow(
      'The Improvements tab is missing. Run Extensions > Lean Sales > Set up workbook.',
    );
    expect(workbook.snapshot()).toEqual(before);
  });

  it('fails with the busy message and writes nothing while another execution holds the lock', () => {
    const workbook = sampleWorkbook();
    const { request } = shownCheck(workbook);
    let inner: unknown;
    let held = false;
    // Another execution applies while a lead save holds the lock (at its first call after taking it).
    run(workbook, 'saveLead', [form()], {
      onServiceCall: (method) => {
        if (method === 'Lock.waitLock') held = true;
        else if (held && inner === undefined) {
          const before = workbook.snapshot();
          try {
            inner = run(workbook, 'applySuggestedWeights', [request]).result;
          } catch (error) {
            inner = (error as Error).message;
          }
          expect(workbook.snapshot()).toEqual(before);
        }
      },
    });
    expect(inner).toBe(BUSY);
    expect(weightsOf(workbook)).toEqual(SAMPLE_WEIGHTS);
  });
});

describe('batched access', () => {
  /** The sample workbook whose Leads hold `count` rows, cycling through the sample's closed leads. */
  function withClosedLeads(count: number): Workbook {
    const workbook = sampleWorkbook();
    const [, ...rows] = workbook.values('Leads');
    const status = columnOf(workbook, 'Leads', 'Status') - 1;
    const score = columnOf(workbook, 'Leads', 'Score') - 1;
    const closed = rows.filter((row) => row[status] === 'Won' || row[status] === 'Lost');
    const sheet = workbook.sheet('Leads');
    if (count + 100 > sheet.maxRows) workbook.insertRows(sheet, sheet.maxRows + 1, count + 100 - sheet.maxRows);
    sheet.values.fill(1, 0, rows.length, rows[0].length, '');
    // Everything left of the computed Score column: the lead, its ratings; then its Status.
    const leads = Array.from({ length: count }, (_, i) => closed[i % closed.length]);
    workbook.write(
      'Leads',
      2,
      1,
      leads.map((row) => row.slice(0, score)),
    );
    workbook.write(
      'Leads',
      2,
      status + 1,
      leads.map((row) => [row[status]]),
    );
    return workbook;
  }

  it('reads the same at 10 and at 1,000 leads', () => {
    const [small, large] = [10, 1_000].map((n) => run(withClosedLeads(n), 'getCheckPanel').execution.calls.byMethod());
    expect(large).toEqual(small);
  });

  it('applies with the same service calls at 40 and at 1,000 leads', () => {
    // Ten leads cannot give a suggestion (it needs 10 won and 10 lost): 40 is the sample's closed leads.
    const [small, large] = [40, 1_000].map((n) => {
      const workbook = withClosedLeads(n);
      const shown = shownCheck(workbook);
      expect(shown.panel.weights.better).toBe(true);
      const { execution, result } = run(workbook, 'applySuggestedWeights', [shown.request]);
      expect(result).toMatchObject({ ok: true });
      return execution.calls.byMethod();
    });
    expect(large).toEqual(small);
    expect(small['Range.setValues']).toBeGreaterThanOrEqual(1);
  });

  it('writes nothing with the same service calls at 10 and at 1,000 leads', () => {
    const [small, large] = [10, 1_000].map((n) =>
      run(withClosedLeads(n), 'applySuggestedWeights', [{ fingerprint: 'old' }]).execution.calls.byMethod(),
    );
    expect(large).toEqual(small);
    expect(small['Range.setValues']).toBeUndefined();
  });
});
