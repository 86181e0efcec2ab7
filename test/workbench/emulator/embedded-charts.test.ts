import { describe, expect, it } from 'vitest';
import { services, session } from './helpers';

type Charts = GoogleAppsScript.Charts.Charts;

describe('embedded charts', () => {
  it('newChart builds a chart with type, ranges, position and options; insertChart adds it to the sheet', () => {
    const { sheet, execution, workbook } = session();
    const charts = services<Charts>(execution, 'Charts');
    const chart = sheet
      .newChart()
      .setChartType(charts.ChartType.RADAR)
      .addRange(sheet.getRange('A1:C11'))
      .setPosition(2, 5, 10, 20)
      .setOption('title', 'Profile vs campaign')
      .build();
    sheet.insertChart(chart);
    const [inserted] = sheet.getCharts();
    expect(inserted.getRanges().map((r) => r.getA1Notation())).toEqual(['A1:C11']);
    expect(inserted.getOptions().get('title')).toBe('Profile vs campaign');
    const container = inserted.getContainerInfo();
    expect([
      container.getAnchorRow(),
      container.getAnchorColumn(),
      container.getOffsetX(),
      container.getOffsetY(),
    ]).toEqual([2, 5, 10, 20]);
    expect(workbook.sheet('Sheet1').charts[0]).toMatchObject({ type: 'RADAR', anchorRow: 2, anchorColumn: 5 });
  });

  it('a chart has an id once inserted', () => {
    const { sheet, execution } = session();
    const chart = sheet
      .newChart()
      .setChartType(services<Charts>(execution, 'Charts').ChartType.BAR)
      .addRange(sheet.getRange('A1:B2'))
      .build();
    expect(chart.getChartId()).toBeNull();
    sheet.insertChart(chart);
    expect(sheet.getCharts()[0].getChartId()).toEqual(expect.any(Number));
  });

  it('modify and updateChart change a chart in place; removeChart removes it', () => {
    const { sheet, execution } = session();
    const charts = services<Charts>(execution, 'Charts');
    sheet.insertChart(sheet.newChart().setChartType(charts.ChartType.RADAR).addRange(sheet.getRange('A1:B2')).build());
    const [chart] = sheet.getCharts();
    sheet.updateChart(chart.modify().setOption('title', 'Updated').build());
    expect(sheet.getCharts()).toHaveLength(1);
    expect(sheet.getCharts()[0].getOptions().get('title')).toBe('Updated');
    sheet.removeChart(sheet.getCharts()[0]);
    expect(sheet.getCharts()).toEqual([]);
  });

  it('the builder reports its type and ranges; an unknown option reads null', () => {
    const { sheet, execution } = session();
    const charts = services<Charts>(execution, 'Charts');
    const builder = sheet.newChart().setChartType(charts.ChartType.LINE).addRange(sheet.getRange('A1:A3'));
    expect(builder.getChartType()).toBe(charts.ChartType.LINE);
    expect(builder.getRanges().map((r) => r.getA1Notation())).toEqual(['A1:A3']);
    expect(builder.build().getOptions().get('nothing')).toBeNull();
  });

  it('setChartType takes only a Charts.ChartType', () => {
    const { sheet } = session();
    const setChartType = sheet.newChart().setChartType as unknown as (type: unknown) => unknown;
    expect(() => setChartType('SPIDER')).toThrow(
      "The parameters (String) don't match the method signature for EmbeddedChartBuilder.setChartType.",
    );
  });
});
