import { describe, expect, it } from 'vitest';
import { session } from './helpers';

describe('conditional format rules', () => {
  it('a number rule with its format and ranges', () => {
    const { app, sheet } = session();
    const rule = app
      .newConditionalFormatRule()
      .whenNumberGreaterThanOrEqualTo(75)
      .setBackground('#b7e1cd')
      .setFontColor('#0b8043')
      .setBold(true)
      .setRanges([sheet.getRange('R2:R500')])
      .build();
    const condition = rule.getBooleanCondition();
    expect(String(condition?.getCriteriaType())).toBe('NUMBER_GREATER_THAN_OR_EQUAL_TO');
    expect(condition?.getCriteriaValues()).toEqual([75]);
    expect([
      condition?.getBackground(),
      condition?.getFontColor(),
      condition?.getBold(),
      condition?.getItalic(),
    ]).toEqual(['#b7e1cd', '#0b8043', true, null]);
    expect(rule.getRanges().map((r) => r.getA1Notation())).toEqual(['R2:R500']);
    expect(rule.getGradientCondition()).toBeNull();
  });

  it('formula, text and empty-cell criteria', () => {
    const { app } = session();
    const cases: [GoogleAppsScript.Spreadsheet.ConditionalFormatRuleBuilder, string, unknown[]][] = [
      [
        app.newConditionalFormatRule().whenFormulaSatisfied('=AND(H2<>"",OR(H2<1,H2>5))'),
        'CUSTOM_FORMULA',
        ['=AND(H2<>"",OR(H2<1,H2>5))'],
      ],
      [app.newConditionalFormatRule().whenTextStartsWith('invalid'), 'TEXT_STARTS_WITH', ['invalid']],
      [app.newConditionalFormatRule().whenTextEqualTo('Won'), 'TEXT_EQUAL_TO', ['Won']],
      [app.newConditionalFormatRule().whenTextContains('incomplete'), 'TEXT_CONTAINS', ['incomplete']],
      [app.newConditionalFormatRule().whenCellNotEmpty(), 'CELL_NOT_EMPTY', []],
      [app.newConditionalFormatRule().whenNumberBetween(40, 74.99), 'NUMBER_BETWEEN', [40, 74.99]],
      [app.newConditionalFormatRule().whenNumberLessThan(40), 'NUMBER_LESS_THAN', [40]],
    ];
    for (const [builder, type, values] of cases) {
      const condition = builder.setBackground('#fff').build().getBooleanCondition();
      expect([String(condition?.getCriteriaType()), condition?.getCriteriaValues()]).toEqual([type, values]);
    }
  });

  it('the format may be set before or after the condition', () => {
    const { app } = session();
    const condition = app
      .newConditionalFormatRule()
      .setBackground('#f4c7c3')
      .whenCellEmpty()
      .build()
      .getBooleanCondition();
    expect([String(condition?.getCriteriaType()), condition?.getBackground()]).toEqual(['CELL_EMPTY', '#f4c7c3']);
  });

  it('setConditionalFormatRules replaces the sheet rules; getConditionalFormatRules reads them in order', () => {
    const { app, sheet } = session();
    const low = app
      .newConditionalFormatRule()
      .whenNumberLessThan(40)
      .setBackground('#f4c7c3')
      .setRanges([sheet.getRange('R2:R')])
      .build();
    const high = app
      .newConditionalFormatRule()
      .whenNumberGreaterThan(74)
      .setBackground('#b7e1cd')
      .setRanges([sheet.getRange('R2:R')])
      .build();
    sheet.setConditionalFormatRules([low, high]);
    const rules = sheet.getConditionalFormatRules();
    expect(rules.map((r) => r.getBooleanCondition()?.getBackground())).toEqual(['#f4c7c3', '#b7e1cd']);
    sheet.setConditionalFormatRules([...rules.slice(1)]);
    expect(sheet.getConditionalFormatRules()).toHaveLength(1);
    sheet.clearConditionalFormatRules();
    expect(sheet.getConditionalFormatRules()).toEqual([]);
  });

  it('copy() starts a builder from a rule', () => {
    const { app, sheet } = session();
    const rule = app
      .newConditionalFormatRule()
      .whenTextEqualTo('Lost')
      .setFontColor('#999999')
      .setRanges([sheet.getRange('A1')])
      .build();
    const copy = rule.copy().setBold(true).build();
    const condition = copy.getBooleanCondition();
    expect([String(condition?.getCriteriaType()), condition?.getFontColor(), condition?.getBold()]).toEqual([
      'TEXT_EQUAL_TO',
      '#999999',
      true,
    ]);
    expect(copy.getRanges().map((r) => r.getA1Notation())).toEqual(['A1']);
  });

  it('rule ranges move when rows are inserted above them', () => {
    const { app, sheet } = session();
    sheet.setConditionalFormatRules([
      app
        .newConditionalFormatRule()
        .whenCellEmpty()
        .setRanges([sheet.getRange('B5:C6')])
        .build(),
    ]);
    sheet.insertRowsBefore(1, 2);
    expect(sheet.getConditionalFormatRules()[0].getRanges()[0].getA1Notation()).toBe('B7:C8');
  });
});
