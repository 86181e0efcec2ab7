/** Lean Sales > Help: what each tab and function is for, in a dialog, and the welcome said once on install. */

/** Where the README's How to section is published; the Help dialog links to it. */
const HOW_TO_URL = 'README.md#how-to';

const HELP_TITLE = 'Lean Sales help';

const TABS: readonly [string, string][] = [
  ['Leads', 'one row per lead, rated 1 (best) to 5 on ten factors; Score, Best profile and Rule fill themselves'],
  ['Profiles', 'your ideal customers, the assumption behind each, and whether won and lost leads support it'],
  ['Campaigns', 'what each campaign aims at, its budget, and the leads, wins and losses it brought'],
  ['Segments', 'your market by price and complexity: where sales and marketing both work (the sweet spot)'],
  ['Team', "each rep's hit rate with its margin of error, compared fairly with the team's"],
  ['KPIs and KPI log', 'each measure with why, when, how and for whom, its target, and its values over time'],
  ['Improvements', 'problems, their five whys, the action taken and the result'],
  ['Internal customers', 'who needs which information from sales, and whether they get it'],
  ['Factors and Settings', 'the weight of each factor and the qualification rule the whole team uses'],
  ['Score check', 'does a higher score really win more often, and which weights the outcomes suggest'],
];

const FUNCTIONS: readonly [string, string][] = [
  ['LEADSCORE', 'a 0-100 score per lead; 100 is the perfect prospect'],
  ['PROFILEGAP', 'how well campaigns (or leads) match your ideal profiles, factor by factor'],
  ['SWEETSPOT', 'which segments sales and marketing both work, and which nobody works'],
  ['HITRATE', 'win rates with an honest interval, so luck is not taken for skill'],
  ['KPISTATUS and KPISIGNAL', 'on or off track, and real change versus routine variation'],
  ['QUALIFY', "the team's one qualification rule applied to each lead"],
  ['SCOREBANDS, SCOREAUC, FACTORWEIGHTS', 'checks of the score against the leads you won and lost'],
];

const list = (items: readonly [string, string][]) =>
  `<ul>${items.map(([name, what]) => `<li><b>${name}</b>: ${what}</li>`).join('')}</ul>`;

/** The Help dialog's page: plain HTML, no script. */
function helpHtml(): string {
  return (
    '<style>body{font:14px/1.45 Arial,sans-serif;color:#202124}h2{font-size:15px;margin:14px 0 4px}' +
    'a{color:#1a5fb4}li{margin:2px 0}</style>' +
    '<p>Lean Sales keeps your leads, campaigns, market and KPIs in this spreadsheet. Start with ' +
    '<b>Set up workbook with sample data</b> to explore, or <b>Set up workbook</b> for empty tabs; ' +
    '<b>Open sidebar</b> adds leads and shows scores, matches and hit rates.</p>' +
    `<h2>The tabs</h2>${list(TABS)}<h2>The functions you can type in a cell</h2>${list(FUNCTIONS)}` +
    `<p>Step-by-step recipes: <a href="${HOW_TO_URL}" target="_blank" rel="noopener">How to, in the README</a>.</p>`
  );
}

export function showHelp(): void {
  const page = HtmlService.createHtmlOutput(helpHtml()).setWidth(560).setHeight(560);
  SpreadsheetApp.getUi().showModalDialog(page, HELP_TITLE);
}

/** What a user reads right after installing: what to do next, in the menu's words. */
const WELCOME =
  'Lean Sales is ready. To try it on example leads, choose Extensions > Lean Sales > Set up workbook with sample ' +
  'data. To start with your own, choose Set up workbook. Help in the same menu explains each tab.';

/** Shows the welcome once, where a dialog may be shown (not under AuthMode.NONE). */
export function welcome(): void {
  SpreadsheetApp.getActiveSpreadsheet().toast(WELCOME, 'Lean Sales', 15);
}
