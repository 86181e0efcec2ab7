/** Everything Apps Script must see: the build declares one top-level function per export. */

export { customFunctions } from '../functions/runtime';
export { FUNCTION_TABLE as functionTable } from '../functions/table';
export { onInstall, onOpen } from './menu';
export { showSidebar } from './sidebar';
