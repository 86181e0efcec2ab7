import { describe, expect, it } from 'vitest';
import { AUTOMATIC, displayValue } from '../../../workbench/view/cell-display';

const show = (value: Parameters<typeof displayValue>[0], format = AUTOMATIC) => displayValue(value, format, 'Etc/UTC');

describe('values as Sheets displays them', () => {
  it('shows numbers under the number formats setup uses', () => {
    expect(show(67.5, '0')).toBe('68');
    expect(show(30000, '#,##0')).toBe('30,000');
    expect(show(0.6666666666666666, '0%')).toBe('67%');
    expect(show(0.125, '0.0%')).toBe('12.5%');
    expect(show(-1234.5, '#,##0.00')).toBe('-1,234.50');
  });

  it('shows Automatic numbers with up to ten significant digits', () => {
    expect(show(67.5)).toBe('67.5');
    expect(show(0.1 + 0.2)).toBe('0.3');
    expect(show(2 / 3)).toBe('0.6666666667');
    expect(show(42)).toBe('42');
  });

  it('shows dates in the number format, or as M/d/yyyy when there is none', () => {
    const date = new Date(Date.UTC(2026, 5, 25));
    expect(show(date, 'yyyy-mm-dd')).toBe('2026-06-25');
    expect(show(date)).toBe('6/25/2026');
    expect(show(new Date(Date.UTC(2026, 5, 25, 13, 5)), 'yyyy-mm-dd hh:mm')).toBe('2026-06-25 13:05');
    expect(displayValue(date, 'yyyy-mm-dd', 'America/New_York')).toBe('2026-06-24');
  });

  it('shows booleans in capitals and text as it is', () => {
    expect(show(true)).toBe('TRUE');
    expect(show('incomplete 9/10 rated')).toBe('incomplete 9/10 rated');
    expect(show('')).toBe('');
  });
});
