/**
 * The .xlsx and its JSON sidecar as one unit on disk. The sidecar names the .xlsx it belongs to by the SHA-256 of its
 * bytes, so a pair that does not belong together is seen, never loaded. A save writes both to temporary files (synced
 * to disk), then renames the sidecar into place and then the .xlsx; a crash at any point leaves either the previous
 * pair, or the new sidecar with the new .xlsx still in its temporary file, which the next start renames into place.
 * Temporary files left by a crash are removed at start.
 *
 *   step              workbook.json   workbook.xlsx   on the next start
 *   begin             old             old             old pair
 *   xlsx-written      old             old             old pair (+ stray .xlsx temp, removed)
 *   sidecar-written   old             old             old pair (+ stray temps, removed)
 *   sidecar-renamed   new             old             new pair: the .xlsx temp is renamed into place
 *   xlsx-renamed      new             new             new pair
 */

import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { open, readdir, readFile, rename, unlink } from 'node:fs/promises';
import path from 'node:path';

/** The points of a save, in order; `onStep` hears each (a test copies the folder there: what a crash leaves). */
export type SaveStep = 'begin' | 'xlsx-written' | 'sidecar-written' | 'sidecar-renamed' | 'xlsx-renamed';

/** What names the .xlsx a sidecar belongs to. */
export const sha256 = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

/** The temporary file a save writes `target` to before renaming it into place: named by the .xlsx it belongs to. */
const temporaryOf = (target: string, hash: string) => `${target}.${hash.slice(0, 16)}.tmp`;

/** A workbook whose .xlsx and sidecar are not from the same save, and no finished save explains it. */
export class WorkbookFilesMismatch extends Error {
  constructor(xlsx: string, json: string) {
    super(
      `${path.basename(xlsx)} and ${path.basename(json)} in ${path.dirname(xlsx)} are not from the same save ` +
        `(the .xlsx was changed or replaced outside the workbench), so the workbench will not guess which to trust. ` +
        'Both files were kept as they are. To open the .xlsx alone, move the .json away; to go back to what the ' +
        'workbench saved last, put its .xlsx back; to start over, delete the folder.',
    );
    this.name = 'WorkbookFilesMismatch';
  }
}

async function writeSynced(file: string, data: Uint8Array | string): Promise<void> {
  const handle = await open(file, 'w');
  try {
    await handle.writeFile(data);
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** Makes the renames in a folder survive a power cut (where the platform allows syncing a folder). */
async function syncFolder(dir: string): Promise<void> {
  try {
    const handle = await open(dir, 'r');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
  } catch {
    // Windows cannot open a folder for syncing; its renames are durable once done.
  }
}

/**
 * Writes `xlsx` to `file` and, when given, the sidecar JSON beside it, as one unit: a crash leaves the previous pair or
 * this one, never a mix. `sidecarOf(hash)` gives the sidecar's text naming the .xlsx by its hash.
 */
export async function writeWorkbookFiles(
  file: string,
  xlsx: Uint8Array,
  sidecar: { readonly path: string; readonly text: (xlsxHash: string) => string } | undefined,
  onStep?: (step: SaveStep) => void,
): Promise<void> {
  const hash = sha256(xlsx);
  const temporary = temporaryOf(file, hash);
  const jsonTemporary = sidecar && temporaryOf(sidecar.path, hash);
  onStep?.('begin');
  try {
    await writeSynced(temporary, xlsx);
    onStep?.('xlsx-written');
    if (sidecar && jsonTemporary) {
      await writeSynced(jsonTemporary, sidecar.text(hash));
      onStep?.('sidecar-written');
      await rename(jsonTemporary, sidecar.path);
      onStep?.('sidecar-renamed');
    }
    await rename(temporary, file);
    onStep?.('xlsx-renamed');
  } catch (error) {
    await Promise.all([temporary, jsonTemporary].map((f) => f && unlink(f).catch(() => {})));
    throw error;
  }
  await syncFolder(path.dirname(file));
}

/** The hash a sidecar gives for its .xlsx, if it gives one (sidecars written before it did not). */
async function hashInSidecar(json: string): Promise<string | undefined> {
  if (!existsSync(json)) return undefined;
  try {
    const hash = (JSON.parse(await readFile(json, 'utf8')) as { xlsxSha256?: unknown }).xlsxSha256;
    return typeof hash === 'string' ? hash : undefined;
  } catch {
    return undefined;
  }
}

const hashOf = async (file: string) => (existsSync(file) ? sha256(await readFile(file)) : undefined);

/**
 * Before a workbook is read: finishes a save a crash interrupted between its two renames, removes temporary files
 * left by crashes, and refuses (WorkbookFilesMismatch, changing nothing) a pair that no save explains. Returns what it
 * did, for the user.
 */
export async function settleWorkbookFiles(file: string, json: string): Promise<string[]> {
  const notices: string[] = [];
  const expected = await hashInSidecar(json);
  const actual = await hashOf(file);
  if (expected !== undefined && actual !== expected) {
    const finished = temporaryOf(file, expected);
    if ((await hashOf(finished)) === expected) {
      await rename(finished, file);
      await syncFolder(path.dirname(file));
      notices.push(
        `The last save was interrupted after ${path.basename(json)} was written and before ${path.basename(file)} ` +
          `was; the workbench finished it (${path.basename(finished)} became ${path.basename(file)}): nothing was lost.`,
      );
    } else if (actual !== undefined) {
      throw new WorkbookFilesMismatch(file, json);
    }
    // No .xlsx at all (deleted to start over): a new workbook is saved over the sidecar.
  }
  const dir = path.dirname(file);
  const stray = (await readdir(dir)).filter(
    (name) => name.endsWith('.tmp') && [file, json].some((target) => name.startsWith(`${path.basename(target)}.`)),
  );
  await Promise.all(stray.map((name) => unlink(path.join(dir, name))));
  if (stray.length > 0) {
    notices.push(`Removed ${stray.length} temporary file(s) of a save that did not finish: ${stray.join(', ')}.`);
  }
  return notices;
}
