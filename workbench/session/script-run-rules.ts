/**
 * google.script.run's rules for what crosses between the sidebar and the server, as Apps Script applies them.
 *
 * Parameters: primitives, null, and plain objects and arrays of them. A Date, a function or any other object type
 * anywhere in them fails the request ("Failed due to illegal value in property: <key>"); undefined inside arrays
 * becomes null. Return values: a Date anywhere in the result makes the success handler receive null (the whole value),
 * which is why the add-on sends dates as ISO strings; the workbench delivers null too and logs a warning.
 */

/** How the shim marks a value JSON cannot carry, so the server can refuse it as Apps Script does. */
export interface IllegalMarker {
  readonly __illegal: string;
}

const isIllegal = (value: unknown): value is IllegalMarker =>
  typeof value === 'object' && value !== null && typeof (value as IllegalMarker).__illegal === 'string';

/** The property (object key or array index) holding an illegal value, or undefined when the parameters are legal. */
function illegalProperty(value: unknown, key: string): string | undefined {
  if (isIllegal(value)) return key;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = illegalProperty(value[i], String(i));
      if (found !== undefined) return found;
    }
    return undefined;
  }
  if (typeof value === 'object' && value !== null) {
    for (const [k, v] of Object.entries(value)) {
      const found = illegalProperty(v, k);
      if (found !== undefined) return found;
    }
  }
  return undefined;
}

/** Checks the parameters a sidebar sent; throws Apps Script's error for an illegal one. */
export function checkParameters(args: readonly unknown[]): unknown[] {
  for (let i = 0; i < args.length; i++) {
    const property = illegalProperty(args[i], String(i));
    if (property !== undefined) throw new Error(`Failed due to illegal value in property: ${property}`);
  }
  return args.map((arg) => (arg === undefined ? null : arg));
}

const isDateValue = (value: unknown) => Object.prototype.toString.call(value) === '[object Date]';

/** The path to a Date inside a value (`result.rows[2].created`), or undefined when there is none. */
function datePath(value: unknown, path: string, seen: Set<unknown>): string | undefined {
  if (isDateValue(value)) return path;
  if (typeof value !== 'object' || value === null || seen.has(value)) return undefined;
  seen.add(value);
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = datePath(value[i], `${path}[${i}]`, seen);
      if (found) return found;
    }
    return undefined;
  }
  for (const [key, v] of Object.entries(value)) {
    const found = datePath(v, `${path}.${key}`, seen);
    if (found) return found;
  }
  return undefined;
}

export interface DeliveredResult {
  /** What the success handler receives (JSON-ready; undefined stays undefined). */
  readonly value: unknown;
  /** Set when Apps Script would not deliver the value as returned. */
  readonly warning?: string;
}

/** What the sidebar's success handler receives for a server function's return value. */
export function deliverResult(name: string, result: unknown): DeliveredResult {
  const path = datePath(result, 'result', new Set());
  if (path) {
    return {
      value: null,
      warning: `google.script.run: ${name} returned a Date (${path}); Apps Script hands the success handler null instead. Return dates as ISO strings.`,
    };
  }
  return { value: result === undefined ? undefined : JSON.parse(JSON.stringify(result)) };
}
