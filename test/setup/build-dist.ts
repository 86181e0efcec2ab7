/** Vitest global setup: every run tests a freshly built dist/, never a stale one. */
import { build } from '../../tools/build';

export default async function buildDist(): Promise<void> {
  await build();
}
