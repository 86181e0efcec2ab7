/** Everything Apps Script must see: the build declares one top-level function per export. */

export { FUNCTION_TABLE as functionTable } from '../functions/function-table';
export { customFunctions } from '../functions/function-wrappers';
export { onInstall, onOpen } from './menu';
export {
  getKpisPanel,
  getLeadsPanel,
  getSegmentsPanel,
  getTeamPanel,
  getWebgraphPanel,
  goToRow,
  insertComparisonChart,
  saveLead,
} from './panel-loaders';
export { setupWorkbook, setupWorkbookWithSampleData } from './setup';
export { showSidebar } from './sidebar';
