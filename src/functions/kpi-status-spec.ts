/** KPISTATUS's entry in the custom-function table, and its documentation. */

import { DEFAULT_DIRECTION, KPI_DIRECTIONS, KPI_STATUS, kpiStatus } from '../core/kpi-status';
import type { FunctionDoc, FunctionSpec } from './function-spec';

export const KPISTATUS: FunctionSpec = {
  name: 'KPISTATUS',
  params: [
    { name: 'actual' },
    { name: 'target' },
    { name: 'direction', optional: true, choices: KPI_DIRECTIONS, default: DEFAULT_DIRECTION },
  ],
  run: kpiStatus,
  outputShape: ([actual]) => ({ rows: actual?.rows ?? 1, cols: actual?.cols ?? 1 }),
};

export function kpiStatusDoc(): FunctionDoc {
  return {
    name: 'KPISTATUS',
    summary: `Tells for each KPI whether its actual value is ${KPI_STATUS.onTrack} or ${KPI_STATUS.offTrack} against its target.`,
    params: [
      {
        name: 'actual',
        type: 'number[][]',
        help: 'The measured values, one cell per KPI: a column, a row or any range.',
      },
      {
        name: 'target',
        type: 'number[][]',
        help: 'The targets, in the same shape as actual.',
      },
      {
        name: 'direction',
        type: 'string',
        help: `Which way is better: one value for every KPI, or a range the shape of actual with one per KPI (a blank cell there means ${DEFAULT_DIRECTION}).`,
      },
    ],
    returns: `One cell per KPI, in the shape of actual: ${KPI_STATUS.onTrack} when the actual meets or beats the target (meeting it exactly is ${KPI_STATUS.onTrack}), else ${KPI_STATUS.offTrack}; blank where actual or target is blank; "invalid actual: ...", "invalid target: ..." or "invalid direction: ..." where that cell is not a number, or not ${KPI_DIRECTIONS.join(' or ')}.`,
    example: {
      formula: '=KPISTATUS(KPIs!I2:I5, KPIs!H2:H5, KPIs!G2:G5)',
      args: [
        [[42], [0.18], [12], ['']],
        [[40], [0.2], [10], [5]],
        [['higher'], ['higher'], ['lower'], ['higher']],
      ],
    },
  };
}
