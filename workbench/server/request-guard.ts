/**
 * Who may drive the workbench: its own page, and nothing else the user's browser runs. Any web page can send requests
 * to 127.0.0.1 (a form, or a `no-cors` fetch with a `text/plain` body, needs no permission), so every request is
 * checked before it is routed:
 *
 * - `Host` must name the workbench's own address and port: a DNS-rebinding page reaches 127.0.0.1 under its own name;
 * - an `Origin`, when the browser sends one, must be the workbench's own origin;
 * - every API call (`/api/...`, reads included) must carry the token the server puts in the pages it serves, a random
 *   value drawn at each start that no other origin can read;
 * - a request with a body must send it as `application/json`, which no form and no `no-cors` fetch can.
 *
 * The page and its static assets stay open to GET: they are what hands the token to the workbench's own page.
 */

import { randomBytes, timingSafeEqual } from 'node:crypto';
import type http from 'node:http';
import { TOKEN_HEADER } from '../page/server-api';

/** The names a browser may use for an address the server listens on. */
function namesOf(host: string): string[] {
  const bare = host.replace(/^\[|\]$/g, '').toLowerCase();
  const literal = bare.includes(':') ? `[${bare}]` : bare;
  if (bare === 'localhost') return ['localhost', '127.0.0.1', '[::1]'];
  if (bare === '127.0.0.1' || bare === '::1') return [literal, 'localhost'];
  return [literal];
}

const BODILESS = new Set(['GET', 'HEAD']);

export class RequestGuard {
  /** This start's token: 32 random bytes, base64url (safe in an HTML attribute and a header). */
  readonly token = randomBytes(32).toString('base64url');
  private readonly hosts: ReadonlySet<string>;
  private readonly origins: ReadonlySet<string>;

  constructor(host: string, port: number) {
    const names = namesOf(host);
    const hosts = names.map((name) => `${name}:${port}`);
    if (port === 80) hosts.push(...names);
    this.hosts = new Set(hosts);
    this.origins = new Set(hosts.map((h) => `http://${h}`));
  }

  /** The workbench's own origin, as its URL gives it. */
  get origin(): string {
    return [...this.origins][0];
  }

  /** Why the request is refused (answered 403 before anything reads its body), or undefined when it may go on. */
  refusal(request: http.IncomingMessage): string | undefined {
    const host = (request.headers.host ?? '').toLowerCase();
    if (!this.hosts.has(host)) {
      return `Refused: this workbench answers at ${[...this.hosts].join(' or ')}, not at "${host}".`;
    }
    const origin = request.headers.origin;
    if (origin !== undefined && !this.origins.has(origin.toLowerCase())) {
      return `Refused: a page from ${origin} may not call the workbench; only its own page at ${this.origin} may.`;
    }
    const pathname = (request.url ?? '/').split('?')[0];
    if (!pathname.startsWith('/api/') && BODILESS.has(request.method ?? '')) return undefined;
    const token = request.headers[TOKEN_HEADER.toLowerCase()];
    if (typeof token !== 'string' || !this.matches(token)) {
      return "Refused: the request does not carry this workbench's token, which only its own page has; reload the workbench page.";
    }
    if (!BODILESS.has(request.method ?? '')) {
      const type = (request.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase();
      if (type !== 'application/json') {
        return `Refused: the workbench takes request bodies only as application/json, not ${type || 'without a type'}.`;
      }
    }
    return undefined;
  }

  private matches(token: string): boolean {
    const given = Buffer.from(token);
    const expected = Buffer.from(this.token);
    return given.length === expected.length && timingSafeEqual(given, expected);
  }
}

/** Headers for every answer: no other origin may frame the page, load an answer as a script, or sniff its type. */
export const SAFETY_HEADERS: Readonly<Record<string, string>> = {
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'SAMEORIGIN',
  'content-security-policy': "frame-ancestors 'self'",
  'cross-origin-resource-policy': 'same-origin',
  'referrer-policy': 'no-referrer',
};
