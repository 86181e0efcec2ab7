/** The workbench's HTTP server (node:http): the page, its JSON API, the sidebar with its google.script shim. */

import { createReadStream, existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { messageOf } from '../engine/custom-functions';
import { DIST_DIR } from '../session/project-paths';
import { type Selection, Workbench, type WorkbenchOptions } from '../session/workbench-session';
import { cellTextRefusal } from './cell-text';
import { buildPageAssets, type PageAssets, withShim, withToken } from './page-assets';
import { RequestGuard, SAFETY_HEADERS } from './request-guard';
import { insertRefusal, LIMITS, nestingOf } from './request-limits';

export interface ServerOptions extends WorkbenchOptions {
  /** 0 picks a free port. */
  readonly port: number;
  readonly host?: string;
}

export interface RunningWorkbench {
  readonly url: string;
  /** This start's token, which the API asks of every call (the page has it; a test in this process may use it). */
  readonly token: string;
  readonly workbench: Workbench;
  readonly server: http.Server;
  close(): Promise<void>;
}

class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

const TOO_LARGE = `The request is too large: the workbench takes at most ${LIMITS.bodyBytes} bytes.`;

async function bodyOf(request: http.IncomingMessage): Promise<Record<string, unknown>> {
  if (Number(request.headers['content-length'] ?? 0) > LIMITS.bodyBytes) throw new HttpError(413, TOO_LARGE);
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size > LIMITS.bodyBytes) throw new HttpError(413, TOO_LARGE);
    chunks.push(chunk as Buffer);
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}');
  } catch {
    throw new HttpError(400, 'The request body must be a JSON object.');
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed))
    throw new HttpError(400, 'The request body must be a JSON object.');
  if (nestingOf(parsed, LIMITS.nesting) > LIMITS.nesting)
    throw new HttpError(400, `The request nests arrays and objects more than ${LIMITS.nesting} deep.`);
  return parsed as Record<string, unknown>;
}

const text = (value: unknown, name: string): string => {
  if (typeof value !== 'string') throw new HttpError(400, `${name} must be text.`);
  return value;
};

const whole = (value: unknown, name: string, max = Number.MAX_SAFE_INTEGER): number => {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > max) {
    throw new HttpError(
      400,
      max < Number.MAX_SAFE_INTEGER
        ? `${name} must be a whole number from 1 to ${max}.`
        : `${name} must be a whole number from 1.`,
    );
  }
  return n;
};

function send(response: http.ServerResponse, status: number, body: string, type: string): void {
  response.writeHead(status, { ...SAFETY_HEADERS, 'content-type': type, 'cache-control': 'no-store' });
  response.end(body);
}

const json = (response: http.ServerResponse, value: unknown, status = 200) =>
  send(response, status, JSON.stringify(value), 'application/json; charset=utf-8');

const STRUCTURE = ['deleteRows', 'deleteColumns', 'insertRowsBefore', 'insertColumnsBefore'] as const;

function router(workbench: Workbench, assets: PageAssets, token: string) {
  const page = withToken(assets.html, token);
  /**
   * Answers only once every change made so far is on disk: whatever a request acknowledges (a lead the sidebar says
   * was saved, an edit) survives the process being killed right after. A failed write is answered as a failure.
   */
  const reply = async (response: http.ServerResponse, value: unknown): Promise<void> => {
    if (workbench.unsaved) {
      try {
        await workbench.persist();
      } catch (error) {
        const message = `The change was made but could not be saved to ${workbench.file}: ${messageOf(error)}`;
        return json(response, { ok: false, error: message }, 500);
      }
    }
    json(response, value);
  };
  return async (request: http.IncomingMessage, response: http.ServerResponse): Promise<void> => {
    const url = new URL(request.url ?? '/', 'http://workbench');
    const route = `${request.method} ${url.pathname}`;
    switch (route) {
      case 'GET /':
      case 'GET /index.html':
        return send(response, 200, page, 'text/html; charset=utf-8');
      case 'GET /main.js':
        return send(response, 200, assets.script, 'text/javascript; charset=utf-8');
      case 'GET /favicon.ico':
        response.writeHead(204, SAFETY_HEADERS).end();
        return;
      case 'GET /api/state':
        return reply(response, workbench.state());
      case 'GET /api/version':
        return reply(response, { version: workbench.version });
      case 'GET /api/sheet': {
        const name = text(url.searchParams.get('name'), 'name');
        if (!workbench.workbook.findSheet(name)) throw new HttpError(404, `There is no sheet named ${name}.`);
        const first = whole(url.searchParams.get('row') ?? '1', 'row', LIMITS.row);
        const count = Math.min(LIMITS.windowRows, whole(url.searchParams.get('count') ?? '100', 'count'));
        return reply(response, workbench.window(name, first, count));
      }
      case 'POST /api/edit': {
        const body = await bodyOf(request);
        const sheet = text(body.sheet, 'sheet');
        const row = whole(body.row, 'row', LIMITS.row);
        const column = whole(body.column, 'column', LIMITS.column);
        const typed = text(body.text, 'text');
        const unkept = cellTextRefusal(sheet, row, column, typed);
        if (unkept) return reply(response, { ok: false, error: unkept, version: workbench.version, ms: 0 });
        return reply(response, workbench.edit(sheet, row, column, typed, body.confirmed === true));
      }
      case 'POST /api/structure': {
        const body = await bodyOf(request);
        const action = STRUCTURE.find((a) => a === body.action);
        if (!action) throw new HttpError(400, `action must be one of ${STRUCTURE.join(', ')}.`);
        const sheet = text(body.sheet, 'sheet');
        const columns = action.includes('Columns');
        const at = whole(body.at, 'at', columns ? LIMITS.column : LIMITS.row);
        const count = body.count === undefined ? 1 : whole(body.count, 'count', columns ? LIMITS.column : LIMITS.row);
        const model = workbench.workbook.findSheet(sheet);
        const refusal =
          model && action.startsWith('insert')
            ? insertRefusal(columns ? 'columns' : 'rows', count, model.maxRows, model.maxColumns)
            : undefined;
        if (refusal) throw new HttpError(400, refusal);
        return reply(response, workbench.structure(sheet, action, at, count));
      }
      case 'POST /api/sort': {
        const body = await bodyOf(request);
        if (typeof body.ascending !== 'boolean') throw new HttpError(400, 'ascending must be true or false.');
        return reply(
          response,
          workbench.sortRows(text(body.sheet, 'sheet'), whole(body.column, 'column'), body.ascending),
        );
      }
      case 'POST /api/filter': {
        const body = await bodyOf(request);
        const filter =
          body.value === null ? null : { column: whole(body.column, 'column'), value: text(body.value, 'value') };
        return reply(response, workbench.filterRows(text(body.sheet, 'sheet'), filter));
      }
      case 'POST /api/select': {
        const body = await bodyOf(request);
        const selection: Selection = {
          sheet: text(body.sheet, 'sheet'),
          row: whole(body.row, 'row', LIMITS.row),
          column: whole(body.column, 'column', LIMITS.column),
          numRows: whole(body.numRows ?? 1, 'numRows', LIMITS.row),
          numColumns: whole(body.numColumns ?? 1, 'numColumns', LIMITS.column),
        };
        workbench.select(selection);
        return reply(response, { ok: true });
      }
      case 'POST /api/menu': {
        const body = await bodyOf(request);
        return reply(response, workbench.runMenuItem(text(body.functionName, 'functionName')));
      }
      case 'POST /api/script': {
        const body = await bodyOf(request);
        const args = Array.isArray(body.args) ? body.args : [];
        return reply(response, workbench.runFromSidebar(text(body.name, 'name'), args));
      }
      case 'POST /api/recalculate':
        workbench.engine.recalculate();
        return reply(response, { ok: true, ms: workbench.engine.stats.lastLoadMs, version: workbench.version });
      case 'GET /api/download': {
        await workbench.flush();
        response.writeHead(200, {
          ...SAFETY_HEADERS,
          'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
          'content-disposition': `attachment; filename="${path.basename(workbench.file)}"`,
        });
        createReadStream(workbench.file).pipe(response);
        return;
      }
      case 'GET /sidebar': {
        const id = url.searchParams.get('id');
        const shown = id === null ? undefined : workbench.shownHtml(Number(id));
        if (id !== null && !shown) throw new HttpError(404, 'That sidebar is no longer open.');
        const html = shown?.html ?? (await readFile(path.join(DIST_DIR, 'Sidebar.html'), 'utf8'));
        return send(response, 200, withShim(html, assets.shim, token), 'text/html; charset=utf-8');
      }
      default:
        throw new HttpError(404, `Nothing at ${request.method} ${url.pathname}.`);
    }
  };
}

/** Opens (or creates) the workbook, bundles the page and listens; resolves once the URL answers. */
export async function startWorkbench(options: ServerOptions): Promise<RunningWorkbench> {
  if (!existsSync(path.join(DIST_DIR, 'Code.js')))
    throw new Error('dist/Code.js is missing: run `npm run build` first.');
  const [workbench, assets] = await Promise.all([Workbench.open(options), buildPageAssets()]);
  const host = options.host ?? '127.0.0.1';
  // The guard knows the port once the server listens; no request is answered before.
  let guard: RequestGuard | undefined;
  let handle: ReturnType<typeof router> | undefined;
  const server = http.createServer((request, response) => {
    const refused = guard ? guard.refusal(request) : 'The workbench is starting.';
    if (refused || !handle) {
      // Nothing of the request is read or run: the workbook cannot change.
      json(response, { ok: false, error: refused }, guard ? 403 : 503);
      request.resume();
      return;
    }
    handle(request, response).catch((error) => {
      const status = error instanceof HttpError ? error.status : 500;
      if (status === 500) options.log?.(`${request.method} ${request.url}: ${messageOf(error)}`);
      if (!response.headersSent) json(response, { ok: false, error: messageOf(error) }, status);
      else response.end();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  guard = new RequestGuard(host, port);
  handle = router(workbench, assets, guard.token);
  return {
    url: guard.origin,
    token: guard.token,
    workbench,
    server,
    close: async () => {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
      await closed;
      await workbench.close();
    },
  };
}
