/**
 * The improvement loop's rules, shared by the sidebar and the server: the item's fields, their checks, the order of
 * the list, and the lint of items that stall (no root cause after the whys, an action nobody owns
 * or dates, a due date passed, Check without a KPI to check by, Closed without a result).
 */

import { type FieldError, listError, textFieldError } from './text-fields';

/** Plan-do-check-act and done, in the order the list shows them (schema's IMPROVEMENT_STAGES spells them too). */
export const STAGES = ['Plan', 'Do', 'Check', 'Act', 'Closed'] as const;
export type Stage = (typeof STAGES)[number];
export const WHY_COUNT = 5;
const CLOSED_STAGE: Stage = 'Closed';

/** An item as the rules see it: text everywhere, days as ISO `YYYY-MM-DD` ('' when blank). */
export interface Improvement {
  readonly id: string;
  readonly raised: string;
  readonly raisedBy: string;
  readonly problem: string;
  /** Why 1 .. Why 5, '' where not answered. */
  readonly whys: readonly string[];
  readonly rootCause: string;
  readonly action: string;
  readonly owner: string;
  readonly due: string;
  readonly feedbackKpi: string;
  readonly stage: string;
  readonly result: string;
}

/** What a walk of an item may change: everything after the problem. */
export type ImprovementWalk = Pick<
  Improvement,
  'whys' | 'rootCause' | 'action' | 'owner' | 'due' | 'feedbackKpi' | 'stage' | 'result'
>;

export interface ProblemForm {
  readonly problem: string;
  readonly raisedBy: string;
}

/** A problem with one field; `field` is the Improvements column it belongs to. */
export type ImprovementError = FieldError;

/** The lists the walk's fields must come from (an empty list allows any value). */
export interface ImprovementChoices {
  readonly owners: readonly string[];
  readonly kpis: readonly string[];
}

export const LIMITS = { problem: 500, raisedBy: 100, why: 500, text: 2000, owner: 100, kpi: 200 } as const;

const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A real calendar day written `YYYY-MM-DD`. */
export function isIsoDay(text: string): boolean {
  const match = ISO_DAY.exec(text);
  if (!match) return false;
  const [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

const pushed = (errors: ImprovementError[], error: ImprovementError | undefined) => {
  if (error) errors.push(error);
};

export function validateProblem(form: ProblemForm): ImprovementError[] {
  const errors: ImprovementError[] = [];
  if (typeof form !== 'object' || form === null) return [{ field: 'Problem', message: 'No problem was sent' }];
  pushed(errors, textFieldError('Problem', form.problem, LIMITS.problem, true));
  pushed(errors, textFieldError('Raised by', form.raisedBy, LIMITS.raisedBy, true));
  return errors;
}

/** Every problem with a walk, field by field; empty when it may be saved. */
export function validateWalk(walk: ImprovementWalk, choices: ImprovementChoices): ImprovementError[] {
  if (typeof walk !== 'object' || walk === null) return [{ field: 'Root cause', message: 'No item was sent' }];
  const errors: ImprovementError[] = [];
  const whys = Array.isArray(walk.whys) ? walk.whys : [];
  if (whys.length > WHY_COUNT) errors.push({ field: 'Why 1', message: `At most ${WHY_COUNT} whys` });
  for (let i = 0; i < WHY_COUNT; i++) {
    const field = `Why ${i + 1}`;
    const error = textFieldError(field, whys[i] ?? '', LIMITS.why, false);
    if (error) errors.push(error);
    else if (i > 0 && String(whys[i] ?? '').trim() !== '' && String(whys[i - 1] ?? '').trim() === '') {
      errors.push({ field, message: `Answer Why ${i} before ${field}` });
    }
  }
  pushed(errors, textFieldError('Root cause', walk.rootCause, LIMITS.text, false));
  pushed(errors, textFieldError('Action', walk.action, LIMITS.text, false));
  const owner = textFieldError('Owner', walk.owner, LIMITS.owner, false);
  pushed(errors, owner ?? listError('Owner', walk.owner.trim(), choices.owners));
  const due = textFieldError('Due', walk.due, 10, false);
  if (due) errors.push(due);
  else if (walk.due.trim() !== '' && !isIsoDay(walk.due.trim())) {
    errors.push({ field: 'Due', message: 'Due must be a date (YYYY-MM-DD)' });
  }
  const kpi = textFieldError('Feedback KPI', walk.feedbackKpi, LIMITS.kpi, false);
  pushed(errors, kpi ?? listError('Feedback KPI', walk.feedbackKpi.trim(), choices.kpis));
  if (typeof walk.stage !== 'string' || !(STAGES as readonly string[]).includes(walk.stage.trim())) {
    errors.push({ field: 'Stage', message: `Stage must be one of ${STAGES.join(', ')}` });
  }
  pushed(errors, textFieldError('Result', walk.result, LIMITS.text, false));
  return errors;
}

/** The walk trimmed, with exactly five whys, as it is stored. */
export function normaliseWalk(walk: ImprovementWalk): ImprovementWalk {
  const whys = Array.from({ length: WHY_COUNT }, (_, i) => String(walk.whys[i] ?? '').trim());
  return {
    whys,
    rootCause: walk.rootCause.trim(),
    action: walk.action.trim(),
    owner: walk.owner.trim(),
    due: walk.due.trim(),
    feedbackKpi: walk.feedbackKpi.trim(),
    stage: walk.stage.trim(),
    result: walk.result.trim(),
  };
}

/** Whys answered, counted from Why 1 up to the first blank. */
export function answeredWhys(whys: readonly string[]): number {
  let n = 0;
  while (n < WHY_COUNT && String(whys[n] ?? '').trim() !== '') n++;
  return n;
}

const stageIndex = (stage: string) => {
  const i = STAGES.findIndex((s) => s.toLowerCase() === stage.trim().toLowerCase());
  return i < 0 ? STAGES.length : i;
};

/** Stage order (Plan first, unknown stages last), then oldest first (undated last), then by id. */
export function compareImprovements(a: Improvement, b: Improvement): number {
  const byStage = stageIndex(a.stage) - stageIndex(b.stage);
  if (byStage !== 0) return byStage;
  if (a.raised !== b.raised) {
    if (a.raised === '') return 1;
    if (b.raised === '') return -1;
    return a.raised < b.raised ? -1 : 1;
  }
  return a.id.localeCompare(b.id, 'en', { numeric: true });
}

const blank = (text: string) => text.trim() === '';

/**
 * What stalls the item, in the loop's order; empty when nothing does. `today` is ISO. The whys are over when all
 * five are answered or the item has moved on (an action written, or a stage past Plan).
 */
export function improvementLint(item: Improvement, today: string): string[] {
  const found: string[] = [];
  const stage = item.stage.trim().toLowerCase();
  const closed = stage === CLOSED_STAGE.toLowerCase();
  const whys = answeredWhys(item.whys);
  const movedOn = !blank(item.action) || (stage !== '' && stage !== 'plan');
  if (blank(item.rootCause) && whys > 0 && (whys === WHY_COUNT || movedOn)) {
    found.push(`no root cause after ${whys} ${whys === 1 ? 'why' : 'whys'}`);
  }
  if (!blank(item.action) && blank(item.owner)) found.push('action without an owner');
  if (!blank(item.action) && blank(item.due)) found.push('action without a due date');
  if (!closed && !blank(item.due) && item.due.trim() < today) found.push(`due ${item.due.trim()} has passed`);
  if (stage === 'check' && blank(item.feedbackKpi)) found.push('at Check without a feedback KPI');
  if (closed && blank(item.result)) found.push('Closed without a result');
  return found;
}
