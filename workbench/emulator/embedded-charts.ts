/** Embedded charts: Sheet.newChart() builders, built charts (type, ranges, position, options), and the Charts enums. */

import {
  asEnum,
  ChartHiddenDimensionStrategy,
  ChartMergeStrategy,
  ChartType,
  enumName,
  Position,
} from './apps-script-enums';
import { signatureError } from './apps-script-errors';
import { MODEL, type Runtime, ServiceObject } from './execution-runtime';

import type { Area, ChartModel, SheetModel } from './sheet-model';

type GasBuilder = GoogleAppsScript.Spreadsheet.EmbeddedChartBuilder;
type GasChart = GoogleAppsScript.Spreadsheet.EmbeddedChart;
type GasChartType = GoogleAppsScript.Charts.ChartType;
type GasRange = GoogleAppsScript.Spreadsheet.Range;

/** The parts of a chart a builder edits; `id` is null until the chart is inserted into a sheet. */
export type ChartDraft = Omit<ChartModel, 'id' | 'type'> & { id: number | null; type: string | null };

/** A builder for a new chart on `sheet`, or for a changed copy of `from` (EmbeddedChart.modify). */
export function newChartBuilder(rt: Runtime, sheet: SheetModel, from?: ChartModel): GasBuilder {
  const builder = new EmulatedChartBuilder(rt, sheet);
  if (from)
    Object.assign(builder.draft, {
      ...from,
      ranges: from.ranges.map((area) => area.clone()),
      options: { ...from.options },
    });
  return rt.wrap(builder, 'EmbeddedChartBuilder');
}

class EmulatedChartOptions
  extends ServiceObject<GoogleAppsScript.Charts.ChartOptions>
  implements GoogleAppsScript.Charts.ChartOptions
{
  constructor(
    rt: Runtime,
    readonly options: Readonly<Record<string, unknown>>,
  ) {
    super(rt);
  }

  get(option: string): unknown {
    return Object.hasOwn(this.options, option) ? this.options[option] : null;
  }
}

class EmulatedContainerInfo
  extends ServiceObject<GoogleAppsScript.Spreadsheet.ContainerInfo>
  implements GoogleAppsScript.Spreadsheet.ContainerInfo
{
  constructor(
    rt: Runtime,
    readonly position: Pick<ChartModel, 'anchorRow' | 'anchorColumn' | 'offsetX' | 'offsetY'>,
  ) {
    super(rt);
  }

  getAnchorRow(): number {
    return this.position.anchorRow;
  }

  getAnchorColumn(): number {
    return this.position.anchorColumn;
  }

  getOffsetX(): number {
    return this.position.offsetX;
  }

  getOffsetY(): number {
    return this.position.offsetY;
  }
}

export class EmulatedChart
  extends ServiceObject<GasChart>
  implements
    Pick<
      GasChart,
      | 'getChartId'
      | 'getContainerInfo'
      | 'getNumHeaders'
      | 'getOptions'
      | 'getRanges'
      | 'getTransposeRowsAndColumns'
      | 'modify'
    >
{
  constructor(
    rt: Runtime,
    readonly model: ChartModel,
  ) {
    super(rt);
  }

  get [MODEL](): ChartModel {
    return this.model;
  }

  /** null until the chart is inserted into a sheet. */
  getChartId(): number | null {
    const inserted = this.rt.workbook.sheets.some((sheet) => sheet.charts.some((chart) => chart.id === this.model.id));
    return inserted ? this.model.id : null;
  }

  getContainerInfo(): GoogleAppsScript.Spreadsheet.ContainerInfo {
    return this.rt.wrap(new EmulatedContainerInfo(this.rt, this.model), 'ContainerInfo');
  }

  getNumHeaders(): number {
    return this.model.numHeaders;
  }

  getOptions(): GoogleAppsScript.Charts.ChartOptions {
    return this.rt.wrap(new EmulatedChartOptions(this.rt, this.model.options), 'ChartOptions');
  }

  getRanges(): GasRange[] {
    return this.model.ranges.map((area) => this.rt.objects.range(area.sheet, area));
  }

  getTransposeRowsAndColumns(): boolean {
    return this.model.transposeRowsAndColumns;
  }

  modify(): GasBuilder {
    const sheet = this.model.ranges[0]?.sheet ?? this.rt.workbook.activeSheet;
    return this.rt.objects.chartBuilder(sheet, this.model);
  }
}

type SupportedBuilderMethods =
  | 'addRange'
  | 'build'
  | 'clearRanges'
  | 'getChartType'
  | 'getContainer'
  | 'getRanges'
  | 'removeRange'
  | 'setChartType'
  | 'setHiddenDimensionStrategy'
  | 'setMergeStrategy'
  | 'setNumHeaders'
  | 'setOption'
  | 'setPosition'
  | 'setTransposeRowsAndColumns';

class EmulatedChartBuilder extends ServiceObject<GasBuilder> implements Pick<GasBuilder, SupportedBuilderMethods> {
  readonly draft: ChartDraft = {
    id: null,
    type: null,
    ranges: [],
    anchorRow: 1,
    anchorColumn: 1,
    offsetX: 0,
    offsetY: 0,
    options: {},
    numHeaders: -1,
    transposeRowsAndColumns: false,
  };

  constructor(
    rt: Runtime,
    readonly sheet: SheetModel,
  ) {
    super(rt);
  }

  addRange(range: GasRange): GasBuilder {
    this.draft.ranges.push(this.rt.expect(range, 'Range', 'EmbeddedChartBuilder.addRange', [range]));
    return this.self;
  }

  removeRange(range: GasRange): GasBuilder {
    const removed = this.rt.expect(range, 'Range', 'EmbeddedChartBuilder.removeRange', [range]);
    const same = (area: Area) =>
      area.sheet === removed.sheet &&
      area.row === removed.row &&
      area.column === removed.column &&
      area.numRows === removed.numRows &&
      area.numColumns === removed.numColumns;
    this.draft.ranges = this.draft.ranges.filter((area) => !same(area));
    return this.self;
  }

  clearRanges(): GasBuilder {
    this.draft.ranges = [];
    return this.self;
  }

  getRanges(): GasRange[] {
    return this.draft.ranges.map((area) => this.rt.objects.range(area.sheet, area));
  }

  setChartType(type: GasChartType): GasBuilder {
    const name = enumName(ChartType, type);
    if (!name) throw signatureError('EmbeddedChartBuilder.setChartType', [type]);
    this.draft.type = name;
    return this.self;
  }

  getChartType(): GasChartType {
    return asEnum<GasChartType>(this.draft.type ?? '');
  }

  setPosition(anchorRowPos: number, anchorColPos: number, offsetX: number, offsetY: number): GasBuilder {
    const numbers = [anchorRowPos, anchorColPos, offsetX, offsetY];
    if (!numbers.every((n) => typeof n === 'number')) throw signatureError('EmbeddedChartBuilder.setPosition', numbers);
    Object.assign(this.draft, { anchorRow: anchorRowPos, anchorColumn: anchorColPos, offsetX, offsetY });
    return this.self;
  }

  getContainer(): GoogleAppsScript.Spreadsheet.ContainerInfo {
    return this.rt.wrap(new EmulatedContainerInfo(this.rt, this.draft), 'ContainerInfo');
  }

  setOption(option: string, value: unknown): GasBuilder {
    this.draft.options[String(option)] = value;
    return this.self;
  }

  setNumHeaders(headers: number): GasBuilder {
    this.draft.numHeaders = headers;
    return this.self;
  }

  setTransposeRowsAndColumns(transpose: boolean): GasBuilder {
    this.draft.transposeRowsAndColumns = Boolean(transpose);
    return this.self;
  }

  setHiddenDimensionStrategy(strategy: GoogleAppsScript.Charts.ChartHiddenDimensionStrategy): GasBuilder {
    this.draft.options.hiddenDimensionStrategy = enumName(ChartHiddenDimensionStrategy, strategy);
    return this.self;
  }

  setMergeStrategy(mergeStrategy: GoogleAppsScript.Charts.ChartMergeStrategy): GasBuilder {
    this.draft.options.mergeStrategy = enumName(ChartMergeStrategy, mergeStrategy);
    return this.self;
  }

  /** A chart gets its id when built for the first time; modify() keeps it, so updateChart finds the chart it replaces. */
  build(): GasChart {
    if (this.draft.type === null) throw new Error('emulator: call setChartType before EmbeddedChartBuilder.build()');
    const id = this.draft.id ?? this.rt.workbook.newChartId();
    const model: ChartModel = {
      ...this.draft,
      id,
      type: this.draft.type,
      ranges: this.draft.ranges.map((a) => a.clone()),
      options: { ...this.draft.options },
    };
    return this.rt.wrap(new EmulatedChart(this.rt, model), 'EmbeddedChart');
  }
}

/** The Charts service: its enums (the standalone chart builders are not modelled). */
export class EmulatedCharts extends ServiceObject<GoogleAppsScript.Charts.Charts> {
  readonly ChartType = ChartType;
  readonly ChartHiddenDimensionStrategy = ChartHiddenDimensionStrategy;
  readonly ChartMergeStrategy = ChartMergeStrategy;
  readonly Position = Position;
}
