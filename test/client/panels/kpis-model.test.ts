import { describe, expect, it } from 'vitest';
import { kpisPanelOf } from '../../../src/client/panels/kpis-model';
import { KPIS, KPIS_DATA } from '../fixtures';

describe('kpisPanelOf', () => {
  it('lints the KPIs missing Why, When, How, Who or a target, and the Internal customers rows', () => {
    expect(kpisPanelOf(KPIS_DATA)).toEqual(KPIS);
  });

  it('counts a target as missing only when blank', () => {
    const kpi = { ...KPIS.kpis[0], target: 0 };
    expect(kpisPanelOf({ kpis: [kpi], internalCustomers: [] }).lint).toEqual([]);
    const blank = { ...KPIS.kpis[0], target: ' ' };
    expect(kpisPanelOf({ kpis: [blank], internalCustomers: [] }).lint).toEqual([
      { row: 2, kpi: 'Hit rate', missing: ['Target'] },
    ]);
  });
});
