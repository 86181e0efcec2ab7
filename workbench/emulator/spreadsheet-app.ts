/** SpreadsheetApp: the bound spreadsheet, the Ui, builders and enums. The add-on's scope is the current document only. */

import { BooleanCriteria, DataValidationCriteria, ProtectionType } from './apps-script-enums';
import { gasError, MESSAGES } from './apps-script-errors';
import { ServiceObject } from './execution-runtime';
import { EmulatedUi } from './ui';

type GasSpreadsheetApp = GoogleAppsScript.Spreadsheet.SpreadsheetApp;
type GasSpreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type GasRange = GoogleAppsScript.Spreadsheet.Range;

type SupportedAppMethods =
  | 'create'
  | 'flush'
  | 'getActive'
  | 'getActiveRange'
  | 'getActiveSheet'
  | 'getActiveSpreadsheet'
  | 'getUi'
  | 'newConditionalFormatRule'
  | 'newDataValidation'
  | 'openById'
  | 'openByUrl'
  | 'setActiveRange'
  | 'setActiveSheet';

/** The manifest grants spreadsheets.currentonly: opening any other document needs the wider scope. */
const OTHER_DOCUMENTS_SCOPE = 'https://www.googleapis.com/auth/spreadsheets';

export class EmulatedSpreadsheetApp
  extends ServiceObject<GasSpreadsheetApp>
  implements Pick<GasSpreadsheetApp, SupportedAppMethods>
{
  readonly BooleanCriteria = BooleanCriteria;
  readonly DataValidationCriteria = DataValidationCriteria;
  readonly ProtectionType = ProtectionType;

  getActiveSpreadsheet(): GasSpreadsheet {
    return this.rt.objects.spreadsheet();
  }

  getActive(): GasSpreadsheet {
    return this.rt.objects.spreadsheet();
  }

  getActiveSheet(): GoogleAppsScript.Spreadsheet.Sheet {
    return this.#spreadsheet().getActiveSheet();
  }

  getActiveRange(): GasRange {
    const workbook = this.rt.workbook;
    const area = workbook.activeRange;
    return area
      ? this.rt.objects.range(area.sheet, area)
      : this.rt.objects.range(workbook.activeSheet, { row: 1, column: 1, numRows: 1, numColumns: 1 });
  }

  setActiveSheet(
    sheet: GoogleAppsScript.Spreadsheet.Sheet,
    restoreSelection?: boolean,
  ): GoogleAppsScript.Spreadsheet.Sheet {
    return this.#spreadsheet().setActiveSheet(sheet, restoreSelection ?? false);
  }

  setActiveRange(range: GasRange): GasRange {
    return this.#spreadsheet().setActiveRange(range);
  }

  /** Writes are applied at once in the emulator; flush has nothing left to do. */
  flush(): void {}

  getUi(): GoogleAppsScript.Base.Ui {
    return this.rt.wrap(new EmulatedUi(this.rt), 'Ui');
  }

  newDataValidation(): GoogleAppsScript.Spreadsheet.DataValidationBuilder {
    return this.rt.objects.dataValidationBuilder();
  }

  newConditionalFormatRule(): GoogleAppsScript.Spreadsheet.ConditionalFormatRuleBuilder {
    return this.rt.objects.conditionalRuleBuilder();
  }

  openById(_id: string): GasSpreadsheet {
    throw gasError(MESSAGES.noPermission('SpreadsheetApp.openById', OTHER_DOCUMENTS_SCOPE));
  }

  openByUrl(_url: string): GasSpreadsheet {
    throw gasError(MESSAGES.noPermission('SpreadsheetApp.openByUrl', OTHER_DOCUMENTS_SCOPE));
  }

  create(_name: string): GasSpreadsheet {
    throw gasError(MESSAGES.noPermission('SpreadsheetApp.create', OTHER_DOCUMENTS_SCOPE));
  }

  /** The spreadsheet for calls made on the script's behalf inside another call, which are not counted again. */
  #spreadsheet(): GasSpreadsheet {
    return this.rt.uncounted(this.rt.objects.spreadsheet());
  }
}
