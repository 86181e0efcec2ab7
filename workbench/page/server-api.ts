/** The page's calls to the workbench server, and the shapes it answers with. */

import type { EditReport, RunReport, Selection, Workbench } from '../session/workbench-session';
import type { CellView, ChartView, SheetWindow, ValidationView } from '../view/sheet-window';

export type { CellView, ChartView, EditReport, RunReport, Selection, SheetWindow, ValidationView };
export type WorkbenchState = ReturnType<Workbench['state']>;
export type StructureAction = 'deleteRows' | 'deleteColumns' | 'insertRowsBefore' | 'insertColumnsBefore';

/**
 * The server's token for this start, which every API call carries in this header. Only the workbench's own pages
 * have it: the server writes it into the page it serves (a meta tag named TOKEN_META) and into the shim's script tag
 * of each sidebar or dialog (the attribute TOKEN_ATTRIBUTE); no other origin can read those.
 */
export const TOKEN_HEADER = 'X-Workbench-Token';
export const TOKEN_META = 'workbench-token';
export const TOKEN_ATTRIBUTE = 'data-workbench-token';

let pageToken: string | undefined;

/** The headers of an API call from the workbench page: its token (read once from the page's meta tag). */
function tokenHeaders(): Record<string, string> {
  pageToken ??= document.querySelector(`meta[name="${TOKEN_META}"]`)?.getAttribute('content') ?? '';
  return { [TOKEN_HEADER]: pageToken };
}

async function answer<T>(response: Response): Promise<T> {
  const body = (await response.json().catch(() => ({}))) as T & { error?: string };
  if (!response.ok) throw new Error(body.error ?? `The workbench answered ${response.status}.`);
  return body;
}

async function getJson<T>(url: string): Promise<T> {
  return answer<T>(await fetch(url, { cache: 'no-store', headers: tokenHeaders() }));
}

async function postJson<T>(url: string, body: unknown): Promise<T> {
  return answer<T>(
    await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...tokenHeaders() },
      body: JSON.stringify(body),
    }),
  );
}

/** File > Download: the .xlsx fetched with the token, then saved through a link, as a navigation cannot send it. */
async function downloadWorkbook(): Promise<void> {
  const response = await fetch('/api/download', { cache: 'no-store', headers: tokenHeaders() });
  if (!response.ok) await answer(response);
  const name = /filename="([^"]+)"/.exec(response.headers.get('content-disposition') ?? '')?.[1] ?? 'workbook.xlsx';
  const link = document.createElement('a');
  link.href = URL.createObjectURL(await response.blob());
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(link.href), 60_000);
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
  sort: (sheet: string, column: number, ascending: boolean) =>
    postJson<EditReport>('/api/sort', { sheet, column, ascending }),
  filter: (sheet: string, column: number, value: string | null) =>
    postJson<EditReport>('/api/filter', { sheet, column, value }),
  menu: (functionName: string) => postJson<RunReport>('/api/menu', { functionName }),
  recalculate: () => postJson<{ ok: boolean; ms: number }>('/api/recalculate', {}),
  download: downloadWorkbook,
};
