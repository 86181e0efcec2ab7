/**
 * google.script.run and google.script.host for an HtmlOutput shown by the workbench: each call is POSTed to the server,
 * which runs the named top-level function of dist/Code.js; the answer goes to the success or failure handler, and what
 * the run showed (toasts, alerts, a new sidebar) goes to the workbench page around this frame.
 */

import { TOKEN_ATTRIBUTE, TOKEN_HEADER } from './server-api';

type Handler = (value: unknown, userObject?: unknown) => void;

interface RunnerOptions {
  readonly success?: Handler;
  readonly failure?: Handler;
  readonly userObject?: unknown;
}

const SOURCE = 'lean-sales-workbench-shim';

/** The workbench's token, which the server wrote on this script's tag; read while the script runs, as it runs first. */
const TOKEN = document.currentScript?.getAttribute(TOKEN_ATTRIBUTE) ?? '';

function post(message: Record<string, unknown>): void {
  if (window.parent !== window) window.parent.postMessage({ source: SOURCE, ...message }, window.location.origin);
}

/** JSON for the request; values JSON cannot carry are marked, so the server refuses them as Apps Script does. */
function encode(name: string, args: unknown[]): string {
  return JSON.stringify({ name, args }, function (this: Record<string, unknown>, key, value) {
    const raw = this[key];
    if (raw instanceof Date) return { __illegal: 'Date' };
    if (typeof raw === 'function') return { __illegal: 'Function' };
    if (typeof Node !== 'undefined' && raw instanceof Node) return { __illegal: 'DOM element' };
    return value;
  });
}

async function call(name: string, args: unknown[], options: RunnerOptions): Promise<void> {
  let report: { ok: boolean; value?: unknown; error?: string };
  try {
    const response = await fetch('/api/script', {
      method: 'POST',
      headers: { 'content-type': 'application/json', [TOKEN_HEADER]: TOKEN },
      body: encode(name, args),
    });
    report = await response.json();
    post({ type: 'report', report });
  } catch (error) {
    report = { ok: false, error: `NetworkError: ${(error as Error).message}` };
  }
  if (report.ok) options.success?.(report.value, options.userObject);
  else if (options.failure) options.failure(new Error(report.error), options.userObject);
  else console.error(`google.script.run.${name}: ${report.error}`);
}

const WITH = new Set(['withSuccessHandler', 'withFailureHandler', 'withUserObject']);

function runner(options: RunnerOptions): unknown {
  return new Proxy(
    {},
    {
      get(_target, property) {
        if (typeof property !== 'string' || property === 'then') return undefined;
        if (WITH.has(property)) {
          return (value: unknown) => {
            if (property === 'withUserObject') return runner({ ...options, userObject: value });
            if (typeof value !== 'function') throw new Error(`${property} needs a function.`);
            return runner(
              property === 'withSuccessHandler'
                ? { ...options, success: value as Handler }
                : { ...options, failure: value as Handler },
            );
          };
        }
        return (...args: unknown[]) => {
          void call(property, args, options);
        };
      },
    },
  );
}

const host = {
  origin: window.location.origin,
  close: () => post({ type: 'close' }),
  setHeight: (_height: number) => {},
  setWidth: (_width: number) => {},
  editor: { focus: () => post({ type: 'focus-editor' }) },
};

(window as unknown as { google: unknown }).google = { script: { run: runner({}), host } };
