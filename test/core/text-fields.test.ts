import { describe, expect, it } from 'vitest';
import { validateProblem } from '../../src/core/improvement-lint';
import { textFieldError } from '../../src/core/text-fields';

describe('a text field before it is stored in a cell', () => {
  it('is refused, naming the field and the character, when it holds one a cell does not keep', () => {
    for (const [text, code, at] of [
      ['Acme\u0000AB', '0000', 5],
      ['\u0001', '0001', 1],
      ['line\rbreak', '000D', 5],
      ['bad \uD800 half', 'D800', 5],
      ['odd \uDC00', 'DC00', 5],
      ['x\uFFFE', 'FFFE', 2],
    ] as const) {
      expect(textFieldError('Company', text, 200, true)?.message).toBe(
        `Company holds a character a cell does not keep (U+${code}) at character ${at}; remove it`,
      );
    }
  });

  it('keeps tabs, line feeds, accents and whole emoji', () => {
    for (const text of ['Acme\tAB', 'first line\nsecond', 'Åsa Öberg', 'Deal 🚀 won']) {
      expect(textFieldError('Notes', text, 500, false)).toBeUndefined();
    }
  });

  it('checks type, presence and length first', () => {
    expect(textFieldError('Company', 7, 200, true)?.message).toBe('Company must be text');
    expect(textFieldError('Company', '  ', 200, true)?.message).toBe('Company is required');
    expect(textFieldError('Company', 'abc', 2, true)?.message).toBe('Company is 3 characters long; the limit is 2');
  });

  it('applies to every form: a problem raised in the Improve panel too', () => {
    expect(validateProblem({ problem: 'Bad\u0002text', raisedBy: 'Ann' })).toEqual([
      {
        field: 'Problem',
        message: 'Problem holds a character a cell does not keep (U+0002) at character 4; remove it',
      },
    ]);
  });
});
