/** Timing and reporting helpers shared by the benchmark figures. */

import { performance } from 'node:perf_hooks';

/** One line of the benchmark's report. */
export interface Figure {
  readonly name: string;
  readonly value: number;
  readonly unit: string;
  /** The goal in words, e.g. `<= 3`. */
  readonly goal: string;
  readonly ok: boolean;
}

export interface BenchOptions {
  /** Small sizes, so every figure runs in seconds (used by the test that keeps the benchmark from rotting). */
  readonly quick: boolean;
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** Collects garbage left by earlier runs when node runs with --expose-gc, so a run pays only for its own. */
const collect: () => void = (globalThis as { gc?: () => void }).gc ?? (() => undefined);

/** The value below which `fraction` of the values lie (nearest rank). */
export function percentile(values: readonly number[], fraction: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(fraction * sorted.length) - 1))];
}

/**
 * The times of `runs` runs each of `a` and `b`, run alternately so a change in the machine's load hits both alike
 * (what matters is their ratio); `times[0][i]` and `times[1][i]` ran side by side.
 */
export function alternatingRuns(runs: number, a: () => unknown, b: () => unknown): [number[], number[]] {
  // As many warm-up runs: on a loaded machine V8's optimizing compiler (a background thread) may take a dozen runs to
  // finish the function, while the floor is optimized on the spot; timing before that compares interpreter and code.
  for (let i = 0; i < runs; i++) {
    a();
    b();
  }
  const times: [number[], number[]] = [[], []];
  for (let i = 0; i < runs; i++) {
    // Each goes first every other time, so neither always runs right after the other's garbage.
    const order: [number, () => unknown][] =
      i % 2 === 0
        ? [
            [0, a],
            [1, b],
          ]
        : [
            [1, b],
            [0, a],
          ];
    for (const [k, fn] of order) {
      collect();
      const start = performance.now();
      fn();
      times[k].push(performance.now() - start);
    }
  }
  return times;
}

export function atMost(name: string, value: number, unit: string, limit: number): Figure {
  return { name, value, unit, goal: `<= ${limit}`, ok: value <= limit };
}

export function info(name: string, value: number, unit: string): Figure {
  return { name, value, unit, goal: '(measured)', ok: true };
}

/** The same count at a small and a large row count: the goal of figures that must not grow with the data. */
export function sameAt(
  name: string,
  small: number,
  large: number,
  sizes: readonly [number, number],
  unit = 'calls',
): Figure[] {
  const ok = small === large;
  return [
    { name: `${name} at ${sizes[0]} rows`, value: small, unit, goal: `= at ${sizes[1]} rows`, ok },
    { name: `${name} at ${sizes[1]} rows`, value: large, unit, goal: `= at ${sizes[0]} rows`, ok },
  ];
}

/** A deterministic pseudo-random generator (mulberry32), so every run measures the same data. */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function ratingGrid(rows: number, random: () => number): number[][] {
  return Array.from({ length: rows }, () => Array.from({ length: 10 }, () => 1 + Math.floor(random() * 5)));
}

export function formatTable(figures: readonly Figure[]): string {
  const rows = figures.map((f) => [f.name, formatValue(f.value), f.unit, f.goal, f.ok ? 'met' : 'NOT MET']);
  const header = ['figure', 'value', 'unit', 'goal', ''];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]) =>
    cells.map((c, i) => (i === 1 ? c.padStart(widths[i]) : c.padEnd(widths[i]))).join('  ');
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}

function formatValue(value: number): string {
  if (Number.isInteger(value)) return String(value);
  return value >= 100 ? value.toFixed(0) : value >= 1 ? value.toFixed(2) : value.toFixed(3);
}
