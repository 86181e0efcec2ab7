/** The sidebar's one way to the server: google.script.run as typed promises, buttons locked while a call runs. */

import type { SidebarApi } from '../shared/sidebar-api';

/**
 * The part of `google.script.run` the sidebar uses. The client has no Apps Script types; each `with...Handler`
 * returns a runner that keeps the handler, and the server's functions hang off it by name.
 */
export interface ScriptRunner {
  withSuccessHandler(handler: (value: unknown) => void): ScriptRunner;
  withFailureHandler(handler: (error: unknown) => void): ScriptRunner;
}

/**
 * What a value is after google.script.run: plain data only. A Date or a function does not survive
 * (Apps Script drops the whole result), so either types as `never` and cannot be used by mistake.
 */
export type Wire<T> = T extends Date | ((...args: never[]) => unknown)
  ? never
  : T extends readonly (infer U)[]
    ? readonly Wire<U>[]
    : T extends object
      ? { readonly [K in keyof T]: Wire<T[K]> }
      : T;

export type Bridge = {
  readonly [K in keyof SidebarApi]: (...args: Parameters<SidebarApi[K]>) => Promise<Wire<ReturnType<SidebarApi[K]>>>;
};

/** Every server function; the mapped type makes the compiler insist the list matches SidebarApi exactly. */
const API_FUNCTIONS: { readonly [K in keyof SidebarApi]: true } = {
  getLeadsPanel: true,
  saveLead: true,
  findLeads: true,
  getLead: true,
  getSelectedLead: true,
  saveLeadChanges: true,
  goToRow: true,
  goToCell: true,
  getWebgraphPanel: true,
  insertComparisonChart: true,
  insertMatrixFormula: true,
  getSegmentsPanel: true,
  getTeamPanel: true,
  getKpisPanel: true,
  getImprovePanel: true,
  raiseProblem: true,
  saveImprovement: true,
  getCheckPanel: true,
  applySuggestedWeights: true,
};

export const NOT_CONNECTED = 'Not connected to a spreadsheet: open this sidebar from Extensions > Lean Sales.';

/** A readable message for whatever a failure handler received: the Error's message, never "[object Object]". */
export function errorMessage(error: unknown): string {
  const message =
    typeof error === 'string'
      ? error
      : typeof error === 'object' && error !== null && typeof (error as { message?: unknown }).message === 'string'
        ? (error as { message: string }).message
        : '';
  // Apps Script prefixes what the server threw; the rep needs only the sentence.
  const text = message.replace(/^(?:Exception|Error|ScriptError):\s*/, '').trim();
  return text === '' ? 'The server did not answer. Try again.' : text;
}

export interface BridgeOptions {
  /** Told `true` when the first call starts and `false` when the last one ends. */
  readonly onBusy?: (busy: boolean) => void;
}

export function createBridge(runner: ScriptRunner | undefined, options: BridgeOptions = {}): Bridge {
  let pending = 0;
  const start = () => {
    pending++;
    if (pending === 1) options.onBusy?.(true);
  };
  const end = () => {
    pending--;
    if (pending === 0) options.onBusy?.(false);
  };
  const call = (name: string, args: unknown[]) =>
    new Promise<unknown>((resolve, reject) => {
      if (!runner) {
        reject(new Error(NOT_CONNECTED));
        return;
      }
      start();
      // The lock is released before the caller's continuation runs, so it can focus or re-render freely.
      const ready = runner
        .withSuccessHandler((value) => {
          end();
          resolve(value);
        })
        .withFailureHandler((error) => {
          end();
          reject(new Error(errorMessage(error)));
        }) as unknown as Record<string, unknown>;
      const fn = ready[name];
      try {
        if (typeof fn !== 'function') throw new Error(`The server has no function ${name}.`);
        fn.apply(ready, args);
      } catch (error) {
        end();
        reject(new Error(errorMessage(error)));
      }
    });
  const bridge: Record<string, (...args: unknown[]) => Promise<unknown>> = {};
  for (const name of Object.keys(API_FUNCTIONS)) bridge[name] = (...args) => call(name, args);
  return bridge as unknown as Bridge;
}

/**
 * An `onBusy` that disables the enabled buttons under `root` while a call is in flight and re-enables
 * exactly those afterwards (a button disabled for its own reason stays disabled). Disabling the focused
 * button drops focus to the page, so focus goes back to it when nothing else took it meanwhile.
 */
export function lockButtons(root: HTMLElement): (busy: boolean) => void {
  let locked: HTMLButtonElement[] = [];
  let focused: Element | null = null;
  return (busy) => {
    const doc = root.ownerDocument;
    if (busy) {
      focused = doc.activeElement;
      locked = Array.from(root.querySelectorAll('button')).filter((button) => !button.disabled);
      for (const button of locked) button.disabled = true;
      return;
    }
    for (const button of locked) button.disabled = false;
    const lost = doc.activeElement === null || doc.activeElement === doc.body;
    if (lost && focused?.isConnected && 'focus' in focused) (focused as HTMLElement).focus();
    locked = [];
    focused = null;
  };
}
