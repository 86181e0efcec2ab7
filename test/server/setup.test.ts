import { describe, expect, it } from 'vitest';
import { createWorkbook, type ValidationRule } from '../../workbench/emulator/apps-script-emulator';
import { Area, ProtectionModel } from '../../workbench/emulator/sheet-model';
import { compute, computedRecords } from './engine';
import { columnOf, FACTORS10, fillSheet, headerRow, run, setUpWorkbook, type Workbook } from './harness';

const HIT_RATE = ['Hit rate', 'Low', 'High', 'Vs team'];
const TABS: Record<string, string[]> = {
  Leads: [
    'Lead',
    'Company',
    'Contact',
    'Owner',
    'Segment',
    'Campaign',
    'Created',
    ...FACTORS10,
    'Score',
    'Best profile',
    'Status',
    'Closed',
    'Notes',
    'Rule',
    'Rated',
  ],
  Profiles: ['Profile', 'Description', ...FACTORS10, 'Assumption', 'Won', 'Lost', ...HIT_RATE],
  Campaigns: [
    'Campaign',
    'Goal',
    'Segment',
    'Start',
    'End',
    'Budget',
    ...FACTORS10,
    'Leads',
    'Won',
    'Lost',
    ...HIT_RATE,
    'Budget per won deal',
  ],
  Segments: ['Segment', 'Price', 'Complexity', 'In market', 'Sales', 'Marketing', 'Verdict'],
  Team: ['Rep', 'Won', 'Lost', ...HIT_RATE],
  KPIs: [
    'KPI',
    'Level',
    'Why',
    'When',
    'How',
    'Who',
    'Direction',
    'Target',
    'Actual',
    'Status',
    'Centre',
    'Lower',
    'Upper',
    'Signal',
  ],
  'KPI log': ['Date', 'KPI', 'Value', 'By'],
  Improvements: [
    'ID',
    'Raised',
    'Raised by',
    'Problem',
    'Why 1',
    'Why 2',
    'Why 3',
    'Why 4',
    'Why 5',
    'Root cause',
    'Action',
    'Owner',
    'Due',
    'Feedback KPI',
    'Stage',
    'Result',
  ],
  'Internal customers': ['Information', 'Receiver', 'Via', 'Frequency', 'Used for', 'Provided'],
  Factors: ['Factor', 'Weight', '1 means', '5 means', 'At most'],
  Settings: ['Setting', 'Value', 'Meaning'],
};

/** Every formula cell of a sheet as `A1: formula`. */
function formulaCells(workbook: Workbook, sheet: string): Record<string, string> {
  const cells: Record<string, string> = {};
  workbook.formulas(sheet).forEach((row, r) => {
    row.forEach((f, c) => {
      if (f) cells[`${String.fromCharCode(65 + c)}${r + 1}`] = f;
    });
  });
  return cells;
}

const a1 = (area: Area) =>
  `${area.sheet.name}!${String.fromCharCode(64 + area.column)}${area.row}:${String.fromCharCode(64 + area.column + area.numColumns - 1)}${area.row + area.numRows - 1}`;

/** The rule on a cell as `criteria args`, areas in A1. */
function rule(workbook: Workbook, sheet: string, header: string, row = 2): string {
  const model = workbook.sheet(sheet);
  const found = model.validations.get(row - 1, columnOf(workbook, sheet, header) - 1) as ValidationRule | null;
  if (!found) return 'none';
  const args = found.args.map((arg) =>
    Array.isArray(arg) ? arg.join('|') : typeof arg === 'object' && arg ? a1(arg as Area) : String(arg),
  );
  return `${found.criteria} ${args.join(' ')}${found.allowInvalid ? '' : ' (rejects)'}`;
}

describe('Set up workbook on an empty spreadsheet', () => {
  const workbook = setUpWorkbook();

  it('creates every tab of the workbook with its header row', () => {
    expect(workbook.sheetNames()).toEqual(['Sheet1', ...Object.keys(TABS), 'Score check']);
    for (const [tab, headers] of Object.entries(TABS)) expect(headerRow(workbook, tab), tab).toEqual(headers);
  });

  it('writes the ten factors with weight 1 and their meanings', () => {
    const [, ...rows] = workbook.values('Factors');
    expect(rows.map((r) => r[0])).toEqual(FACTORS10);
    expect(rows.every((r) => r[1] === 1)).toBe(true);
    expect(rows[0]).toEqual(['Maturity', 1, 'ready to decide now', 'far from any decision', '']);
    expect(rows[9]).toEqual(['Purchase history', 1, 'repeat customer, deals won', 'only lost deals with us', '']);
  });

  it('writes the settings and names each value, so formulas read QualifyAtScore', () => {
    expect(workbook.values('Settings').map((r) => r.slice(0, 2))).toEqual([
      ['Setting', 'Value'],
      ['Qualify at score', 60],
      ['Re-rate after days', 90],
    ]);
    expect([...workbook.namedRanges].map(([name, area]) => [name, a1(area)])).toEqual([
      ['QualifyAtScore', 'Settings!B2:B2'],
      ['RerateAfterDays', 'Settings!B3:B3'],
    ]);
  });

  it('writes exactly one formula per computed area, in its header cell, returning the header above the results', () => {
    expect(formulaCells(workbook, 'Leads')).toEqual({
      R1: '={"Score"; LEADSCORE(H2:Q, Factors!B2:B11)}',
      S1: '={"Best profile"; PROFILEGAP(H2:Q, {Profiles!A2:A, Profiles!C2:L}, Factors!B2:B11, "best")}',
      W1: '={"Rule"; QUALIFY(H2:Q, QualifyAtScore, Factors!E2:E11, Factors!B2:B11)}',
    });
    expect(formulaCells(workbook, 'Profiles')).toEqual({
      N1: '={"Won"; ARRAYFORMULA(IF(A2:A="", "", COUNTIFS(Leads!S2:S, A2:A, Leads!T2:T, "Won")))}',
      O1: '={"Lost"; ARRAYFORMULA(IF(A2:A="", "", COUNTIFS(Leads!S2:S, A2:A, Leads!T2:T, "Lost")))}',
      P1: '={"Hit rate", "Low", "High", "Vs team"; HITRATE(N2:N, O2:O)}',
    });
    expect(formulaCells(workbook, 'Campaigns')).toEqual({
      Q1: '={"Leads"; ARRAYFORMULA(IF(A2:A="", "", COUNTIFS(Leads!F2:F, A2:A)))}',
      R1: '={"Won"; ARRAYFORMULA(IF(A2:A="", "", COUNTIFS(Leads!F2:F, A2:A, Leads!T2:T, "Won")))}',
      S1: '={"Lost"; ARRAYFORMULA(IF(A2:A="", "", COUNTIFS(Leads!F2:F, A2:A, Leads!T2:T, "Lost")))}',
      T1: '={"Hit rate", "Low", "High", "Vs team"; HITRATE(R2:R, S2:S)}',
      X1: '={"Budget per won deal"; ARRAYFORMULA(IF(R2:R="", "", IF(R2:R>0, F2:F/R2:R, "no deal won")))}',
    });
    expect(formulaCells(workbook, 'Segments')).toEqual({
      E1: '={"Sales"; ARRAYFORMULA(IF(A2:A="", "", COUNTIFS(Leads!E2:E, A2:A, Leads!T2:T, "Won")))}',
      F1: '={"Marketing"; ARRAYFORMULA(IF(A2:A="", "", SUMIF(Campaigns!C2:C, A2:A, Campaigns!F2:F)))}',
      G1: '={"Verdict"; SWEETSPOT(E2:E, F2:F, D2:D)}',
    });
    expect(formulaCells(workbook, 'Team')).toEqual({
      B1: '={"Won"; ARRAYFORMULA(IF(A2:A="", "", COUNTIFS(Leads!D2:D, A2:A, Leads!T2:T, "Won")))}',
      C1: '={"Lost"; ARRAYFORMULA(IF(A2:A="", "", COUNTIFS(Leads!D2:D, A2:A, Leads!T2:T, "Lost")))}',
      D1: '={"Hit rate", "Low", "High", "Vs team"; HITRATE(B2:B, C2:C)}',
    });
    expect(formulaCells(workbook, 'KPIs')).toEqual({
      J1: '={"Status"; KPISTATUS(I2:I, H2:H, G2:G)}',
      K1: '={"Centre", "Lower", "Upper", "Signal"; KPISIGNAL(A2:A, \'KPI log\'!B2:B, \'KPI log\'!C2:C, \'KPI log\'!A2:A)}',
    });
    expect(formulaCells(workbook, 'Score check')).toEqual({
      A2: '={"Band", "Closed", "Won", "Win rate", "Low", "High"; SCOREBANDS(Leads!R2:R, Leads!T2:T)}',
      A9: '={"AUC", "Low", "High", "Won", "Lost"; SCOREAUC(Leads!R2:R, Leads!T2:T)}',
      A13: '={"Factor", "Weight", "Suggested"; {Factors!A2:A11, Factors!B2:B11, FACTORWEIGHTS(Leads!H2:Q, Leads!T2:T)}}',
    });
    for (const tab of ['KPI log', 'Improvements', 'Internal customers', 'Factors', 'Settings'])
      expect(formulaCells(workbook, tab), tab).toEqual({});
  });

  it('validates every factor cell of Leads as a whole number 1-5, on the first and the last row', () => {
    for (const factor of FACTORS10) {
      for (const row of [2, 1000]) {
        expect(rule(workbook, 'Leads', factor, row)).toBe(
          'CUSTOM_FORMULA =AND(ISNUMBER(H2),H2=INT(H2),H2>=1,H2<=5) (rejects)',
        );
      }
    }
    expect(rule(workbook, 'Leads', 'Maturity', 1)).toBe('none');
  });

  it('lets profiles and campaigns hold any number 1-5, averages included', () => {
    for (const tab of ['Profiles', 'Campaigns']) {
      for (const factor of FACTORS10) expect(rule(workbook, tab, factor)).toBe('NUMBER_BETWEEN 1 5 (rejects)');
    }
  });

  it('offers lists for Status, Level, Direction, Segment, Owner and Campaign', () => {
    expect(rule(workbook, 'Leads', 'Status')).toBe('VALUE_IN_LIST New|Qualified|Disqualified|Won|Lost true (rejects)');
    expect(rule(workbook, 'KPIs', 'Level')).toBe('VALUE_IN_LIST Operational|Tactical|Goal true (rejects)');
    expect(rule(workbook, 'KPIs', 'Direction')).toBe('VALUE_IN_LIST higher|lower true (rejects)');
    expect(rule(workbook, 'Leads', 'Owner')).toBe('VALUE_IN_RANGE Team!A2:A1000 true');
    expect(rule(workbook, 'Leads', 'Segment')).toBe('VALUE_IN_RANGE Segments!A2:A1000 true');
    expect(rule(workbook, 'Campaigns', 'Segment')).toBe('VALUE_IN_RANGE Segments!A2:A1000 true');
    expect(rule(workbook, 'Leads', 'Campaign')).toBe('VALUE_IN_RANGE Campaigns!A2:A1000 true');
    expect(rule(workbook, 'KPI log', 'KPI')).toBe('VALUE_IN_RANGE KPIs!A2:A1000 true');
  });

  it('checks dates, amounts and the In market flag', () => {
    for (const [tab, header] of [
      ['Leads', 'Created'],
      ['Leads', 'Closed'],
      ['Campaigns', 'Start'],
      ['KPI log', 'Date'],
    ]) {
      expect(rule(workbook, tab, header)).toBe('DATE_IS_VALID_DATE ');
    }
    expect(rule(workbook, 'Campaigns', 'Budget')).toBe('NUMBER_GREATER_THAN_OR_EQUAL_TO 0 (rejects)');
    expect(rule(workbook, 'Factors', 'Weight')).toBe('NUMBER_GREATER_THAN_OR_EQUAL_TO 0 (rejects)');
    expect(rule(workbook, 'Segments', 'In market')).toBe('CHECKBOX ');
  });

  it('freezes each header row and protects it, formulas included, with a warning only; data rows carry none', () => {
    for (const tab of Object.keys(TABS)) {
      const sheet = workbook.sheet(tab);
      expect(sheet.frozenRows, tab).toBe(1);
      // A protected data cell would warn on every sort of the rows.
      const last = String.fromCharCode(64 + TABS[tab].length);
      expect(
        sheet.protections.map((p) => [p.description, a1(p.area), p.warningOnly]),
        tab,
      ).toEqual([['Lean Sales: header row', `${tab}!A1:${last}1`, true]]);
    }
  });

  it('freezes the Lead and Company columns of Leads, and only there', () => {
    expect(workbook.sheet('Leads').frozenColumns).toBe(2);
    for (const tab of Object.keys(TABS).filter((t) => t !== 'Leads')) {
      expect(workbook.sheet(tab).frozenColumns, tab).toBe(0);
    }
  });

  it('explains the score scale and colour bands in a note on the Score header', () => {
    const note = workbook.sheet('Leads').notes.get(0, columnOf(workbook, 'Leads', 'Score') - 1);
    expect(note).toContain('0-100');
    expect(note).toContain('1 best, 5 worst');
    expect(note).toContain('Green: 70 or more. Yellow: 40 to under 70. Red: under 40.');
  });

  it('colours score bands and defective ratings', () => {
    const rules = workbook
      .sheet('Leads')
      .conditionalFormatRules.map((r) => [r.condition.args[0], r.ranges.map(a1).join()]);
    expect(rules).toEqual([
      ['=AND(ISNUMBER(R2),R2>=70)', 'Leads!R2:R1000'],
      ['=AND(ISNUMBER(R2),R2>=40,R2<70)', 'Leads!R2:R1000'],
      ['=AND(ISNUMBER(R2),R2<40)', 'Leads!R2:R1000'],
      ['=AND(ISTEXT(R2),R2<>"")', 'Leads!R2:R1000'],
      ['=OR(AND(H2<>"",NOT(AND(ISNUMBER(H2),H2=INT(H2),H2>=1,H2<=5))),AND(H2="",$B2<>""))', 'Leads!H2:Q1000'],
      [
        '=OR(AND(OR(T2="Qualified",T2="Won"),LEFT($W2,13)="not qualified"),AND(T2="Disqualified",$W2="qualified"))',
        'Leads!T2:T1000',
      ],
      ['=AND($B2<>"",OR($T2="",$T2="New",$T2="Qualified"),OR(X2="",TODAY()-X2>RerateAfterDays))', 'Leads!X2:X1000'],
    ]);
    expect(workbook.sheet('Profiles').conditionalFormatRules).toHaveLength(1);
    expect(workbook.sheet('KPIs').conditionalFormatRules).toHaveLength(3);
  });

  it('formats dates, scores, money and rates', () => {
    const format = (tab: string, header: string) =>
      workbook.sheet(tab).formats.numberFormat.get(1, columnOf(workbook, tab, header) - 1);
    expect(format('Leads', 'Created')).toBe('yyyy-mm-dd');
    expect(format('Leads', 'Score')).toBe('0');
    expect(format('Campaigns', 'Budget')).toBe('#,##0');
    expect(format('Team', 'Hit rate')).toBe('0%');
  });

  it('shows a toast while it writes and ends with a summary of what it created', () => {
    const { execution } = run(createWorkbook(), 'setupWorkbook');
    expect(execution.ui.toasts.map((t) => t.message)).toEqual(['Writing tabs, formulas and guardrails']);
    const [alert] = execution.ui.alerts;
    expect(alert.title).toBe('Lean Sales setup');
    expect(alert.prompt).toContain(
      'Tabs created: Leads, Profiles, Campaigns, Segments, Team, KPIs, KPI log, Improvements, Internal customers, Factors, Settings',
    );
    expect(alert.prompt).toContain('Score check: Win rate by score band, Ranking, Weights');
    expect(alert.prompt).toContain('Formulas: Leads Score, Leads Best profile,');
    expect(alert.prompt).toMatch(/Guardrails: \d+ validation rules/);
  });
});

describe('Set up workbook again', () => {
  const guards = (workbook: Workbook) =>
    workbook.sheets.map((s) => [
      s.frozenRows,
      s.frozenColumns,
      JSON.stringify([...s.notes.distinct()]),
      s.conditionalFormatRules.length,
      s.protections.length,
      s.validations.distinct().size,
      s.formats.numberFormat.distinct().size,
    ]);

  it.each(['setupWorkbook', 'setupWorkbookWithSampleData'])(
    '%s twice: the second run changes nothing and says so',
    (name) => {
      const workbook = createWorkbook();
      run(workbook, name);
      const [cells, rules] = [workbook.snapshot(), guards(workbook)];
      const { execution } = run(workbook, name);
      expect(workbook.snapshot()).toEqual(cells);
      expect(guards(workbook)).toEqual(rules);
      expect(execution.ui.alerts[0].prompt).toBe('The workbook was already set up; nothing changed.');
    },
  );

  it('keeps frozen columns and a Score note the team chose', () => {
    const workbook = setUpWorkbook();
    const leads = workbook.sheet('Leads');
    const score = columnOf(workbook, 'Leads', 'Score') - 1;
    leads.frozenColumns = 1;
    leads.notes.set(0, score, 'Our own note');
    const cells = workbook.snapshot();
    const { execution } = run(workbook, 'setupWorkbook');
    expect(leads.frozenColumns).toBe(1);
    expect(leads.notes.get(0, score)).toBe('Our own note');
    expect(workbook.snapshot()).toEqual(cells);
    expect(execution.ui.alerts[0].prompt).toBe('The workbook was already set up; nothing changed.');
  });

  it('fills the sample into tabs a plain setup left empty', () => {
    const workbook = setUpWorkbook();
    const { execution } = run(workbook, 'setupWorkbookWithSampleData');
    expect(execution.ui.alerts[0].prompt).toBe(
      'Sample data: 60 Leads, 4 Profiles, 4 Campaigns, 4 Segments, 5 Team, 6 KPIs, 42 KPI log, 4 Improvements, 5 Internal customers',
    );
  });
});

describe('Set up workbook over tabs full of user data', () => {
  /** Leads with the factors in reverse order, extra columns, no Score or Best profile. */
  const leadsHeader = [
    'Notes',
    'Company',
    'Lead',
    'Region',
    'Owner',
    'Status',
    ...[...FACTORS10].reverse(),
    'Segment',
    'Campaign',
    'Created',
    'Contact',
    'Closed',
  ];
  const lead = (i: number) => {
    const byName: Record<string, unknown> = {
      Notes: `note ${i}`,
      Company: `Company ${i}`,
      Lead: `L-${i}`,
      Region: 'North',
      Owner: i % 2 ? 'Ann' : 'Bob',
      Status: i % 3 ? 'Won' : 'Lost',
      Segment: 'S1',
      Campaign: '',
      Created: '',
      Contact: '',
      Closed: '',
    };
    FACTORS10.forEach((f, k) => {
      byName[f] = k === 0 ? 5 : 1;
    });
    return leadsHeader.map((h) => byName[h]);
  };

  function userWorkbook(): Workbook {
    const workbook = createWorkbook();
    fillSheet(workbook, 'Leads', [leadsHeader, ...Array.from({ length: 30 }, (_, i) => lead(i + 1))]);
    fillSheet(workbook, 'Team', [
      ['Region', 'Rep'],
      ['North', 'Ann'],
      ['South', 'Bob'],
    ]);
    fillSheet(workbook, 'Factors', [
      ['Factor', 'Weight', '1 means', '5 means'],
      ['Maturity', 3, 'now', 'never'],
      ['Knowledge', 1, 'a', 'b'],
    ]);
    fillSheet(workbook, 'KPIs', [
      ['KPI', 'Status', 'Target', 'Actual'],
      ['Calls per week', 'typed by hand', 20, 25],
    ]);
    return workbook;
  }

  it('changes no cell that holds data, with or without sample data', () => {
    for (const name of ['setupWorkbook', 'setupWorkbookWithSampleData']) {
      const workbook = userWorkbook();
      const before = Object.fromEntries(['Leads', 'Team', 'Factors', 'KPIs'].map((t) => [t, workbook.values(t)]));
      run(workbook, name);
      for (const [tab, rows] of Object.entries(before)) {
        const after = [headerRow(workbook, tab), ...workbook.values(tab).slice(1)];
        // Every cell the user had is still there, unchanged (setup only adds columns and rows after them).
        expect(after.map((row) => row.slice(0, rows[0].length)).slice(0, rows.length), tab).toEqual(rows);
      }
      // No sample rows in tabs that had data.
      expect(workbook.values('Leads')).toHaveLength(31);
      expect(workbook.values('Team')).toHaveLength(3);
    }
  });

  it('adds the missing columns after the last one and the missing factors after the last row', () => {
    const workbook = userWorkbook();
    run(workbook, 'setupWorkbook');
    expect(headerRow(workbook, 'Leads')).toEqual([...leadsHeader, 'Score', 'Best profile', 'Rule', 'Rated']);
    expect(headerRow(workbook, 'Team')).toEqual(['Region', 'Rep', 'Won', 'Lost', 'Hit rate', 'Low', 'High', 'Vs team']);
    expect(workbook.values('Factors').map((r) => r[0])).toEqual([
      'Factor',
      'Maturity',
      'Knowledge',
      ...FACTORS10.slice(2),
    ]);
  });

  it('writes formulas against the columns where they are, so scores use the reordered factors and the weights', () => {
    const workbook = userWorkbook();
    run(workbook, 'setupWorkbook');
    expect(workbook.formulas('Leads')[0][columnOf(workbook, 'Leads', 'Score') - 1]).toBe(
      '={"Score"; LEADSCORE({P2:P, O2:O, N2:N, M2:M, L2:L, K2:K, J2:J, I2:I, H2:H, G2:G}, Factors!B2:B11)}',
    );
    const leads = computedRecords(compute(workbook).Leads);
    // Maturity 5 (weight 3), the rest 1 (weight 1 each): 100 * (9 * 4) / (4 * 12) = 75.
    expect(leads.map((r) => r.Score)).toEqual(new Array(30).fill(75));
    const team = computedRecords(compute(workbook).Team);
    expect(team.map((r) => [r.Rep, r.Won, r.Lost])).toEqual([
      ['Ann', 10, 5],
      ['Bob', 10, 5],
    ]);
  });

  it("takes each factor's weight from its own row when the Factors rows are in another order", () => {
    const workbook = userWorkbook();
    workbook.write('Factors', 2, 1, [
      ['Knowledge', 1, 'a', 'b'],
      ['Maturity', 3, 'now', 'never'],
    ]);
    run(workbook, 'setupWorkbook');
    const score = workbook.formulas('Leads')[0][columnOf(workbook, 'Leads', 'Score') - 1];
    expect(score).toMatch(/, \{Factors!B3;Factors!B2;Factors!B4;Factors!B5;.*;Factors!B11\}\)\}$/);
    expect(computedRecords(compute(workbook).Leads).map((r) => r.Score)).toEqual(new Array(30).fill(75));
  });

  it('leaves a computed column of typed values alone, header included, and names the cells in the way', () => {
    const workbook = userWorkbook();
    const { execution } = run(workbook, 'setupWorkbook');
    expect(
      workbook
        .values('KPIs')
        .slice(0, 2)
        .map((row) => row[1]),
    ).toEqual(['Status', 'typed by hand']);
    expect(
      workbook
        .formulas('KPIs')
        .flat()
        .filter((f) => f.includes('KPISTATUS')),
    ).toEqual([]);
    const prompt = execution.ui.alerts[0].prompt;
    expect(prompt).toContain(
      'KPIs Status: B2 holds a typed value where the formula puts its results; clear and run Set up workbook again',
    );
    expect(prompt).not.toContain('holds values');
    // Cleared, the next setup writes the formula.
    workbook.write('KPIs', 2, 2, [['']]);
    run(workbook, 'setupWorkbook');
    expect(
      compute(workbook)
        .KPIs.map((row) => row[1])
        .slice(0, 2),
    ).toEqual(['Status', 'on track']);
  });

  it('names the typed value that blocks a working formula, and the column fills again once it is cleared', () => {
    const workbook = setUpWorkbook();
    workbook.write('KPIs', 2, 1, [
      ['Calls', 'Operational', 'w', 'w', 'h', 'who', 'higher', 20, 25],
      ['Visits', 'Operational', 'w', 'w', 'h', 'who', 'higher', 20, 5],
    ]);
    expect(
      compute(workbook)
        .KPIs.map((row) => row[9])
        .slice(0, 3),
    ).toEqual(['Status', 'on track', 'off track']);
    workbook.write('KPIs', 3, 10, [['fine, really']]);
    expect(compute(workbook).KPIs[0][9]).toBe('#REF!');
    const { execution } = run(workbook, 'setupWorkbook');
    expect(execution.ui.alerts[0].prompt).toBe(
      'KPIs Status: J3 holds a typed value where the formula puts its results; clear and the column fills again',
    );
    workbook.write('KPIs', 3, 10, [['']]);
    expect(
      compute(workbook)
        .KPIs.map((row) => row[9])
        .slice(0, 3),
    ).toEqual(['Status', 'on track', 'off track']);
  });
});

describe('Setup at 10 and at 10,000 leads', () => {
  function withLeads(count: number): Workbook {
    const workbook = setUpWorkbook();
    const row = ['', 'Acme', '', 'Ann', 'S1', '', '', 2, 2, 2, 2, 2, 2, 2, 2, 2, 2];
    const sheet = workbook.sheet('Leads');
    if (count + 1 > sheet.maxRows) workbook.insertRows(sheet, sheet.maxRows + 1, count + 1 - sheet.maxRows);
    workbook.write(
      'Leads',
      2,
      1,
      Array.from({ length: count }, (_, i) => [`L-${i + 1}`, ...row.slice(1)]),
    );
    return workbook;
  }

  it('makes the same service calls and writes one formula per computed column', () => {
    const counts = [10, 10_000].map((n) => {
      const workbook = withLeads(n);
      // Remove the formulas so setup writes them again over the grown tab.
      workbook.write('Leads', 1, 18, [['Score', 'Best profile']]);
      const { execution } = run(workbook, 'setupWorkbook');
      expect(Object.keys(formulaCells(workbook, 'Leads'))).toEqual(['R1', 'S1', 'W1']);
      return execution.calls.byMethod();
    });
    expect(counts[1]).toEqual(counts[0]);
  });
});

describe('Set up workbook over a workbook from the earlier layout (formulas in row 2)', () => {
  /** A sample workbook as the earlier setup left it: header text in row 1, each formula in row 2, and its cells protected. */
  function oldLayout(): Workbook {
    const workbook = createWorkbook();
    run(workbook, 'setupWorkbookWithSampleData');
    for (const name of workbook.sheetNames()) {
      const sheet = workbook.sheet(name);
      (workbook.formulas(name)[0] ?? []).forEach((formula, i) => {
        const match = /^=\{((?:"[^"]*",\s*)*"[^"]*");\s*(.*)\}$/.exec(formula);
        if (!match) return;
        const labels = match[1].split(/,\s*/).map((label) => label.slice(1, -1));
        workbook.write(name, 1, i + 1, [labels]);
        workbook.write(name, 2, i + 1, [[`=${match[2]}`]]);
        const protection = new ProtectionModel(
          'RANGE',
          new Area(sheet, 2, i + 1, sheet.maxRows - 1, labels.length),
          'me',
        );
        protection.description = `Lean Sales: ${labels[0]} is computed by one formula`;
        protection.warningOnly = true;
        sheet.protections.push(protection);
      });
    }
    return workbook;
  }

  it('moves each formula into its header cell, keeps every result, and drops the protections that warned on sorts', () => {
    const workbook = oldLayout();
    const before = compute(workbook);
    expect(workbook.formulas('Leads')[1][17]).toBe('=LEADSCORE(H2:Q, Factors!B2:B11)');
    const { execution } = run(workbook, 'setupWorkbook');
    expect(workbook.formulas('Leads')[0][17]).toBe('={"Score"; LEADSCORE(H2:Q, Factors!B2:B11)}');
    expect(workbook.formulas('Leads')[1][17]).toBe('');
    expect(workbook.formulas('Team')[0].slice(1, 4)).toEqual([
      '={"Won"; ARRAYFORMULA(IF(A2:A="", "", COUNTIFS(Leads!D2:D, A2:A, Leads!T2:T, "Won")))}',
      '={"Lost"; ARRAYFORMULA(IF(A2:A="", "", COUNTIFS(Leads!D2:D, A2:A, Leads!T2:T, "Lost")))}',
      '={"Hit rate", "Low", "High", "Vs team"; HITRATE(B2:B, C2:C)}',
    ]);
    // The workbook shows exactly what it showed before: same headers, same results, same user data.
    expect(compute(workbook)).toEqual(before);
    for (const name of workbook.sheetNames()) {
      expect(
        workbook.sheet(name).protections.map((p) => p.description),
        name,
      ).toEqual(['Sheet1', 'Score check'].includes(name) ? [] : ['Lean Sales: header row']);
    }
    const prompt = execution.ui.alerts[0].prompt;
    expect(prompt).toContain('Leads Score: formula moved from row 2 into the header cell');
    expect(prompt).toContain('Team Hit rate: formula moved from row 2 into the header cell');
    expect(prompt).toContain('Leads: removed 3 warnings on computed cells');
    // A second run finds nothing left to do.
    expect(run(workbook, 'setupWorkbook').execution.ui.alerts[0].prompt).toBe(
      'The workbook was already set up; nothing changed.',
    );
  });
});

describe('Set up workbook repairs a computed formula broken by a deleted tab', () => {
  it('rewrites a formula that shows #REF! inside, says so, and changes no user cell', () => {
    const workbook = createWorkbook();
    run(workbook, 'setupWorkbookWithSampleData');
    const before = compute(workbook).Leads;
    // As Sheets rewrites references to a tab that was deleted.
    workbook.write('Leads', 1, 18, [['={"Score"; LEADSCORE(H2:Q, #REF!)}']]);
    expect(compute(workbook).Leads[0][17]).not.toBe('Score');
    const { execution } = run(workbook, 'setupWorkbook');
    expect(execution.ui.alerts[0].prompt).toBe(
      'Leads Score: its formula referred to a deleted tab or column (#REF!); rewritten',
    );
    expect(workbook.formulas('Leads')[0][17]).toBe('={"Score"; LEADSCORE(H2:Q, Factors!B2:B11)}');
    expect(compute(workbook).Leads).toEqual(before);
  });
});

describe('Set up workbook reads everything first, then writes', () => {
  it('makes one round trip to the sheet on a blank workbook and none on a set-up one', () => {
    expect(run(createWorkbook(), 'setupWorkbook').execution.calls.roundTrips()).toBe(1);
    expect(run(createWorkbook(), 'setupWorkbookWithSampleData').execution.calls.roundTrips()).toBe(1);
    const workbook = setUpWorkbook();
    expect(run(workbook, 'setupWorkbook').execution.calls.roundTrips()).toBe(0);
  });
});

describe('Set up workbook never splits a column someone renamed', () => {
  it('leaves Owner renamed to Rep alone, points the formulas at Rep, and says to rename it back', () => {
    const workbook = createWorkbook();
    run(workbook, 'setupWorkbookWithSampleData');
    const owner = columnOf(workbook, 'Leads', 'Owner');
    workbook.write('Leads', 1, owner, [['Rep']]);
    const width = headerRow(workbook, 'Leads').length;
    const { execution } = run(workbook, 'setupWorkbook');
    // No second, empty Owner column.
    expect(headerRow(workbook, 'Leads')).toHaveLength(width);
    expect(headerRow(workbook, 'Leads')).not.toContain('Owner');
    expect(execution.ui.alerts[0].prompt).toContain(
      'Leads: no Owner column, but Rep holds what Owner should, so formulas use it; rename Rep back to Owner so the sidebar finds it too (nothing was added)',
    );
    // The sidebar's message says the same instead of sending the rep to setup.
    expect(() => run(workbook, 'getLeadsPanel')).toThrow(
      'The Leads tab has no Owner column in its header row. If you renamed it, give it back the header Owner',
    );
  });
});
