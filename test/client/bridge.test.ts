// @vitest-environment jsdom
import { describe, expect, expectTypeOf, it, vi } from 'vitest';
import {
  type Bridge,
  createBridge,
  errorMessage,
  lockButtons,
  NOT_CONNECTED,
  type ScriptRunner,
  type Wire,
} from '../../src/client/bridge';
import { h } from '../../src/client/dom';
import type { LeadsPanel, SaveLeadResult } from '../../src/shared/sidebar-api';
import { button, flush, host, LEADS } from './fixtures';

interface Call {
  readonly name: string;
  readonly args: unknown[];
  succeed(value: unknown): void;
  fail(error: unknown): void;
}

/**
 * A stand-in for google.script.run: each with...Handler returns a new runner, as Apps Script's does, and each
 * server call waits until the test settles it.
 */
function fakeRun(names: string[]): { run: ScriptRunner; calls: Call[] } {
  const calls: Call[] = [];
  const make = (success?: (v: unknown) => void, failure?: (e: unknown) => void): ScriptRunner => {
    const runner: Record<string, unknown> = {
      withSuccessHandler: (f: (v: unknown) => void) => make(f, failure),
      withFailureHandler: (f: (e: unknown) => void) => make(success, f),
    };
    for (const name of names) {
      runner[name] = (...args: unknown[]) => {
        calls.push({ name, args, succeed: (v) => success?.(v), fail: (e) => failure?.(e) });
      };
    }
    return runner as unknown as ScriptRunner;
  };
  return { run: make(), calls };
}

const NAMES = ['getLeadsPanel', 'saveLead', 'goToRow'];

describe('the bridge over google.script.run', () => {
  it('calls the server function by name with its arguments and resolves with its value', async () => {
    const { run, calls } = fakeRun(NAMES);
    const bridge = createBridge(run);
    const done = bridge.goToRow('Leads', 12);
    expect(calls).toHaveLength(1);
    expect(calls[0]).toMatchObject({ name: 'goToRow', args: ['Leads', 12] });
    calls[0].succeed(undefined);
    await expect(done).resolves.toBeUndefined();
  });

  it('resolves a panel load with the data the server returned', async () => {
    const { run, calls } = fakeRun(NAMES);
    const loading = createBridge(run).getLeadsPanel();
    calls[0].succeed(LEADS);
    await expect(loading).resolves.toEqual(LEADS);
  });

  it("rejects with the Error's message on failure, never [object Object]", async () => {
    const { run, calls } = fakeRun(NAMES);
    const saving = createBridge(run).getLeadsPanel();
    calls[0].fail(new Error('Exception: The Leads tab is missing; run Lean Sales > Set up workbook.'));
    await expect(saving).rejects.toThrow(/^The Leads tab is missing; run Lean Sales > Set up workbook\.$/);
  });

  it('rejects with a readable message when there is no google.script.run', async () => {
    await expect(createBridge(undefined).getTeamPanel()).rejects.toThrow(NOT_CONNECTED);
  });

  it('rejects when the server lacks the function, and is no longer busy', async () => {
    const onBusy = vi.fn();
    const { run } = fakeRun([]);
    await expect(createBridge(run, { onBusy }).getKpisPanel()).rejects.toThrow(
      'The server has no function getKpisPanel.',
    );
    expect(onBusy.mock.calls).toEqual([[true], [false]]);
  });

  it('has exactly the functions of SidebarApi and is not a thenable', () => {
    const bridge = createBridge(fakeRun(NAMES).run);
    expect(Object.keys(bridge).sort()).toEqual(
      [
        'applySuggestedWeights',
        'findLeads',
        'getCheckPanel',
        'getLead',
        'getSelectedLead',
        'getImprovePanel',
        'getKpisPanel',
        'getLeadsPanel',
        'getSegmentsPanel',
        'getTeamPanel',
        'getWebgraphPanel',
        'goToRow',
        'goToCell',
        'insertComparisonChart',
        'insertMatrixFormula',
        'raiseProblem',
        'saveImprovement',
        'saveLead',
        'saveLeadChanges',
      ].sort(),
    );
    expect('then' in bridge).toBe(false);
  });

  it('reports busy once while calls overlap', async () => {
    const onBusy = vi.fn();
    const { run, calls } = fakeRun(NAMES);
    const bridge = createBridge(run, { onBusy });
    const first = bridge.getLeadsPanel();
    const second = bridge.goToRow('Leads', 3);
    expect(onBusy.mock.calls).toEqual([[true]]);
    calls[0].succeed(LEADS);
    expect(onBusy.mock.calls).toEqual([[true]]);
    calls[1].fail('Row 3 is gone');
    expect(onBusy.mock.calls).toEqual([[true], [false]]);
    await first;
    await expect(second).rejects.toThrow('Row 3 is gone');
  });

  it('types results as what survives the trip: no Date, nothing lost from the API types', () => {
    expectTypeOf<Wire<{ when: Date; n: number }>>().toEqualTypeOf<{ readonly when: never; readonly n: number }>();
    expectTypeOf<Awaited<ReturnType<Bridge['getLeadsPanel']>>>().toExtend<LeadsPanel>();
    expectTypeOf<Awaited<ReturnType<Bridge['saveLead']>>>().toExtend<SaveLeadResult>();
  });
});

describe('buttons while a call is in flight', () => {
  function page() {
    const root = host();
    root.append(
      h('button', null, 'Leads'),
      h('button', null, 'Save lead'),
      h('button', { disabled: true }, 'Insert chart'),
    );
    return root;
  }

  it('are disabled in flight and re-enabled after success', async () => {
    const root = page();
    const { run, calls } = fakeRun(NAMES);
    const bridge = createBridge(run, { onBusy: lockButtons(root) });
    const done = bridge.getLeadsPanel();
    expect(button(root, 'Leads').disabled).toBe(true);
    expect(button(root, 'Save lead').disabled).toBe(true);
    calls[0].succeed(LEADS);
    await done;
    expect(button(root, 'Leads').disabled).toBe(false);
    expect(button(root, 'Save lead').disabled).toBe(false);
  });

  it('are re-enabled after a failure, and one disabled for its own reason stays disabled', async () => {
    const root = page();
    const { run, calls } = fakeRun(NAMES);
    const bridge = createBridge(run, { onBusy: lockButtons(root) });
    const done = bridge.saveLead({
      company: 'Acme',
      contact: '',
      owner: 'Ana',
      segment: '',
      campaign: '',
      notes: '',
      ratings: [1, 1, 1, 1, 1, 1, 1, 1, 1, 1],
    });
    expect(button(root, 'Save lead').disabled).toBe(true);
    calls[0].fail(new Error('Lock timeout'));
    await expect(done).rejects.toThrow('Lock timeout');
    expect(button(root, 'Save lead').disabled).toBe(false);
    expect(button(root, 'Insert chart').disabled).toBe(true);
  });

  it('gives focus back to the button that had it when disabling dropped it', async () => {
    const root = page();
    const save = button(root, 'Save lead');
    save.focus();
    const { run, calls } = fakeRun(NAMES);
    const done = createBridge(run, { onBusy: lockButtons(root) }).getLeadsPanel();
    save.blur(); // What a browser does to a focused button that becomes disabled.
    calls[0].succeed(LEADS);
    await done;
    await flush();
    expect(document.activeElement).toBe(save);
  });
});

describe('errorMessage', () => {
  it.each([
    [new Error('Exception: Too many rows'), 'Too many rows'],
    [{ message: 'plain object' }, 'plain object'],
    ['just text', 'just text'],
    [{ code: 3 }, 'The server did not answer. Try again.'],
    [undefined, 'The server did not answer. Try again.'],
  ])('%s -> %s', (error, message) => {
    expect(errorMessage(error)).toBe(message);
  });
});
