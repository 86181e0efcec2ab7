// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { APPLY, renderCheck } from '../../../src/client/panels/check';
import type { CheckPanel } from '../../../src/client/panels/check-model';
import type { ApplyWeightsResult } from '../../../src/shared/sidebar-api';
import {
  CHECK,
  CHECK_AS_GOOD,
  CHECK_DATA_APPLIED,
  CHECK_DATA_TOO_LITTLE,
  CHECK_TOO_LITTLE,
  fakeBridge,
  flush,
  host,
} from '../fixtures';

const bands = (root: HTMLElement) => [...root.querySelectorAll<HTMLElement>('li.check-band')];
const applyButton = (root: HTMLElement) =>
  [...root.querySelectorAll('button')].find((b) => b.textContent === APPLY) ?? null;
const weightRows = (root: HTMLElement) =>
  [...root.querySelectorAll('table.check-weights tbody tr')].map((tr) => [...tr.children].map((c) => c.textContent));

/** A promise settled from the test, to look at the panel while a call is in flight. */
function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((yes, no) => {
    resolve = yes;
    reject = no;
  });
  return { promise, resolve, reject };
}

describe('the Check panel', () => {
  it('draws each score band as a bar with its win rate, interval and counts as text', () => {
    const root = host();
    renderCheck(root, CHECK, fakeBridge());
    const items = bands(root);
    expect(items.map((li) => li.querySelector('.rep-name')?.textContent)).toEqual([
      'Score 75-100',
      'Score 50-75',
      'Score 25-50',
      'Score 0-25',
    ]);
    expect(items[1].querySelector('.rep-figures')?.textContent).toBe('63% won (43%-79%)');
    expect(items[1].textContent).toContain('15 won of 24 closed');
    expect(items[0].textContent).toBe('Score 75-100no closed leads');
    expect(items[0].querySelector('rect.value-bar')).toBeNull();
    const bar = items[1].querySelector('rect.value-bar') as SVGRectElement;
    expect(Number(bar.getAttribute('width'))).toBeCloseTo(62.5, 6);
    const whiskers = [...items[1].querySelectorAll('line.whisker')];
    expect(Number(whiskers[0].getAttribute('x1'))).toBeCloseTo(42.7, 6);
    expect(Number(whiskers[0].getAttribute('x2'))).toBeCloseTo(78.84, 6);
    // The bars are decoration: the numbers are in the text.
    expect(items[1].querySelector('svg')?.getAttribute('aria-hidden')).toBe('true');
  });

  it('gives the AUC with its interval in words, and the closed leads it rests on', () => {
    const root = host();
    renderCheck(root, CHECK, fakeBridge());
    const text = root.textContent ?? '';
    expect(root.querySelector('.headline')?.textContent).toBe(
      'AUC 0.81 (95% interval 0.67-0.95) clearly better than a coin toss',
    );
    expect(text).toContain('the won one has the higher score 81% of the time');
    expect(text).toContain('0.5 is a coin toss, 1 a perfect ranking');
    expect(text).toContain('Rests on 40 leads closed with a score: 19 won, 21 lost');
    // The coin toss is drawn on the AUC's bar.
    expect(Number(root.querySelector('line.reference')?.getAttribute('x1'))).toBe(50);
  });

  it('says when the AUC cannot tell the score from a coin toss', () => {
    const root = host();
    renderCheck(root, { ...CHECK, ranking: { auc: 0.58, low: 0.4, high: 0.76, won: 6, lost: 7 } }, fakeBridge());
    expect(root.querySelector('.headline')?.textContent).toContain('not clearly better than a coin toss yet');
  });

  it('compares the weights factor by factor with both cross-validated AUCs, and offers a better suggestion', () => {
    const root = host();
    renderCheck(root, CHECK, fakeBridge());
    expect(weightRows(root)[0]).toEqual(['Maturity', '2', '4.22']);
    expect(weightRows(root)[4]).toEqual(['Complexity', '1', '0.04']);
    expect(weightRows(root)).toHaveLength(10);
    const foot = [...root.querySelectorAll('table.check-weights tfoot th, table.check-weights tfoot td')];
    expect(foot.map((c) => c.textContent)).toEqual(['Cross-validated AUC', '0.81', '0.93']);
    expect(root.textContent).toContain('in 5 folds');
    expect(root.textContent).toContain('0.93 against 0.81 today');
    const button = applyButton(root);
    expect(button?.disabled).toBe(false);
    expect(button?.type).toBe('button');
  });

  it('offers nothing when the current weights are as good as the data can tell', () => {
    const root = host();
    renderCheck(root, CHECK_AS_GOOD, fakeBridge());
    expect(applyButton(root)).toBeNull();
    expect(root.textContent).toContain('The current weights are as good as the data can tell: 0.94 today');
    expect(weightRows(root)[0]).toEqual(['Maturity', '4.22', '4.22']);
  });

  it('treats too little data as a normal state: how many won and lost leads are needed and how many there are', () => {
    const root = host();
    renderCheck(root, CHECK_TOO_LITTLE, fakeBridge());
    expect(applyButton(root)).toBeNull();
    const note = root.querySelector('.notice')?.textContent;
    expect(note).toContain('needs at least 10 won and 10 lost leads');
    expect(note).toContain('there are 3 won and 12 lost');
    expect(root.querySelector('.error')).toBeNull();
    // Today's weights are still shown, without a suggestion column.
    expect(weightRows(root)[0]).toEqual(['Maturity', '2']);
    expect(root.querySelector('table.check-weights tfoot')).toBeNull();
  });

  it('says so when there is no closed lead to rank', () => {
    const root = host();
    const none: CheckPanel = { ...CHECK_TOO_LITTLE, ranking: { auc: null, low: null, high: null, won: 0, lost: 2 } };
    renderCheck(root, none, fakeBridge());
    expect(root.textContent).toContain('needs at least 1 won and 1 lost lead with a score; there are 0 won and 2 lost');
  });

  it('applies with what it showed, disables the button meanwhile, then redraws with the result', async () => {
    const root = host();
    const call = deferred<ApplyWeightsResult>();
    const bridge = fakeBridge({ applySuggestedWeights: () => call.promise });
    renderCheck(root, CHECK, bridge);
    applyButton(root)?.click();
    const { suggested, currentAuc, suggestedAuc } = CHECK.weights;
    expect(bridge.applySuggestedWeights).toHaveBeenCalledWith({
      fingerprint: 'shown-1',
      suggested,
      currentAuc,
      suggestedAuc,
    });
    expect(applyButton(root)?.disabled).toBe(true);
    expect(root.textContent).toContain('Applying the suggested weights');
    call.resolve({ ok: true, improvement: 'I-005', row: 6, panel: CHECK_DATA_APPLIED });
    await flush();
    expect(applyButton(root)).toBeNull();
    const notice = root.querySelector('.check-notice') as HTMLElement;
    expect(notice.textContent).toBe(
      'Applied: Factors now holds the suggested weights, and I-005 in Improvements (row 6) records the change.',
    );
    expect(notice.dataset.tone).toBe('ok');
    expect(document.activeElement).toBe(notice);
    expect(weightRows(root)[0]).toEqual(['Maturity', '4.22', '4.22']);
  });

  it('redraws with the numbers as they are when they changed since the panel was drawn', async () => {
    const root = host();
    const message =
      'The numbers changed since you looked, so nothing was written. The panel now shows them as they are.';
    const bridge = fakeBridge({
      applySuggestedWeights: async () => ({ ok: false, message, panel: CHECK_DATA_TOO_LITTLE }),
    });
    renderCheck(root, CHECK, bridge);
    applyButton(root)?.click();
    await flush();
    expect(root.querySelector('.check-notice')?.textContent).toBe(message);
    expect(root.textContent).toContain('there are 3 won and 12 lost');
    expect(applyButton(root)).toBeNull();
  });

  it('keeps the panel and enables the button again when the call fails', async () => {
    const root = host();
    const bridge = fakeBridge({
      applySuggestedWeights: async () => {
        throw new Error('Someone else is saving to this workbook right now; nothing was written.');
      },
    });
    renderCheck(root, CHECK, bridge);
    applyButton(root)?.click();
    await flush();
    expect(applyButton(root)?.disabled).toBe(false);
    const status = root.querySelector('[data-tone="error"]');
    expect(status?.textContent).toContain('Nothing was applied: Someone else is saving');
    expect(status?.getAttribute('role')).toBe('status');
  });

  it('labels its lists and tables, and shows sheet text only as text', () => {
    const root = host();
    const xss = '<img src=x onerror=alert(1)>';
    renderCheck(root, { ...CHECK, factors: [xss, ...CHECK.factors.slice(1)] }, fakeBridge());
    expect(root.querySelector('img')).toBeNull();
    expect(weightRows(root)[0][0]).toBe(xss);
    expect(root.querySelector('ul.check-bands')?.getAttribute('aria-label')).toBe('Win rate per score band');
    expect(root.querySelector('table.check-weights caption')?.textContent).toBe('Weights: today and suggested');
    for (const section of root.querySelectorAll('section')) {
      const id = section.getAttribute('aria-labelledby') as string;
      expect(document.getElementById(id)?.tagName).toBe('H3');
    }
  });
});
