import { describe, expect, it } from 'vitest';
import { literalText, needsQuote } from '../../src/server/literal-text';

describe('literalText', () => {
  it.each([
    '=IMPORTXML("http://x","//a")',
    '+46 70 123 45 67',
    '-3',
    '@mention',
    '#N/A',
    "'already quoted",
    '007',
    '3.5',
    '.5',
    '50%',
    '1,000',
    '$12',
    '(42)',
    '2024-05-01',
    '1/2',
    '12:30',
    'TRUE',
    ' false ',
    'March 5',
    'mon 3 june',
    ' 42',
  ])('quotes %j, which Sheets would not keep as that text', (text) => {
    expect(needsQuote(text)).toBe(true);
    expect(literalText(text)).toBe(`'${text}`);
  });

  it.each(['Acme AB', 'May Holdings', 'Truewind Ltd', 'Notes: call back', 'Sales-Ops', 'S1', 'L-0042', ''])(
    'leaves %j as it is',
    (text) => {
      expect(literalText(text)).toBe(text);
    },
  );
});
