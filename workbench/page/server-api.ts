/** The page's calls to the workbench server, and the shapes it answers with. */

import type { EditReport, RunReport, Selection, Workbench } from '../session/workbench-session';
import type { CellView, SheetWindow, ValidationView } from '../view/sheet-window';

export type { CellView, EditReport, RunReport, Selection, SheetWindow, ValidationView };
export type WorkbenchState = ReturnType<Workbench['state']>;
export type StructureAction = 'deleteRows' | 'deleteColumns' | 'insertRowsBefore' | 'insertColumnsBefore';

async function answer<T>(response: Response): Promise<T> {
  const body = (await response.json().catch(() => ({}))) as T & { error?: string };
  if (!response.ok) throw new Error(body.error ?? `The workbench answered ${response.status}.`);
  return body;
}

export async function getJson<T>(url: string): Promise<T> {
  return answer<T>(await fetch(url, { cache: 'no-store' }));
}

export async function postJson<T>(url: string, body: unknown): Promise<T> {
  return answer<T>(
    await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }),
  );
}

export const api = {
  state: () => getJson<WorkbenchState>('/api/state'),
  version: () => getJson<{ version: number }>('/api/version'),
  window: (sheet: string, row: number, count: number) =>
    getJson<SheetWindow>(`/api/sheet?name=${encodeURIComponent(sheet)}&row=${row}&count=${count}`),
  edit: (sheet: string, row: number, column: number, text: string, confirmed = false) =>
    postJson<EditReport>('/api/edit', { sheet, row, column, text, confirmed }),
  structure: (sheet: string, action: StructureAction, at: number, count = 1) =>
    postJson<EditReport>('/api/structure', { sheet, action, at, count }),
  select: (selection: Selection) => postJson<{ ok: boolean }>('/api/select', selection),
  menu: (functionName: string) => postJson<RunReport>('/api/menu', { functionName }),
  recalculate: () => postJson<{ ok: boolean; ms: number }>('/api/recalculate', {}),
};
