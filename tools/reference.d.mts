// Types for reference.mjs.
import type { FunctionSpec } from '../src/functions/spec';
export declare const START: string;
export declare const END: string;
export declare const FACTOR_HEADERS: readonly string[];
export declare function renderReference(
  table: readonly FunctionSpec[],
  callables: Readonly<Record<string, (...args: unknown[]) => unknown>>,
): string;
export declare function withReference(readme: string, section: string): string;
export declare function currentReference(readme: string): string;
