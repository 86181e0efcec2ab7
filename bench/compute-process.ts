/**
 * Runs figures 1-2 in a process of their own, holding only the bundle and its data, as an Apps Script call would:
 * the workbench figures load a formula engine and big workbooks whose heap would slow every allocation measured here.
 * Prints the figures as JSON.
 */

import { computeFigures } from './figures/compute';

process.stdout.write(JSON.stringify(computeFigures({ quick: process.argv.includes('--quick') })));
