/** Counts service calls by method ('Range.getValues'), so tests and benchmarks can hold code to batched access. */

export class CallCounter {
  private readonly counts = new Map<string, number>();
  private sum = 0;

  record(method: string): void {
    this.counts.set(method, (this.counts.get(method) ?? 0) + 1);
    this.sum++;
  }

  total(): number {
    return this.sum;
  }

  count(method: string): number {
    return this.counts.get(method) ?? 0;
  }

  /** Calls per method, methods in the order first called. */
  byMethod(): Record<string, number> {
    return Object.fromEntries(this.counts);
  }

  reset(): void {
    this.counts.clear();
    this.sum = 0;
  }
}
