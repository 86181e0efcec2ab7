/** Everything Apps Script must see: the build declares one top-level function per export. */

export { customFunctions } from '../functions/runtime';
export { FUNCTION_TABLE as functionTable } from '../functions/table';
export {
  getKpisPanel,
  getLeadsPanel,
  getSegmentsPanel,
  getTeamPanel,
  getWebgraphPanel,
  goToRow,
  insertComparisonChart,
  saveLead,
} from './api';
export { onInstall, onOpen } from './menu';
export { setupWorkbook, setupWorkbookWithSampleData } from './setup';
export { showSidebar } from './sidebar';
