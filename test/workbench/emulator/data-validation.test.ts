import { describe, expect, it } from 'vitest';
import { session } from './helpers';

describe('data validation', () => {
  it('requireNumberBetween builds a rule; allowInvalid defaults to true and help text to null', () => {
    const { app } = session();
    const rule = app.newDataValidation().requireNumberBetween(1, 5).build();
    expect(String(rule.getCriteriaType())).toBe('NUMBER_BETWEEN');
    expect(rule.getCriteriaType()).toBe(app.DataValidationCriteria.NUMBER_BETWEEN);
    expect(rule.getCriteriaValues()).toEqual([1, 5]);
    expect(rule.getAllowInvalid()).toBe(true);
    expect(rule.getHelpText()).toBeNull();
  });

  it('setAllowInvalid and setHelpText are kept', () => {
    const { app } = session();
    const rule = app
      .newDataValidation()
      .requireNumberBetween(1, 5)
      .setAllowInvalid(false)
      .setHelpText('1 to 5')
      .build();
    expect([rule.getAllowInvalid(), rule.getHelpText()]).toEqual([false, '1 to 5']);
  });

  it('requireValueInList keeps the list and shows a dropdown unless told not to', () => {
    const { app } = session();
    const statuses = ['New', 'Qualified', 'Won'];
    expect(app.newDataValidation().requireValueInList(statuses).build().getCriteriaValues()).toEqual([statuses, true]);
    expect(app.newDataValidation().requireValueInList(statuses, false).build().getCriteriaValues()).toEqual([
      statuses,
      false,
    ]);
  });

  it('requireValueInList refuses more than 500 items, with Google text', () => {
    const { app } = session();
    const many = Array.from({ length: 501 }, (_, i) => `item ${i}`);
    expect(() => app.newDataValidation().requireValueInList(many)).toThrow(
      'The data validation rule has more items than the limit of 500. Use the \u2018List from a range\u2019 criteria instead.',
    );
  });

  it('requireValueInRange keeps the range', () => {
    const { app, spreadsheet } = session();
    const team = spreadsheet.insertSheet('Team');
    const rule = app.newDataValidation().requireValueInRange(team.getRange('A2:A20')).build();
    const [range, dropdown] = rule.getCriteriaValues() as [GoogleAppsScript.Spreadsheet.Range, boolean];
    expect([range.getSheet().getName(), range.getA1Notation(), dropdown]).toEqual(['Team', 'A2:A20', true]);
  });

  it('formula, checkbox, date and text criteria', () => {
    const { app } = session();
    const day = new Date(Date.UTC(2024, 0, 1));
    const cases: [GoogleAppsScript.Spreadsheet.DataValidationBuilder, string, unknown[]][] = [
      [
        app.newDataValidation().requireFormulaSatisfied('=AND(ISNUMBER(H2),H2=INT(H2))'),
        'CUSTOM_FORMULA',
        ['=AND(ISNUMBER(H2),H2=INT(H2))'],
      ],
      [app.newDataValidation().requireCheckbox(), 'CHECKBOX', []],
      [app.newDataValidation().requireCheckbox('yes', 'no'), 'CHECKBOX', ['yes', 'no']],
      [app.newDataValidation().requireDate(), 'DATE_IS_VALID_DATE', []],
      [app.newDataValidation().requireDateOnOrAfter(day), 'DATE_ON_OR_AFTER', [day]],
      [app.newDataValidation().requireTextIsEmail(), 'TEXT_IS_VALID_EMAIL', []],
      [app.newDataValidation().requireNumberGreaterThanOrEqualTo(0), 'NUMBER_GREATER_THAN_OR_EQUAL_TO', [0]],
    ];
    for (const [builder, type, values] of cases) {
      const rule = builder.build();
      expect([String(rule.getCriteriaType()), rule.getCriteriaValues()]).toEqual([type, values]);
    }
  });

  it('setDataValidation applies a rule to every cell; getDataValidations reads them, null where none', () => {
    const { app, sheet } = session();
    const rule = app.newDataValidation().requireNumberBetween(1, 5).setAllowInvalid(false).build();
    sheet.getRange('H2:Q3').setDataValidation(rule);
    expect(sheet.getRange('Q3').getDataValidation()?.getCriteriaValues()).toEqual([1, 5]);
    const grid = sheet.getRange('G2:H2').getDataValidations();
    expect(grid[0][0]).toBeNull();
    expect(String(grid[0][1]?.getCriteriaType())).toBe('NUMBER_BETWEEN');
  });

  it('setDataValidation(null) and clearDataValidations remove rules', () => {
    const { app, sheet } = session();
    sheet.getRange('A1:B1').setDataValidation(app.newDataValidation().requireCheckbox().build());
    sheet.getRange('A1').setDataValidation(null);
    sheet.getRange('B1').clearDataValidations();
    expect(sheet.getRange('A1:B1').getDataValidations()).toEqual([[null, null]]);
  });

  it('setDataValidations takes a grid of rules of the range shape', () => {
    const { app, sheet } = session();
    const rule = app.newDataValidation().requireTextIsUrl().build();
    sheet.getRange('A1:B1').setDataValidations([[rule, null]]);
    expect(sheet.getRange('A1').getDataValidation()).not.toBeNull();
    expect(() => sheet.getRange('A1:B1').setDataValidations([[rule]])).toThrow(
      'The number of columns in the data does not match the number of columns in the range. The data has 1 but the range has 2.',
    );
  });

  it('copy() gives a builder that starts from the rule', () => {
    const { app } = session();
    const rule = app.newDataValidation().requireNumberBetween(1, 5).setHelpText('x').build();
    const copy = rule.copy().setAllowInvalid(false).build();
    expect([String(copy.getCriteriaType()), copy.getHelpText(), copy.getAllowInvalid()]).toEqual([
      'NUMBER_BETWEEN',
      'x',
      false,
    ]);
  });

  it('a script write is never rejected by validation (Sheets only flags the cell)', () => {
    const { app, sheet } = session();
    sheet
      .getRange('A1')
      .setDataValidation(app.newDataValidation().requireNumberBetween(1, 5).setAllowInvalid(false).build());
    sheet.getRange('A1').setValue(7);
    expect(sheet.getRange('A1').getValue()).toBe(7);
  });

  it('insertCheckboxes adds a checkbox rule and sets every cell unchecked', () => {
    const { sheet } = session();
    sheet.getRange('D2:D3').insertCheckboxes();
    expect(sheet.getRange('D2:D3').getValues()).toEqual([[false], [false]]);
    expect(String(sheet.getRange('D2').getDataValidation()?.getCriteriaType())).toBe('CHECKBOX');
  });

  it('inserted rows take the validation of the row they were inserted after', () => {
    const { app, sheet } = session();
    sheet.getRange('H2:Q2').setDataValidation(app.newDataValidation().requireNumberBetween(1, 5).build());
    sheet.insertRowsAfter(2, 1);
    expect(sheet.getRange('H3').getDataValidation()?.getCriteriaValues()).toEqual([1, 5]);
  });
});
