/** The embedded charts of a sheet as the page draws them: type, title, where they are anchored, and their data. */

import type { SheetModel } from '../emulator/sheet-model';

export interface ChartSeries {
  readonly name: string;
  /** One per category; null where the cell is not a number. */
  readonly values: readonly (number | null)[];
}

export interface ChartView {
  readonly id: number;
  /** Charts.ChartType's name: `RADAR`, `LINE`, ... */
  readonly type: string;
  readonly title: string;
  readonly anchorRow: number;
  readonly anchorColumn: number;
  readonly offsetX: number;
  readonly offsetY: number;
  /** The A1 address of the data, as the chart's caption names it. */
  readonly range: string;
  readonly categories: readonly string[];
  readonly series: readonly ChartSeries[];
}

function letters(column: number): string {
  let name = '';
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26)) name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  return name;
}

const label = (value: unknown) => (value === '' || value === null || value === undefined ? '' : String(value));

/**
 * Each chart's first range read as Sheets reads a chart's data: the header row(s) name the series, the first column
 * holds the categories, each further column is a series (rows and columns swapped when the chart says so).
 */
export function chartViews(sheet: SheetModel): ChartView[] {
  return sheet.charts.map((chart) => {
    const area = chart.ranges[0];
    const grid: unknown[][] = [];
    if (area) {
      for (let r = 0; r < area.numRows; r++) {
        const line: unknown[] = [];
        for (let c = 0; c < area.numColumns; c++)
          line.push(area.sheet.values.get(area.row - 1 + r, area.column - 1 + c));
        grid.push(line);
      }
    }
    const table = chart.transposeRowsAndColumns ? (grid[0] ?? []).map((_, c) => grid.map((line) => line[c])) : grid;
    const headers = Math.max(0, Math.min(chart.numHeaders, table.length));
    const body = table.slice(headers);
    const width = table[0]?.length ?? 0;
    const series: ChartSeries[] = [];
    for (let c = 1; c < width; c++) {
      series.push({
        name: headers > 0 ? label(table[headers - 1][c]) : `Series ${c}`,
        values: body.map((line) =>
          typeof line[c] === 'number' && Number.isFinite(line[c]) ? (line[c] as number) : null,
        ),
      });
    }
    const range = area
      ? `${letters(area.column)}${area.row}:${letters(area.column + area.numColumns - 1)}${area.row + area.numRows - 1}`
      : '';
    return {
      id: chart.id,
      type: chart.type,
      title: label(chart.options.title),
      anchorRow: chart.anchorRow,
      anchorColumn: chart.anchorColumn,
      offsetX: chart.offsetX,
      offsetY: chart.offsetY,
      range,
      categories: body.map((line) => label(line[0])),
      series,
    };
  });
}
