/**
 * Runs figures 1-2 and the score check's (SCOREAUC, FACTORWEIGHTS, the Check panel's cross-validation) in a process
 * of their own, holding only the bundle and its data, as an Apps Script call would:
 * the workbench figures load a formula engine and big workbooks whose heap would slow every allocation measured here.
 * Prints the figures as JSON.
 */

import { computeFigures } from './figures/compute';
import { scoreCheckFigures } from './figures/score-check';

const options = { quick: process.argv.includes('--quick') };
process.stdout.write(JSON.stringify([...computeFigures(options), ...scoreCheckFigures(options)]));
