/** RangeList: ranges of one sheet that one call formats, fills or clears together (Sheet.getRangeList). */

import type { Box } from './a1-notation';
import { type Runtime, ServiceObject } from './execution-runtime';
import type { SheetModel } from './sheet-model';

type GasRangeList = GoogleAppsScript.Spreadsheet.RangeList;
type GasRange = GoogleAppsScript.Spreadsheet.Range;

type SupportedRangeListMethods =
  | 'activate'
  | 'clear'
  | 'clearContent'
  | 'clearDataValidations'
  | 'clearFormat'
  | 'clearNote'
  | 'getRanges'
  | 'insertCheckboxes'
  | 'setBackground'
  | 'setFontColor'
  | 'setFontSize'
  | 'setFontStyle'
  | 'setFontWeight'
  | 'setFormula'
  | 'setHorizontalAlignment'
  | 'setNote'
  | 'setNumberFormat'
  | 'setValue'
  | 'setVerticalAlignment'
  | 'setWrap';

export class EmulatedRangeList
  extends ServiceObject<GasRangeList>
  implements Pick<GasRangeList, SupportedRangeListMethods>
{
  constructor(
    rt: Runtime,
    readonly sheet: SheetModel,
    readonly boxes: readonly Box[],
  ) {
    super(rt);
  }

  getRanges(): GasRange[] {
    return this.boxes.map((box) => this.rt.objects.range(this.sheet, box));
  }

  /** Sheets selects every range; the model keeps one selection, the last range (the current one in Sheets). */
  activate(): GasRangeList {
    return this.#each((range) => range.activate());
  }

  clear(options?: Parameters<GasRange['clear']>[0]): GasRangeList {
    return this.#each((range) => (options === undefined ? range.clear() : range.clear(options)));
  }

  clearContent(): GasRangeList {
    return this.#each((range) => range.clearContent());
  }

  clearDataValidations(): GasRangeList {
    return this.#each((range) => range.clearDataValidations());
  }

  clearFormat(): GasRangeList {
    return this.#each((range) => range.clearFormat());
  }

  clearNote(): GasRangeList {
    return this.#each((range) => range.clearNote());
  }

  insertCheckboxes(...args: [checkedValue?: unknown, uncheckedValue?: unknown]): GasRangeList {
    return this.#each((range) => (range.insertCheckboxes as (...a: unknown[]) => GasRange)(...args));
  }

  setBackground(color: string | null): GasRangeList {
    return this.#each((range) => range.setBackground(color));
  }

  setFontColor(color: string | null): GasRangeList {
    return this.#each((range) => range.setFontColor(color));
  }

  setFontSize(size: number): GasRangeList {
    return this.#each((range) => range.setFontSize(size));
  }

  setFontStyle(fontStyle: GoogleAppsScript.Spreadsheet.FontStyle | null): GasRangeList {
    return this.#each((range) => range.setFontStyle(fontStyle));
  }

  setFontWeight(fontWeight: GoogleAppsScript.Spreadsheet.FontWeight | null): GasRangeList {
    return this.#each((range) => range.setFontWeight(fontWeight));
  }

  setFormula(formula: string): GasRangeList {
    return this.#each((range) => range.setFormula(formula));
  }

  setHorizontalAlignment(alignment: 'left' | 'center' | 'normal' | 'right' | null): GasRangeList {
    return this.#each((range) => range.setHorizontalAlignment(alignment));
  }

  setNote(note: string | null): GasRangeList {
    return this.#each((range) => range.setNote(note));
  }

  setNumberFormat(numberFormat: string): GasRangeList {
    return this.#each((range) => range.setNumberFormat(numberFormat));
  }

  setValue(value: unknown): GasRangeList {
    return this.#each((range) => range.setValue(value));
  }

  setVerticalAlignment(alignment: 'top' | 'middle' | 'bottom' | null): GasRangeList {
    return this.#each((range) => range.setVerticalAlignment(alignment));
  }

  setWrap(isWrapEnabled: boolean): GasRangeList {
    return this.#each((range) => range.setWrap(isWrapEnabled));
  }

  /** Applies one Range operation to every range, on the script's behalf (the RangeList call is the one counted). */
  #each(apply: (range: GasRange) => unknown): GasRangeList {
    for (const box of this.boxes) apply(this.rt.uncounted(this.rt.objects.range(this.sheet, box)));
    return this.self;
  }
}
