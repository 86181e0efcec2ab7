import { describe, expect, it } from 'vitest';
import { session } from './helpers';

describe('cell formats', () => {
  it('number formats: set on a range, read per cell; an unformatted cell reads the General format', () => {
    const { sheet } = session();
    sheet.getRange('R2:R5').setNumberFormat('0.0');
    sheet.getRange('G2:G3').setNumberFormats([['yyyy-mm-dd'], ['yyyy-mm-dd']]);
    expect(sheet.getRange('R3').getNumberFormat()).toBe('0.0');
    expect(sheet.getRange('G2:G3').getNumberFormats()).toEqual([['yyyy-mm-dd'], ['yyyy-mm-dd']]);
    expect(sheet.getRange('A1').getNumberFormat()).toBe('0.###############');
  });

  it('font weight and style: bold or normal, italic or normal', () => {
    const { sheet } = session();
    sheet.getRange('A1:C1').setFontWeight('bold');
    sheet.getRange('B1').setFontStyle('italic');
    expect(sheet.getRange('A1:D1').getFontWeights()).toEqual([['bold', 'bold', 'bold', 'normal']]);
    expect(sheet.getRange('B1').getFontStyle()).toBe('italic');
    sheet.getRange('A1').setFontWeight(null);
    expect(sheet.getRange('A1').getFontWeight()).toBe('normal');
  });

  it('background and font color, white and black by default', () => {
    const { sheet } = session();
    sheet.getRange('A1').setBackground('#cfe2f3').setFontColor('#1155cc');
    expect([sheet.getRange('A1').getBackground(), sheet.getRange('A1').getFontColor()]).toEqual(['#cfe2f3', '#1155cc']);
    expect([sheet.getRange('B1').getBackground(), sheet.getRange('B1').getFontColor()]).toEqual(['#ffffff', '#000000']);
    sheet.getRange('A1:B1').setBackgrounds([[null, '#ff0000']]);
    expect(sheet.getRange('A1:B1').getBackgrounds()).toEqual([['#ffffff', '#ff0000']]);
  });

  it('notes', () => {
    const { sheet } = session();
    sheet.getRange('H1').setNote('1 = ready to decide now');
    expect(sheet.getRange('H1:I1').getNotes()).toEqual([['1 = ready to decide now', '']]);
    sheet.getRange('H1').clearNote();
    expect(sheet.getRange('H1').getNote()).toBe('');
  });

  it('clearFormat resets formats and keeps values', () => {
    const { sheet } = session();
    sheet.getRange('A1').setValue(3).setNumberFormat('0.00').setFontWeight('bold');
    sheet.getRange('A1').clearFormat();
    expect([
      sheet.getRange('A1').getValue(),
      sheet.getRange('A1').getNumberFormat(),
      sheet.getRange('A1').getFontWeight(),
    ]).toEqual([3, '0.###############', 'normal']);
  });

  it('formats move with inserted columns', () => {
    const { sheet } = session();
    sheet.getRange('B1').setNumberFormat('0%');
    sheet.insertColumnBefore(1);
    expect(sheet.getRange('C1').getNumberFormat()).toBe('0%');
  });

  it('alignment, font size and wrap, with the defaults of a new cell', () => {
    const { sheet } = session();
    const cell = sheet.getRange('A1');
    expect([cell.getVerticalAlignment(), cell.getFontSize(), cell.getWrap()]).toEqual(['bottom', 10, false]);
    cell.setHorizontalAlignment('center').setVerticalAlignment('middle').setFontSize(12).setWrap(true);
    expect([cell.getHorizontalAlignment(), cell.getVerticalAlignment(), cell.getFontSize(), cell.getWrap()]).toEqual([
      'center',
      'middle',
      12,
      true,
    ]);
  });
});
