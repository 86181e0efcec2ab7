// Only the workbench's own page can drive it: requests from other origins, under another Host (DNS rebinding), without
// the page's token or with a body that is not JSON are answered 403 and change nothing.
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import http from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningWorkbench, startWorkbench } from '../../../workbench/server/http-server';
import { RequestGuard } from '../../../workbench/server/request-guard';

let dir: string;
let bench: RunningWorkbench;
let own: { host: string; origin: string };

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'workbench-guard-'));
  bench = await startWorkbench({ port: 0, dir, saveDelayMs: 20, timeZone: 'Etc/UTC' });
  own = { host: new URL(bench.url).host, origin: bench.url };
});

afterAll(async () => {
  await bench?.close();
  await rm(dir, { recursive: true, force: true });
});

interface Answer {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

/** A request with exactly these headers (node:http lets a test set Host, Origin and the rest as any client could). */
function send(method: string, url: string, headers: Record<string, string>, body?: string): Promise<Answer> {
  const { port } = new URL(bench.url);
  return new Promise((resolve, reject) => {
    const request = http.request({ host: '127.0.0.1', port, method, path: url, headers }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () =>
        resolve({
          status: response.statusCode ?? 0,
          headers: response.headers,
          body: Buffer.concat(chunks).toString(),
        }),
      );
    });
    request.on('error', reject);
    request.end(body);
  });
}

/** What the page itself sends: its own Host and Origin, the token, JSON. */
const ownHeaders = () => ({
  host: own.host,
  origin: own.origin,
  'content-type': 'application/json',
  'x-workbench-token': bench.token,
});

/** Everything a request could change: every cell and formula, the version, the saved file's bytes. */
async function state() {
  await bench.workbench.flush();
  return {
    snapshot: JSON.stringify(bench.workbench.workbook.snapshot()),
    version: bench.workbench.version,
    file: (await readFile(bench.workbench.file)).toString('base64'),
  };
}

const LEAD = {
  company: 'Evil Corp',
  contact: '',
  owner: 'Anna Berg',
  segment: '',
  campaign: '',
  notes: 'saved by another page',
  ratings: [1, 1, 1, 1, 1, 1, 1, 1, 1, 1],
};

/** Requests that change the workbook when the page sends them. */
const WRITES: [string, unknown][] = [
  ['/api/script', { name: 'saveLead', args: [LEAD] }],
  ['/api/edit', { sheet: 'Profiles', row: 2, column: 1, text: 'pwned' }],
  ['/api/structure', { sheet: 'Leads', action: 'deleteRows', at: 2, count: 10 }],
  ['/api/menu', { functionName: 'setupWorkbook' }],
  ['/api/select', { sheet: 'Leads', row: 5, column: 5 }],
  ['/api/recalculate', {}],
];

/** Each way another page (or a rebinding name) might send them, with what it gets wrong. */
const BAD: [string, (body: string) => Record<string, string>][] = [
  [
    'a cross-origin no-cors fetch with a text/plain body',
    () => ({ host: own.host, origin: 'http://evil.example', 'content-type': 'text/plain;charset=UTF-8' }),
  ],
  ['a cross-origin request that somehow has the token', () => ({ ...ownHeaders(), origin: 'http://evil.example' })],
  ['an opaque origin (a sandboxed frame, a file:// page)', () => ({ ...ownHeaders(), origin: 'null' })],
  [
    'an HTML form post',
    () => ({ host: own.host, origin: 'http://evil.example', 'content-type': 'application/x-www-form-urlencoded' }),
  ],
  [
    'DNS rebinding: the right token and JSON under another Host',
    () => ({ ...ownHeaders(), host: `evil.example:${new URL(bench.url).port}`, origin: 'http://evil.example' }),
  ],
  ['DNS rebinding without an Origin', () => ({ ...ownHeaders(), host: 'evil.example', origin: '' })],
  ['no token', () => ({ ...ownHeaders(), 'x-workbench-token': '' })],
  ['a wrong token', () => ({ ...ownHeaders(), 'x-workbench-token': `${bench.token.slice(0, -2)}xx` })],
  ['the right origin and token with a text/plain body', () => ({ ...ownHeaders(), 'content-type': 'text/plain' })],
  ['the right origin and token without a content type', () => ({ ...ownHeaders(), 'content-type': '' })],
];

const without = (headers: Record<string, string>) =>
  Object.fromEntries(Object.entries(headers).filter(([, value]) => value !== ''));

// A budget for a busy machine (two cores shared with the other test files), not a timing assertion.
describe('the workbench refuses requests its own page did not send', { timeout: 120_000 }, () => {
  it('answers its own page: the page it serves carries the token, and calls with it work', async () => {
    const page = await send('GET', '/', { host: own.host });
    expect(page.status).toBe(200);
    const token = /<meta name="workbench-token" content="([^"]+)">/.exec(page.body)?.[1];
    expect(token).toBe(bench.token);
    expect(token?.length).toBeGreaterThanOrEqual(40);
    const api = await send('GET', '/api/version', { host: own.host, 'x-workbench-token': token as string });
    expect(api.status).toBe(200);
    const sidebar = await send('GET', '/sidebar', { host: own.host });
    expect(sidebar.body).toContain(`data-workbench-token="${bench.token}"`);
  });

  it('draws a new token at each start', () => {
    expect(new RequestGuard('127.0.0.1', 1).token).not.toBe(new RequestGuard('127.0.0.1', 1).token);
  });

  it.each(BAD)('refuses %s with 403 on every route that writes, and nothing changes', async (_name, headersOf) => {
    const before = await state();
    for (const [url, body] of WRITES) {
      const text = JSON.stringify(body);
      const answer = await send('POST', url, without(headersOf(text)), text);
      expect(answer.status, url).toBe(403);
      expect(JSON.parse(answer.body)).toMatchObject({ ok: false, error: expect.stringMatching(/^Refused: /) });
      expect(answer.headers['access-control-allow-origin']).toBeUndefined();
    }
    expect(await state()).toEqual(before);
  });

  it('asks the token of reads of workbook data too, and refuses any request under another Host', async () => {
    for (const url of ['/api/state', '/api/version', '/api/sheet?name=Leads&row=1&count=50', '/api/download']) {
      expect((await send('GET', url, { host: own.host })).status, url).toBe(403);
      expect((await send('GET', url, { host: own.host, 'x-workbench-token': 'guess' })).status, url).toBe(403);
      const rebound = await send('GET', url, { host: 'evil.example:80', 'x-workbench-token': bench.token });
      expect(rebound.status, url).toBe(403);
    }
    // A rebinding page cannot even load the page that holds the token.
    expect((await send('GET', '/', { host: 'evil.example' })).status).toBe(403);
    expect((await send('GET', '/sidebar', { host: `evil.example:${new URL(bench.url).port}` })).status).toBe(403);
  });

  it('answers no CORS preflight, so a browser never sends another origin’s call with the token header', async () => {
    const preflight = await send('OPTIONS', '/api/script', {
      host: own.host,
      origin: 'http://evil.example',
      'access-control-request-method': 'POST',
      'access-control-request-headers': 'content-type,x-workbench-token',
    });
    expect(preflight.status).toBe(403);
    expect(preflight.headers['access-control-allow-origin']).toBeUndefined();
    expect(preflight.headers['access-control-allow-headers']).toBeUndefined();
  });

  it('keeps the page out of other origins’ frames and its answers out of their scripts', async () => {
    const page = await send('GET', '/', { host: own.host });
    expect(page.headers['x-frame-options']).toBe('SAMEORIGIN');
    expect(page.headers['content-security-policy']).toBe("frame-ancestors 'self'");
    const api = await send('GET', '/api/version', { host: own.host, 'x-workbench-token': bench.token });
    expect(api.headers['x-content-type-options']).toBe('nosniff');
    expect(api.headers['cross-origin-resource-policy']).toBe('same-origin');
  });

  it('takes the same requests from its own page (and from localhost, the same address)', async () => {
    const before = bench.workbench.version;
    const text = JSON.stringify({ sheet: 'KPI log', row: 30, column: 6, text: 'from the page' });
    expect((await send('POST', '/api/edit', ownHeaders(), text)).status).toBe(200);
    const port = new URL(bench.url).port;
    const local = { ...ownHeaders(), host: `localhost:${port}`, origin: `http://localhost:${port}` };
    const again = JSON.stringify({ sheet: 'KPI log', row: 31, column: 6, text: 'from localhost' });
    expect((await send('POST', '/api/edit', local, again)).status).toBe(200);
    expect(bench.workbench.version).toBeGreaterThan(before);
    expect(bench.workbench.workbook.values('KPI log')[29][5]).toBe('from the page');
  });
});
