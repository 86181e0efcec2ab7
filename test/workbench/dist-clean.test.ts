import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { EMULATOR_MARK } from '../../workbench/emulator/apps-script-emulator';
import { DIST_DIR, ROOT } from '../../workbench/session/project-paths';

/** Texts that only HyperFormula, ExcelJS, the emulator or the workbench contain. */
const FOREIGN = [
  /hyperformula/i,
  /Handsoncode/,
  /gpl-v3/,
  /exceljs/i,
  /FormulaEngine/,
  /lean-sales-workbench-shim/,
  new RegExp(EMULATOR_MARK),
];

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? filesUnder(path.join(dir, entry.name)) : [path.join(dir, entry.name)],
  );
}

describe('what ships', () => {
  it('dist/ holds none of HyperFormula (GPL-3.0), ExcelJS, the emulator or the workbench', () => {
    const files = filesUnder(DIST_DIR).map((f) => path.relative(DIST_DIR, f));
    expect(files).toEqual(
      expect.arrayContaining([
        'Code.js',
        'Sidebar.html',
        'Help.html',
        'SampleData.html',
        'Setup.html',
        'appsscript.json',
      ]),
    );
    for (const file of files) {
      const text = readFileSync(path.join(DIST_DIR, file), 'utf8');
      for (const pattern of FOREIGN) expect(text, `${file} contains ${pattern}`).not.toMatch(pattern);
    }
  });

  it('src/ never imports the workbench or its dev-only libraries', () => {
    for (const file of filesUnder(path.join(ROOT, 'src'))) {
      const text = readFileSync(file, 'utf8');
      expect(text, file).not.toMatch(/from ['"][^'"]*workbench\//);
      expect(text, file).not.toMatch(/from ['"](hyperformula|exceljs)['"]/);
    }
  });
});
