/** One execution of the script: its options, call counter, UI record, and the proxies that count and guard each call. */

import { signatureError } from './apps-script-errors';
import { type AuthMode, assertAllowed } from './auth-modes';
import { CallCounter } from './call-counter';
import { ServiceObject } from './service-object';
import { UiRecorder } from './ui-recorder';
import type { Workbook } from './workbook';

export interface RuntimeOptions {
  readonly authMode: AuthMode;
  readonly user: string;
  readonly htmlDir: string;
  readonly onServiceCall?: (method: string) => void;
}

let lastExecutionId = 0;

/** The public methods of an emulated class: its prototype's functions, not the constructor, not `_internal` ones. */
const methodsByPrototype = new WeakMap<object, ReadonlySet<string>>();

function methodsOf(target: object): ReadonlySet<string> {
  const prototype = Object.getPrototypeOf(target) as object;
  let methods = methodsByPrototype.get(prototype);
  if (!methods) {
    const names = new Set<string>();
    for (let p = prototype; p && p !== ServiceObject.prototype; p = Object.getPrototypeOf(p)) {
      for (const name of Object.getOwnPropertyNames(p)) {
        const descriptor = Object.getOwnPropertyDescriptor(p, name);
        if (name !== 'constructor' && !name.startsWith('_') && typeof descriptor?.value === 'function') names.add(name);
      }
    }
    methods = names;
    methodsByPrototype.set(prototype, methods);
  }
  return methods;
}

/** Enum namespaces (`SpreadsheetApp.DataValidationCriteria`, `Ui.Button`) are PascalCase own properties. */
const isEnumName = (name: string) => /^[A-Z]/.test(name);

export class Runtime {
  readonly id = ++lastExecutionId;
  readonly calls = new CallCounter();
  readonly ui = new UiRecorder();
  readonly logs: string[] = [];
  private readonly targets = new WeakMap<object, ServiceObject>();

  constructor(
    readonly workbook: Workbook,
    readonly options: RuntimeOptions,
  ) {}

  /**
   * The object the script sees: a proxy exposing only the public methods and enums, counting each call, calling
   * onServiceCall, and enforcing the auth mode before the method runs. This is where emulated classes become the
   * Apps Script types.
   */
  wrap<G>(target: ServiceObject, className: string): G {
    const methods = methodsOf(target);
    const bound = new Map<string, unknown>();
    const record = target as unknown as Record<string, unknown>;
    const proxy: object = new Proxy(target, {
      get: (_target, property) => {
        if (typeof property === 'symbol') return Reflect.get(target, property);
        if (property === 'toString') return () => className;
        if (isEnumName(property) && Object.hasOwn(target, property)) return record[property];
        if (!methods.has(property)) return undefined;
        let method = bound.get(property);
        if (!method) {
          const fn = record[property] as (...args: unknown[]) => unknown;
          method = (...args: unknown[]) => {
            this.beforeCall(className, property);
            const result = fn.apply(target, args);
            return result === target ? proxy : result;
          };
          bound.set(property, method);
        }
        return method;
      },
      has: (_target, property) =>
        typeof property === 'string' &&
        (methods.has(property) || (isEnumName(property) && Object.hasOwn(target, property))),
    });
    this.targets.set(proxy, target);
    return proxy as G;
  }

  /** The emulated object behind a proxy the script passed back, if it is one of `type`. */
  unwrap<T extends ServiceObject>(value: unknown, type: abstract new (...args: never[]) => T): T | undefined {
    const target = typeof value === 'object' && value !== null ? this.targets.get(value) : undefined;
    return target instanceof type ? target : undefined;
  }

  /** Like unwrap, but a wrong argument fails as Apps Script fails: "The parameters (...) don't match ...". */
  expect<T extends ServiceObject>(
    value: unknown,
    type: abstract new (...args: never[]) => T,
    method: string,
    args: readonly unknown[],
  ): T {
    const target = this.unwrap(value, type);
    if (!target) throw signatureError(method, args);
    return target;
  }

  private beforeCall(className: string, method: string): void {
    const name = `${className}.${method}`;
    this.calls.record(name);
    this.options.onServiceCall?.(name);
    assertAllowed(this.options.authMode, className, method);
  }
}
