// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { renderImprove, sinceInWords } from '../../../src/client/panels/improve';
import { button, byLabel, fakeBridge, flush, host, IMPROVE, improveData, SHIFT_CHART, XSS } from '../fixtures';

const WHYS = [
  'Reps call whoever answers',
  'Nobody ranks leads',
  'Scores are ignored',
  'Not in the meeting',
  'Old agenda',
];

function open(root: HTMLElement, id: string): void {
  const item = root.querySelector<HTMLButtonElement>(`.improvements button[data-id="${id}"]`);
  if (!item) throw new Error(`no item ${id}`);
  item.click();
}

/** Answers the current "Why" question with `text` (Enter in the field submits its form). */
function answer(root: HTMLElement, text: string): void {
  const input = root.querySelector<HTMLInputElement>('input.why-question');
  if (!input) throw new Error('no question');
  input.value = text;
  input.form?.requestSubmit();
}

describe('the Improve panel', () => {
  it('lists the items by stage, oldest first, every sheet text as text', () => {
    const root = host();
    renderImprove(root, IMPROVE, fakeBridge());
    expect([...root.querySelectorAll('.stage-heading')].map((h) => h.textContent)).toEqual(['Plan (2)', 'Check (1)']);
    expect([...root.querySelectorAll('.improvements .row-main')].map((e) => e.textContent)).toEqual([
      'I-003 We lose tenders on price',
      `I-004 ${XSS}`,
      'I-001 Too few opportunities',
    ]);
    expect(root.querySelector('img')).toBeNull();
    expect(root.querySelector('.improvements .row-sub')?.textContent).toBe('raised 2026-02-01 by Ana · 1 of 5 whys');
    expect([...root.querySelectorAll('.improve-lint li')].map((li) => li.textContent)).toEqual([
      'I-001 Too few opportunitiesdue 2026-02-01 has passed',
    ]);
  });

  it('raises a problem, then opens it with the first why asked', async () => {
    const root = host();
    const fresh = {
      ...IMPROVE,
      items: [
        ...IMPROVE.items,
        { ...IMPROVE.items[0], id: 'I-005', row: 6, problem: 'Quotes take a week', whys: ['', '', '', '', ''] },
      ],
    };
    const bridge = fakeBridge({ getImprovePanel: async () => improveData(fresh) });
    renderImprove(root, IMPROVE, bridge);
    byLabel<HTMLTextAreaElement>(root, 'Problem').value = 'Quotes take a week';
    byLabel(root, 'Raised by').value = 'Ben';
    button(root, 'Raise problem').click();
    await flush();
    expect(bridge.raiseProblem).toHaveBeenCalledWith({ problem: 'Quotes take a week', raisedBy: 'Ben' });
    expect(root.querySelector('.item-heading')?.textContent).toBe('I-005: Quotes take a week');
    expect(root.querySelector('[role="status"]')?.textContent).toBe('Raised I-005 in row 6. Now ask why.');
    const question = byLabel(root, 'Why does this happen?');
    expect(document.activeElement).toBe(question);
  });

  it('refuses to raise a problem without text or a name, marking the fields', () => {
    const root = host();
    const bridge = fakeBridge();
    renderImprove(root, IMPROVE, bridge);
    button(root, 'Raise problem').click();
    expect(bridge.raiseProblem).not.toHaveBeenCalled();
    expect(byLabel<HTMLTextAreaElement>(root, 'Problem').getAttribute('aria-invalid')).toBe('true');
    expect(root.textContent).toContain('Problem is required');
    expect(document.activeElement).toBe(byLabel(root, 'Problem'));
  });

  it('walks the whys one at a time, each answer the next question, then saves the whole walk', async () => {
    const root = host();
    const bridge = fakeBridge();
    renderImprove(root, IMPROVE, bridge);
    open(root, 'I-004');
    for (const [i, text] of WHYS.entries()) {
      const label = i === 0 ? 'Why does this happen?' : 'Why is that?';
      const question = byLabel(root, label);
      expect(document.activeElement).toBe(question);
      // The question quotes the statement it asks about: the problem first, then the last answer.
      const hint = document.getElementById(question.getAttribute('aria-describedby')?.split(' ')[0] ?? '');
      expect(hint?.textContent).toBe(`“${i === 0 ? XSS : WHYS[i - 1]}”`);
      answer(root, text);
      expect(byLabel(root, `Why ${i + 1}`).value).toBe(text);
    }
    expect(root.querySelector('input.why-question')).toBeNull();
    expect(document.activeElement).toBe(byLabel(root, 'Root cause'));
    byLabel<HTMLTextAreaElement>(root, 'Root cause').value = 'The agenda predates the scores';
    byLabel<HTMLTextAreaElement>(root, 'Action').value = 'Put the top leads first on the agenda';
    byLabel<HTMLSelectElement>(root, 'Owner').value = 'Ben';
    byLabel(root, 'Due').value = '2026-05-01';
    byLabel<HTMLSelectElement>(root, 'Feedback KPI').value = 'Lead defects';
    byLabel<HTMLSelectElement>(root, 'Stage').value = 'Do';
    button(root, 'Save item').click();
    await flush();
    expect(bridge.saveImprovement).toHaveBeenCalledWith({
      id: 'I-004',
      version: 'v1',
      walk: {
        whys: WHYS,
        rootCause: 'The agenda predates the scores',
        action: 'Put the top leads first on the agenda',
        owner: 'Ben',
        due: '2026-05-01',
        feedbackKpi: 'Lead defects',
        stage: 'Do',
        result: '',
      },
    });
    expect(bridge.getImprovePanel).toHaveBeenCalled();
    expect(root.querySelector('[role="status"]')?.textContent).toBe('Saved I-001 in row 2.');
  });

  it('keeps what was typed and offers a reload when someone changed the item', async () => {
    const root = host();
    const conflict = 'I-003 was changed in the sheet since you opened it; nothing was saved.';
    const bridge = fakeBridge({ saveImprovement: async () => ({ ok: false, conflict }) });
    renderImprove(root, IMPROVE, bridge);
    open(root, 'I-003');
    byLabel<HTMLTextAreaElement>(root, 'Root cause').value = 'Typed by me';
    button(root, 'Save item').click();
    await flush();
    expect(root.querySelector('.walk-form [role="status"]')?.textContent).toBe(conflict);
    expect(byLabel<HTMLTextAreaElement>(root, 'Root cause').value).toBe('Typed by me');
    button(root, 'Reload item').click();
    await flush();
    expect(bridge.getImprovePanel).toHaveBeenCalledTimes(1);
    expect(byLabel<HTMLTextAreaElement>(root, 'Root cause').value).toBe('');
    expect(root.querySelector('[role="status"]')?.textContent).toBe('Reloaded I-003 as the sheet holds it now.');
  });

  it('checks the walk before sending: a bad date is marked and nothing is sent', () => {
    const root = host();
    const bridge = fakeBridge();
    renderImprove(root, IMPROVE, bridge);
    open(root, 'I-003');
    const due = byLabel(root, 'Due');
    // A browser without a date picker lets any text through.
    due.type = 'text';
    due.value = 'soon';
    button(root, 'Save item').click();
    expect(bridge.saveImprovement).not.toHaveBeenCalled();
    expect(due.getAttribute('aria-invalid')).toBe('true');
  });

  it("shows the feedback KPI's run chart with its limits and what KPISIGNAL said since the action was due", () => {
    const root = host();
    renderImprove(root, IMPROVE, fakeBridge());
    open(root, 'I-001');
    const chart = root.querySelector('.feedback-chart svg.run');
    expect(chart?.getAttribute('aria-label')).toMatch(/^Run chart of Lead defects: 14 values/);
    expect(root.querySelectorAll('.feedback-chart line.limit')).toHaveLength(2);
    expect(root.querySelectorAll('.feedback-chart line.centre')).toHaveLength(1);
    expect(root.querySelector('.feedback-chart .since')?.textContent).toBe(
      sinceInWords(SHIFT_CHART, '2026-02-01', 'the action was due'),
    );
    byLabel<HTMLSelectElement>(root, 'Feedback KPI').value = '';
    byLabel<HTMLSelectElement>(root, 'Feedback KPI').dispatchEvent(new Event('change'));
    expect(root.querySelector('.feedback-chart svg')).toBeNull();
  });

  it('keeps a why typed in the sheet after a blank one, so a save never drops it', () => {
    const root = host();
    const gap = { ...IMPROVE.items[1], whys: ['', 'Second', '', '', ''] };
    const bridge = fakeBridge();
    renderImprove(root, { ...IMPROVE, items: [gap] }, bridge);
    open(root, gap.id);
    expect(byLabel(root, 'Why 1').value).toBe('');
    expect(byLabel(root, 'Why 2').value).toBe('Second');
    button(root, 'Save item').click();
    expect(bridge.saveImprovement).not.toHaveBeenCalled();
    expect(root.querySelector('.walk-form [role="status"]')?.textContent).toBe('Not saved: Answer Why 1 before Why 2');
  });

  it('goes back to the list with the focus on the item it came from', () => {
    const root = host();
    renderImprove(root, IMPROVE, fakeBridge());
    open(root, 'I-001');
    button(root, 'Back to the list').click();
    expect(document.activeElement?.getAttribute('data-id')).toBe('I-001');
  });

  it('every control of the walk is labelled', () => {
    const root = host();
    renderImprove(root, IMPROVE, fakeBridge());
    open(root, 'I-001');
    for (const control of root.querySelectorAll('input, select, textarea')) {
      expect(root.querySelector(`label[for="${control.id}"]`), control.outerHTML).not.toBeNull();
    }
  });
});

describe('sinceInWords', () => {
  it('names the first signal since the day and what KPISIGNAL says now', () => {
    expect(sinceInWords(SHIFT_CHART, '2026-02-16', 'the action was due')).toBe(
      '8 values since 2026-02-16 (the action was due): KPISIGNAL first said "signal: above the limits" on 2026-03-23; with the latest value it says "signal: 8 in a row above the centre".',
    );
    expect(sinceInWords(SHIFT_CHART, '2027-01-01', 'the action was due')).toBe(
      'No value logged since 2027-01-01 (the action was due) yet.',
    );
  });
});
