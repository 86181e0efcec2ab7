/**
 * One execution of the script: its options, call counter and UI record; the factories of every emulated object (so
 * the classes depend on this runtime, not on each other); and the proxies that count and guard each call.
 */

import type { Box } from './a1-notation';
import { signatureError } from './apps-script-errors';
import { type AuthMode, assertAllowed } from './auth-modes';
import { CallCounter } from './call-counter';
import type {
  Area,
  ChartModel,
  ConditionalRuleModel,
  ProtectionModel,
  SheetModel,
  ValidationRule,
} from './sheet-model';
import { UiRecorder } from './ui-recorder';
import type { Workbook } from './workbook';

export interface RuntimeOptions {
  readonly authMode: AuthMode;
  readonly user: string;
  readonly htmlDir: string;
  /** False for a script not bound to the spreadsheet: LockService.getDocumentLock() returns null. */
  readonly boundToDocument: boolean;
  readonly onServiceCall?: (method: string) => void;
}

/** The objects one emulated class hands out of another, as the script sees them (each wrapped, counted, guarded). */
export interface ServiceObjects {
  range(sheet: SheetModel, box: Box): GoogleAppsScript.Spreadsheet.Range;
  rangeList(sheet: SheetModel, boxes: readonly Box[]): GoogleAppsScript.Spreadsheet.RangeList;
  sheet(model: SheetModel): GoogleAppsScript.Spreadsheet.Sheet;
  spreadsheet(): GoogleAppsScript.Spreadsheet.Spreadsheet;
  namedRange(name: string): GoogleAppsScript.Spreadsheet.NamedRange;
  protection(model: ProtectionModel): GoogleAppsScript.Spreadsheet.Protection;
  user(email: string): GoogleAppsScript.Base.User;
  dataValidation(rule: ValidationRule): GoogleAppsScript.Spreadsheet.DataValidation;
  dataValidationBuilder(from?: ValidationRule): GoogleAppsScript.Spreadsheet.DataValidationBuilder;
  conditionalRule(model: ConditionalRuleModel): GoogleAppsScript.Spreadsheet.ConditionalFormatRule;
  conditionalRuleBuilder(from?: ConditionalRuleModel): GoogleAppsScript.Spreadsheet.ConditionalFormatRuleBuilder;
  chart(model: ChartModel): GoogleAppsScript.Spreadsheet.EmbeddedChart;
  chartBuilder(sheet: SheetModel, from?: ChartModel): GoogleAppsScript.Spreadsheet.EmbeddedChartBuilder;
}

/** What an object the script passes back stands for in the model, by the class name the script knows it by. */
export interface ModelOf {
  /** A fresh Area: the caller may keep it. */
  Range: Area;
  Sheet: SheetModel;
  DataValidation: ValidationRule;
  ConditionalFormatRule: ConditionalRuleModel;
  EmbeddedChart: ChartModel;
  /** The user's email. */
  User: string;
}

/** The key under which an emulated object gives its model (a symbol: the script's proxies never list it). */
export const MODEL = Symbol('model');

/** Base of every emulated Apps Script object: it knows its execution, and `self` is what a chained method returns. */
export abstract class ServiceObject<G = unknown> {
  constructor(protected readonly rt: Runtime) {}

  /** Typed as the Apps Script interface; the counting proxy hands the script itself in place of this object. */
  protected get self(): G {
    return this as unknown as G;
  }
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
  /** Makes the objects the script sees; set by the emulator's entry point, which knows every class. */
  readonly objects: ServiceObjects;
  private readonly targets = new WeakMap<object, { target: ServiceObject; className: string }>();

  constructor(
    readonly workbook: Workbook,
    readonly options: RuntimeOptions,
    objects: (rt: Runtime) => ServiceObjects,
  ) {
    this.objects = objects(this);
  }

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
    this.targets.set(proxy, { target, className });
    return proxy as G;
  }

  /** The model behind an object the script passed back, when it is a `className`; undefined for anything else. */
  modelOf<K extends keyof ModelOf>(value: unknown, className: K): ModelOf[K] | undefined {
    const entry = typeof value === 'object' && value !== null ? this.targets.get(value) : undefined;
    if (entry?.className !== className) return undefined;
    return (entry.target as unknown as Record<typeof MODEL, ModelOf[K]>)[MODEL];
  }

  /** Like modelOf, but a wrong argument fails as Apps Script fails: "The parameters (...) don't match ...". */
  expect<K extends keyof ModelOf>(value: unknown, className: K, method: string, args: readonly unknown[]): ModelOf[K] {
    const model = this.modelOf(value, className);
    if (model === undefined) throw signatureError(method, args);
    return model;
  }

  /** The emulated object behind a proxy the script passed back, if it is one of `type` (a class the caller knows). */
  unwrap<T extends ServiceObject>(value: unknown, type: abstract new (...args: never[]) => T): T | undefined {
    const target = typeof value === 'object' && value !== null ? this.targets.get(value)?.target : undefined;
    return target instanceof type ? target : undefined;
  }

  /** Like unwrap, but a wrong argument fails as Apps Script fails. */
  expectInstance<T extends ServiceObject>(
    value: unknown,
    type: abstract new (...args: never[]) => T,
    method: string,
    args: readonly unknown[],
  ): T {
    const target = this.unwrap(value, type);
    if (!target) throw signatureError(method, args);
    return target;
  }

  /** The object behind one of our proxies, for calls made on the script's behalf that must not be counted again. */
  uncounted<G>(proxy: G): G {
    const entry = this.targets.get(proxy as object);
    if (!entry) throw new Error('emulator: uncounted() takes an object the runtime wrapped');
    return entry.target as unknown as G;
  }

  private beforeCall(className: string, method: string): void {
    const name = `${className}.${method}`;
    this.calls.record(name);
    this.options.onServiceCall?.(name);
    assertAllowed(this.options.authMode, className, method);
  }
}
