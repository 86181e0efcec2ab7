/** KPISIGNAL's entry in the custom-function table, and its documentation. */

import { kpiSignal, LIMIT_FACTOR, MINIMUM_VALUES, RESULT_COLUMNS, SIGNALS } from '../core/kpi-signal';
import type { FunctionDoc, FunctionSpec } from './function-spec';

export const KPISIGNAL: FunctionSpec = {
  name: 'KPISIGNAL',
  params: [{ name: 'kpis' }, { name: 'log_kpis' }, { name: 'log_values' }, { name: 'log_dates', optional: true }],
  run: kpiSignal,
  outputShape: ([kpis]) => ({ rows: kpis?.rows ?? 1, cols: RESULT_COLUMNS }),
};

export function kpiSignalDoc(): FunctionDoc {
  return {
    name: 'KPISIGNAL',
    summary: "Real change or routine variation? Each KPI's XmR chart from the KPI log: centre, limits and signal.",
    params: [
      { name: 'kpis', type: 'string[][]', help: 'KPI names, a single column; matched trimmed and in any case.' },
      { name: 'log_kpis', type: 'string[][]', help: "The log's KPI names, a single column." },
      { name: 'log_values', type: 'number[][]', help: "The log's values, a column as long; non-numbers skipped." },
      {
        name: 'log_dates',
        type: 'Date[][]',
        help: "The log's dates, a column as long: values taken in date order. Omitted, in row order.",
      },
    ],
    returns: `Per KPI: centre (mean), lower and upper (centre -+ ${LIMIT_FACTOR} average moving ranges), and "${SIGNALS.above}", "${SIGNALS.below}", "${SIGNALS.runAbove}", "... below the centre" or "${SIGNALS.routine}". Under ${MINIMUM_VALUES} values: "needs ${MINIMUM_VALUES} values (has n)".`,
    example: {
      formula: "=KPISIGNAL(KPIs!A2:A3, 'KPI log'!B2:B8, 'KPI log'!C2:C8)",
      args: [
        [['Calls'], ['Win rate']],
        [['Calls'], ['Calls'], ['Win rate'], ['Calls'], ['Calls'], [' calls '], ['Calls']],
        [[42], [38], [0.3], [45], [40], [44], [75]],
      ],
    },
  };
}
