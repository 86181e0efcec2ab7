/** Runs one top-level function of the built script as one Apps Script execution (a menu click, a google.script.run). */

import { type AuthMode, createServices, type Execution, type Workbook } from '../emulator/apps-script-emulator';
import { callTopLevel, loadBundle, readBundle } from './script-bundle';

export interface ExecutionOptions {
  readonly authMode?: AuthMode;
  readonly onServiceCall?: (method: string) => void;
  /** False for a script not bound to the spreadsheet (LockService.getDocumentLock() gives null). */
  readonly boundToDocument?: boolean;
  /** The script's source; read from dist/Code.js when omitted. */
  readonly code?: string;
}

/** A fresh execution: its own script context over the shared workbook; locks it still holds are released at the end. */
export function runExecution(
  workbook: Workbook,
  name: string,
  args: readonly unknown[] = [],
  options: ExecutionOptions = {},
): { result: unknown; execution: Execution } {
  const { authMode, onServiceCall, boundToDocument } = options;
  const execution = createServices(workbook, { authMode, onServiceCall, boundToDocument });
  const context = loadBundle(execution.globals, options.code ?? readBundle());
  try {
    return { result: callTopLevel(context, name, ...args), execution };
  } finally {
    execution.finish();
  }
}
