/**
 * The Apps Script entry. The build declares one top-level function per function exported here, so each becomes a
 * global: Apps Script runs it from the menu or a trigger, and any sidebar or dialog page the add-on shows can call it
 * through google.script.run with whatever arguments it likes. Export only what may be called that way, straight from
 * its implementation. `customFunctions` and `functionTable` are what the custom-function stubs call into.
 */

export { FUNCTION_TABLE as functionTable } from '../functions/function-table';
export { customFunctions } from '../functions/function-wrappers';
export { applySuggestedWeights, getCheckPanel } from './check-panel';
export { findLeads, getLead, getSelectedLead, saveLeadChanges } from './edit-lead';
export { showHelp } from './help';
export { getImprovePanel, raiseProblem, saveImprovement } from './improvements';
export { onInstall, onOpen } from './menu';
export { onEdit } from './on-edit';
export { getKpisPanel, getLeadsPanel, getSegmentsPanel, getTeamPanel, getWebgraphPanel } from './panel-loaders';
export { saveLead } from './save-lead';
export {
  insertComparisonChart,
  insertMatrixFormula,
  setupWorkbook,
  setupWorkbookWithSampleData,
} from './setup-loader';
export { goToCell, goToRow, showSidebar } from './sidebar';
