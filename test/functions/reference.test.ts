import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { FACTOR_NAMES } from '../../src/core/factors';
import { documentedFunctions } from '../../src/functions/function-docs';
import { customFunctions } from '../../src/functions/function-wrappers';
import { currentReference, renderReference } from '../../tools/reference';

const readme = readFileSync(path.resolve(__dirname, '../../README.md'), 'utf8');
const FUNCTIONS = documentedFunctions();

describe('README function reference', () => {
  it('is in sync with the function table (run `npm run docs` after changing it)', () => {
    expect(currentReference(readme)).toBe(renderReference(FUNCTIONS, customFunctions));
  });

  it.each(FUNCTIONS.map((s) => s.name))('documents %s with every parameter and a worked example', (name) => {
    const spec = FUNCTIONS.find((s) => s.name === name);
    const section =
      currentReference(readme)
        .split('### ')
        .find((s) => s.startsWith(`${name}(`)) ?? '';
    for (const p of spec?.params ?? []) expect(section).toContain(`| \`${p.name}\``);
    expect(section).toContain(`Example: \`${spec?.example.formula}\``);
    expect(section).toContain('Result:');
  });
});

describe('README example tables', () => {
  it('show the factor names above the example ratings', () => {
    const leadscore = currentReference(readme).split('### ')[1] ?? '';
    expect(leadscore).toContain(`| ${FACTOR_NAMES.join(' | ')} |`);
  });
});
