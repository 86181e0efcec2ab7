// Attacks on the workbench, and the figures for the closing note (attacks tried / refused or kept / lost per class):
// - cross-origin requests: real Chromium pages of another origin (no-cors fetches, a text/plain form, beacons, frames,
//   scripts) and a DNS-rebinding page (another name mapped to 127.0.0.1), against a workbench in this process;
// - oversized requests: counts, sizes and nesting no request may ask for, sent with the page's own token;
// - kills after an acknowledged save: a workbench in a child process killed (SIGKILL) the moment a lead save is
//   answered, or while one is under way, then started again on the same folder.
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { type Browser, chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findChromium, HOW_TO_INSTALL } from '../../tools/chromium';
import { type RunningWorkbench, startWorkbench } from '../../workbench/server/http-server';
import { ROOT } from '../../workbench/session/project-paths';
import { ARTIFACTS, TIMEOUT } from './harness';

type AttackClass = 'cross-origin requests' | 'oversized requests' | 'kills after an acknowledged save';
const figures = new Map<AttackClass, { tried: number; refusedOrKept: number; lost: number }>();
function record(kind: AttackClass, held: boolean): void {
  const figure = figures.get(kind) ?? { tried: 0, refusedOrKept: 0, lost: 0 };
  figure.tried++;
  if (held) figure.refusedOrKept++;
  else figure.lost++;
  figures.set(kind, figure);
}

let root: string;
beforeAll(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'workbench-attacks-'));
});

afterAll(async () => {
  const rows = [...figures].map(([kind, f]) => ({ class: kind, ...f }));
  const table = rows.map(
    (r) => `${r.class.padEnd(34)} ${r.tried} tried / ${r.refusedOrKept} refused or kept / ${r.lost} lost`,
  );
  console.log(`Attack figures (workbench):\n${table.join('\n')}`);
  mkdirSync(ARTIFACTS, { recursive: true });
  writeFileSync(path.join(ARTIFACTS, 'workbench-attack-figures.json'), `${JSON.stringify(rows, null, 2)}\n`);
  await rm(root, { recursive: true, force: true });
});

const LEAD = (company: string) => ({
  company,
  contact: '',
  owner: 'Anna Berg',
  segment: '',
  campaign: '',
  notes: '',
  ratings: [1, 1, 1, 1, 1, 1, 1, 1, 1, 1],
});

describe('other pages in the browser cannot drive the workbench', () => {
  let bench: RunningWorkbench;
  let browser: Browser;
  let attacker: http.Server;
  let attackerUrl: string;
  const statuses: { host: string; origin: string; url: string; status: number }[] = [];

  beforeAll(async () => {
    const executablePath = findChromium();
    if (!executablePath) throw new Error(HOW_TO_INSTALL);
    bench = await startWorkbench({ port: 0, dir: path.join(root, 'browser'), saveDelayMs: 50, timeZone: 'Etc/UTC' });
    // Every answer the workbench gives, for the requests the attacks made.
    bench.server.on('request', (request: http.IncomingMessage, response: http.ServerResponse) => {
      response.on('finish', () =>
        statuses.push({
          host: request.headers.host ?? '',
          origin: request.headers.origin ?? '',
          url: request.url ?? '',
          status: response.statusCode,
        }),
      );
    });
    attacker = http.createServer((_request, response) => {
      response.writeHead(200, { 'content-type': 'text/html' }).end('<!doctype html><title>Another site</title>');
    });
    await new Promise<void>((resolve) => attacker.listen(0, '127.0.0.1', resolve));
    attackerUrl = `http://127.0.0.1:${(attacker.address() as AddressInfo).port}`;
    browser = await chromium.launch({
      executablePath,
      args: [
        '--headless=new',
        '--no-sandbox',
        '--disable-gpu',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        // A name that resolves to 127.0.0.1, as a DNS-rebinding attacker's does after the switch.
        '--host-resolver-rules=MAP evil.test 127.0.0.1',
        // Chromium's Local Network Access checks would stop a public page's requests to 127.0.0.1 before they left;
        // they are off, so every attack reaches the workbench, as it does in browsers without them.
        '--disable-features=LocalNetworkAccessChecks,PrivateNetworkAccessSendPreflights,PrivateNetworkAccessRespectPreflightResults,BlockInsecurePrivateNetworkRequests',
      ],
    });
  }, TIMEOUT);

  afterAll(async () => {
    await browser?.close();
    await new Promise((resolve) => attacker?.close(resolve));
    await bench?.close();
  });

  /** The workbook's cells and formulas, its version and the saved file: what an attack must leave as it was. */
  async function state() {
    await bench.workbench.flush();
    return {
      snapshot: JSON.stringify(bench.workbench.workbook.snapshot()),
      version: bench.workbench.version,
      file: (await readFile(bench.workbench.file)).toString('base64'),
    };
  }

  it(
    'refuses every request another origin’s page sends, and the workbook stays as it was',
    async () => {
      const page = await browser.newPage();
      await page.goto(`${attackerUrl}/`);
      const target = bench.url;
      const save = JSON.stringify({ name: 'saveLead', args: [LEAD('Evil Corp')] });
      /** Attacks run inside the other site's page; each returns what it could read of the workbench, if anything. */
      const attacks: [string, (args: { target: string; save: string }) => Promise<unknown>][] = [
        [
          'no-cors fetch, text/plain: saveLead',
          async ({ target, save }) => {
            await fetch(`${target}/api/script`, { method: 'POST', mode: 'no-cors', body: save }).catch(() => {});
            return null;
          },
        ],
        [
          'no-cors fetch, text/plain: edit Profiles!A2',
          async ({ target }) => {
            const body = JSON.stringify({ sheet: 'Profiles', row: 2, column: 1, text: 'pwned' });
            await fetch(`${target}/api/edit`, { method: 'POST', mode: 'no-cors', body }).catch(() => {});
            return null;
          },
        ],
        [
          'no-cors fetch, text/plain: delete ten Leads rows',
          async ({ target }) => {
            const body = JSON.stringify({ sheet: 'Leads', action: 'deleteRows', at: 2, count: 10 });
            await fetch(`${target}/api/structure`, { method: 'POST', mode: 'no-cors', body }).catch(() => {});
            return null;
          },
        ],
        [
          'cors fetch, JSON with a guessed token (preflight)',
          async ({ target, save }) => {
            try {
              const response = await fetch(`${target}/api/script`, {
                method: 'POST',
                headers: { 'content-type': 'application/json', 'x-workbench-token': 'guess' },
                body: save,
              });
              return await response.text();
            } catch {
              return null;
            }
          },
        ],
        [
          'HTML form, enctype text/plain, whose body is JSON',
          async ({ target }) => {
            const frame = document.createElement('iframe');
            frame.name = 'sink';
            document.body.append(frame);
            const form = document.createElement('form');
            form.method = 'POST';
            form.action = `${target}/api/script`;
            form.enctype = 'text/plain';
            form.target = 'sink';
            const input = document.createElement('input');
            input.name = `{"name":"saveLead","args":[{"company":"Form Corp","owner":"Anna Berg","ratings":[1,1,1,1,1,1,1,1,1,1]}],"x":"`;
            input.value = '"}';
            form.append(input);
            document.body.append(form);
            const loaded = new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
            form.submit();
            await Promise.race([loaded, new Promise((resolve) => setTimeout(resolve, 3000))]);
            return null;
          },
        ],
        [
          'sendBeacon: saveLead',
          async ({ target, save }) => {
            navigator.sendBeacon(`${target}/api/script`, save);
            await new Promise((resolve) => setTimeout(resolve, 300));
            return null;
          },
        ],
        [
          'read workbook data: cors fetch of /api/state and /api/sheet',
          async ({ target }) => {
            const read: string[] = [];
            for (const url of ['/api/state', '/api/sheet?name=Leads&row=1&count=50']) {
              try {
                read.push(await (await fetch(target + url)).text());
              } catch {
                // Blocked by the browser: nothing read.
              }
            }
            return read.length ? read : null;
          },
        ],
        [
          'steal the token: cors fetch of the page, and the page in a frame',
          async ({ target }) => {
            let stolen: string | null = null;
            try {
              stolen = await (await fetch(`${target}/`)).text();
            } catch {
              // Blocked: the page is not readable from another origin.
            }
            const frame = document.createElement('iframe');
            frame.src = `${target}/`;
            document.body.append(frame);
            await new Promise((resolve) => setTimeout(resolve, 1000));
            try {
              stolen ??=
                frame.contentDocument?.querySelector('meta[name="workbench-token"]')?.getAttribute('content') ?? null;
            } catch {
              // Cross-origin frame: no access.
            }
            return stolen;
          },
        ],
        [
          'a script tag loading /api/state',
          async ({ target }) => {
            const script = document.createElement('script');
            script.src = `${target}/api/state`;
            const done = new Promise((resolve) => {
              script.onload = resolve;
              script.onerror = resolve;
            });
            document.body.append(script);
            await done;
            return null;
          },
        ],
      ];
      for (const [name, attack] of attacks) {
        const before = await state();
        const read = await page.evaluate(attack, { target, save });
        const held = read === null && JSON.stringify(await state()) === JSON.stringify(before);
        expect(held, name).toBe(true);
        record('cross-origin requests', held);
      }
      // Whatever reached the server from the other origin was refused, or was the page itself served to a frame that
      // the browser then would not show (no Origin on a navigation; X-Frame-Options: SAMEORIGIN).
      const fromAttacker = statuses.filter((s) => s.origin === attackerUrl || s.origin === 'null');
      expect(fromAttacker.length).toBeGreaterThan(0);
      for (const s of fromAttacker) expect(s.status, s.url).toBe(403);
      await page.close();
    },
    TIMEOUT * 2,
  );

  it(
    'refuses a DNS-rebinding page, which reaches 127.0.0.1 under its own name and may read its own answers',
    async () => {
      const page = await browser.newPage();
      const port = new URL(bench.url).port;
      const rebound = `http://evil.test:${port}`;
      // The attacker's page at evil.test:<port>, served before the name was switched to 127.0.0.1.
      await page.route(`${rebound}/attack`, (route) =>
        route.fulfill({ status: 200, contentType: 'text/html', body: '<!doctype html><title>rebound</title>' }),
      );
      await page.goto(`${rebound}/attack`);
      const before = await state();
      const answers = await page.evaluate(async (save) => {
        const statuses: number[] = [];
        const bodies: string[] = [];
        const calls: [string, RequestInit][] = [
          ['/', {}],
          ['/api/state', {}],
          ['/api/version', { headers: { 'x-workbench-token': 'guess' } }],
          ['/api/script', { method: 'POST', headers: { 'content-type': 'application/json' }, body: save }],
          ['/api/edit', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' }],
        ];
        for (const [url, init] of calls) {
          const response = await fetch(url, init);
          statuses.push(response.status);
          bodies.push(await response.text());
        }
        return { statuses, leakedToken: bodies.some((body) => body.includes('workbench-token" content=')) };
      }, save());
      expect(answers).toEqual({ statuses: [403, 403, 403, 403, 403], leakedToken: false });
      const held = JSON.stringify(await state()) === JSON.stringify(before);
      expect(held).toBe(true);
      for (let i = 0; i < answers.statuses.length; i++) record('cross-origin requests', held);
      // The name itself, navigated to: refused before any page (and its token) is served.
      const response = await page.goto(`${rebound}/`);
      expect(response?.status()).toBe(403);
      record('cross-origin requests', (await response?.text())?.includes('workbench-token') === false);
      await page.close();

      function save() {
        return JSON.stringify({ name: 'saveLead', args: [LEAD('Rebound Corp')] });
      }
    },
    TIMEOUT,
  );

  it('refuses forged requests a client outside the browser could send: any Host, Origin, token or body type', async () => {
    const port = new URL(bench.url).port;
    const own = { host: `127.0.0.1:${port}`, origin: bench.url, type: 'application/json', token: bench.token };
    const forged: Partial<typeof own>[] = [
      { origin: 'http://evil.example', type: 'text/plain', token: '' },
      { origin: 'http://evil.example' },
      { origin: 'null' },
      { host: `evil.test:${port}`, origin: `http://evil.test:${port}` },
      { host: 'evil.test', origin: '' },
      { host: `localhost.evil.test:${port}` },
      { token: '' },
      { token: 'x'.repeat(43) },
      { type: 'text/plain' },
      { type: 'application/x-www-form-urlencoded' },
      { type: 'multipart/form-data; boundary=x' },
      { type: '' },
    ];
    const writes: [string, unknown][] = [
      ['/api/script', { name: 'saveLead', args: [LEAD('Forged Corp')] }],
      ['/api/edit', { sheet: 'Profiles', row: 2, column: 1, text: 'pwned' }],
      ['/api/structure', { sheet: 'Leads', action: 'deleteRows', at: 2, count: 10 }],
      ['/api/menu', { functionName: 'setupWorkbook' }],
    ];
    for (const change of forged) {
      const headers = { ...own, ...change };
      for (const [url, body] of writes) {
        const before = await state();
        const status = await new Promise<number>((resolve, reject) => {
          const request = http.request(
            {
              host: '127.0.0.1',
              port,
              method: 'POST',
              path: url,
              headers: Object.fromEntries(
                Object.entries({
                  host: headers.host,
                  origin: headers.origin,
                  'content-type': headers.type,
                  'x-workbench-token': headers.token,
                }).filter(([, value]) => value !== ''),
              ),
            },
            (response) => {
              response.resume();
              resolve(response.statusCode ?? 0);
            },
          );
          request.on('error', reject);
          request.end(JSON.stringify(body));
        });
        const held = status === 403 && JSON.stringify(await state()) === JSON.stringify(before);
        expect(held, `${url} ${JSON.stringify(change)}`).toBe(true);
        record('cross-origin requests', held);
      }
    }
  });

  it(
    'refuses requests too large to serve, whoever sends them, and the formulas compute on',
    async () => {
      const headers = { 'content-type': 'application/json', 'x-workbench-token': bench.token };
      const post = async (url: string, body: string) =>
        fetch(bench.url + url, { method: 'POST', headers, body }).then(async (r) => ({
          status: r.status,
          body: (await r.json()) as { ok?: boolean },
        }));
      const oversized: [string, string][] = [
        ['/api/structure', JSON.stringify({ sheet: 'Leads', action: 'insertRowsBefore', at: 2, count: 1_000_000 })],
        ['/api/structure', JSON.stringify({ sheet: 'Leads', action: 'insertRowsBefore', at: 2, count: 1e15 })],
        ['/api/structure', JSON.stringify({ sheet: 'Leads', action: 'insertColumnsBefore', at: 2, count: 100_000 })],
        ['/api/structure', JSON.stringify({ sheet: 'Leads', action: 'insertColumnsBefore', at: 2, count: 5000 })],
        ['/api/structure', JSON.stringify({ sheet: 'KPI log', action: 'deleteRows', at: 2, count: 10_000_000 })],
        ['/api/edit', JSON.stringify({ sheet: 'Leads', row: 5, column: 22, text: 'x'.repeat(50_001) })],
        ['/api/edit', JSON.stringify({ sheet: 'Leads', row: 1e15, column: 1, text: 'x' })],
        ['/api/select', JSON.stringify({ sheet: 'Leads', row: 1, column: 1, numRows: 1e12, numColumns: 1e12 })],
        ['/api/script', JSON.stringify({ name: 'saveLead', args: [{ notes: 'x'.repeat(2 * 1024 * 1024) }] })],
        ['/api/script', `{"name":"saveLead","args":${'['.repeat(100_000)}${']'.repeat(100_000)}}`],
      ];
      for (const [url, body] of oversized) {
        const before = await state();
        const answer = await post(url, body);
        const refused = answer.status >= 400 || answer.body.ok === false;
        const held = refused && JSON.stringify(await state()) === JSON.stringify(before);
        expect(held, `${url} ${body.slice(0, 80)}`).toBe(true);
        record('oversized requests', held);
      }
      const window = await fetch(`${bench.url}/api/sheet?name=Leads&row=1&count=10000000`, { headers });
      const rows = ((await window.json()) as { rows: unknown[] }).rows.length;
      record('oversized requests', rows <= 500);
      // The engine is whole: a rating typed now moves its lead's Score.
      const lead = async () => {
        const response = await fetch(`${bench.url}/api/sheet?name=Leads&row=2&count=1`, { headers });
        const cells = ((await response.json()) as { rows: { t: string }[][] }).rows[0];
        return { maturity: Number(cells[7].t), score: cells[17].t };
      };
      const before = await lead();
      const text = String(before.maturity === 5 ? 1 : 5);
      expect((await post('/api/edit', JSON.stringify({ sheet: 'Leads', row: 2, column: 8, text }))).body.ok).toBe(true);
      expect((await lead()).score).not.toBe(before.score);
    },
    TIMEOUT * 2,
  );
});

describe('a lead acknowledged as saved survives the process being killed', () => {
  /** A workbench in a process of its own on `dir`; resolves with its URL and its page's token once it answers. */
  async function startChild(dir: string): Promise<{ child: ChildProcess; url: string; token: string }> {
    const code = [
      "import { startWorkbench } from './workbench/server/http-server';",
      `const running = await startWorkbench({ port: 0, dir: ${JSON.stringify(dir)}, timeZone: 'Etc/UTC', saveDelayMs: 3_600_000 });`,
      "console.log('URL ' + running.url);",
    ].join('\n');
    const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', code], {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    const url = await new Promise<string>((resolve, reject) => {
      child.stdout?.on('data', (chunk: Buffer) => {
        output += chunk;
        const found = /URL (\S+)/.exec(output);
        if (found) resolve(found[1]);
      });
      child.stderr?.on('data', (chunk: Buffer) => {
        output += chunk;
      });
      child.once('exit', (code) => reject(new Error(`the workbench exited (${code}): ${output}`)));
    });
    // The token, as the workbench's own page gets it: from the page.
    const page = await (await fetch(`${url}/`)).text();
    const token = /<meta name="workbench-token" content="([^"]+)">/.exec(page)?.[1] ?? '';
    return { child, url, token };
  }

  function kill(child: ChildProcess): Promise<void> {
    return new Promise((resolve) => {
      child.once('exit', () => resolve());
      child.kill('SIGKILL');
    });
  }

  async function saveLead(url: string, token: string, company: string) {
    const response = await fetch(`${url}/api/script`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-workbench-token': token },
      body: JSON.stringify({ name: 'saveLead', args: [LEAD(company)] }),
    });
    return (await response.json()) as { ok: boolean; value?: { ok: boolean } };
  }

  async function companies(url: string, token: string): Promise<string[]> {
    const response = await fetch(`${url}/api/sheet?name=Leads&row=1&count=500`, {
      headers: { 'x-workbench-token': token },
    });
    const window = (await response.json()) as { rows: ({ t: string } | null)[][] };
    return window.rows.map((row) => row?.[1]?.t ?? '').filter(Boolean);
  }

  it(
    'kills the workbench the moment each save is answered; every acknowledged lead is there on the next start',
    async () => {
      const dir = path.join(root, 'killed');
      const acknowledged: string[] = [];
      let running = await startChild(dir);
      for (let round = 1; round <= 4; round++) {
        const company = `Killed Right After ${round}`;
        const answer = await saveLead(running.url, running.token, company);
        expect(answer).toMatchObject({ ok: true, value: { ok: true } });
        acknowledged.push(company);
        await kill(running.child);
        running = await startChild(dir);
        const present = await companies(running.url, running.token);
        for (const name of acknowledged) {
          const kept = present.includes(name);
          expect(kept, name).toBe(true);
          if (name === company) record('kills after an acknowledged save', kept);
        }
      }
      // Killed while a save is under way: nothing acknowledged, and the next start opens a consistent pair.
      const before = await companies(running.url, running.token);
      const pending = saveLead(running.url, running.token, 'Killed Mid Save').catch(() => undefined);
      await new Promise((resolve) => setTimeout(resolve, 150));
      await kill(running.child);
      const answered = await pending;
      running = await startChild(dir);
      const after = await companies(running.url, running.token);
      expect(after.slice(0, before.length)).toEqual(before);
      if (answered?.ok) expect(after).toContain('Killed Mid Save');
      expect(readdirSync(dir).filter((name) => name.endsWith('.tmp'))).toEqual([]);
      await kill(running.child);
    },
    TIMEOUT * 4,
  );
});
