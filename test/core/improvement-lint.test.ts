import { describe, expect, it } from 'vitest';
import {
  answeredWhys,
  compareImprovements,
  type Improvement,
  improvementLint,
  isIsoDay,
  normaliseWalk,
  STAGES,
  validateProblem,
  validateWalk,
} from '../../src/core/improvement-lint';
import { IMPROVEMENT_STAGES } from '../../src/shared/schema';

const TODAY = '2026-06-15';
const item = (change: Partial<Improvement> = {}): Improvement => ({
  id: 'I-001',
  raised: '2026-06-01',
  raisedBy: 'Ana',
  problem: 'Too few opportunities',
  whys: ['', '', '', '', ''],
  rootCause: '',
  action: '',
  owner: '',
  due: '',
  feedbackKpi: '',
  stage: 'Plan',
  result: '',
  ...change,
});
const FIVE = ['a', 'b', 'c', 'd', 'e'];

describe('improvementLint', () => {
  it('finds nothing in a fresh problem or a finished, complete item', () => {
    expect(improvementLint(item(), TODAY)).toEqual([]);
    const done = item({
      whys: FIVE,
      rootCause: 'root',
      action: 'act',
      owner: 'Ana',
      due: '2026-06-01',
      feedbackKpi: 'Hit rate',
      stage: 'Closed',
      result: 'worked',
    });
    expect(improvementLint(done, TODAY)).toEqual([]);
  });

  it('asks for a root cause once the whys are over: five answered, or the item moved on', () => {
    expect(improvementLint(item({ whys: ['a', 'b', '', '', ''] }), TODAY)).toEqual([]);
    expect(improvementLint(item({ whys: FIVE }), TODAY)).toEqual(['no root cause after 5 whys']);
    expect(improvementLint(item({ whys: ['a', '', '', '', ''], stage: 'Do' }), TODAY)).toEqual([
      'no root cause after 1 why',
    ]);
    expect(improvementLint(item({ whys: FIVE, rootCause: '  ' }), TODAY)).toEqual(['no root cause after 5 whys']);
  });

  it('wants an owner and a due date for every action', () => {
    expect(improvementLint(item({ rootCause: 'r', action: 'act' }), TODAY)).toEqual([
      'action without an owner',
      'action without a due date',
    ]);
  });

  it('flags a passed due date until the item is Closed; today is not passed', () => {
    const late = { rootCause: 'r', action: 'a', owner: 'Ana', due: '2026-06-14' };
    expect(improvementLint(item({ ...late, stage: 'Do' }), TODAY)).toEqual(['due 2026-06-14 has passed']);
    expect(improvementLint(item({ ...late, due: TODAY, stage: 'Do' }), TODAY)).toEqual([]);
    expect(improvementLint(item({ ...late, stage: 'Closed', result: 'done' }), TODAY)).toEqual([]);
  });

  it('wants a feedback KPI at Check and a result when Closed', () => {
    expect(improvementLint(item({ stage: 'Check' }), TODAY)).toEqual(['at Check without a feedback KPI']);
    expect(improvementLint(item({ stage: 'closed' }), TODAY)).toEqual(['Closed without a result']);
  });
});

describe('the rest of the loop', () => {
  it('has the stages of the schema', () => {
    expect([...STAGES]).toEqual([...IMPROVEMENT_STAGES]);
  });

  it('orders by stage, then oldest first, undated last', () => {
    const items = [
      item({ id: 'I-4', stage: 'Check', raised: '2026-01-01' }),
      item({ id: 'I-3', stage: 'Plan', raised: '' }),
      item({ id: 'I-2', stage: 'Plan', raised: '2026-05-01' }),
      item({ id: 'I-1', stage: 'Plan', raised: '2026-03-01' }),
      item({ id: 'I-5', stage: 'Someday', raised: '2026-01-01' }),
    ];
    expect(items.sort(compareImprovements).map((i) => i.id)).toEqual(['I-1', 'I-2', 'I-3', 'I-4', 'I-5']);
  });

  it('counts the whys answered from the first', () => {
    expect(answeredWhys(['a', 'b', '', 'd', ''])).toBe(2);
    expect(answeredWhys(FIVE)).toBe(5);
  });

  it('validates a problem and a walk field by field', () => {
    expect(validateProblem({ problem: 'x', raisedBy: 'y' })).toEqual([]);
    expect(validateProblem({ problem: 'x'.repeat(501), raisedBy: 3 as unknown as string })).toEqual([
      { field: 'Problem', message: 'Problem is 501 characters long; the limit is 500' },
      { field: 'Raised by', message: 'Raised by must be text' },
    ]);
    const walk = { ...item(), whys: ['a', '', 'c'] };
    expect(validateWalk(walk, { owners: ['Ana'], kpis: [] }).map((e) => e.message)).toEqual([
      'Answer Why 2 before Why 3',
    ]);
    expect(
      validateWalk(
        { ...walk, whys: FIVE, owner: 'Bo', stage: 'Later', due: '2026-13-01' },
        { owners: ['Ana'], kpis: [] },
      ),
    ).toEqual([
      { field: 'Owner', message: 'Owner "Bo" is not in the list; pick one of Ana' },
      { field: 'Due', message: 'Due must be a date (YYYY-MM-DD)' },
      { field: 'Stage', message: 'Stage must be one of Plan, Do, Check, Act, Closed' },
    ]);
  });

  it('reads only real calendar days as dates', () => {
    expect(['2026-02-28', '2024-02-29'].map(isIsoDay)).toEqual([true, true]);
    expect(['2026-02-29', '2026-1-01', 'soon', ''].map(isIsoDay)).toEqual([false, false, false, false]);
  });

  it('trims the walk and pads the whys to five', () => {
    const walk = normaliseWalk({ ...item(), whys: [' a '], rootCause: ' r ' });
    expect(walk.whys).toEqual(['a', '', '', '', '']);
    expect(walk.rootCause).toBe('r');
  });
});
