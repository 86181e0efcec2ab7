/** The small services: Session, Logger, Utilities (formatDate, getUuid, sleep), ScriptApp.AuthMode, console. */

import { randomUUID } from 'node:crypto';
import { AuthModeEnum } from './apps-script-enums';
import { signatureError } from './apps-script-errors';
import { isDate } from './cell-values';
import { type Runtime, ServiceObject } from './execution-runtime';

import { formatDate } from './zoned-dates';

type GasSession = GoogleAppsScript.Base.Session;
type GasLogger = GoogleAppsScript.Base.Logger;
type GasUtilities = GoogleAppsScript.Utilities.Utilities;

export class EmulatedSession
  extends ServiceObject<GasSession>
  implements
    Pick<
      GasSession,
      'getActiveUser' | 'getEffectiveUser' | 'getActiveUserLocale' | 'getScriptTimeZone' | 'getTemporaryActiveUserKey'
    >
{
  /** Under LIMITED (a simple trigger) a script may learn the locale and nothing else of the user: the email is ''. */
  getActiveUser(): GoogleAppsScript.Base.User {
    return this.rt.objects.user(this.#knownUser());
  }

  getEffectiveUser(): GoogleAppsScript.Base.User {
    return this.rt.objects.user(this.#knownUser());
  }

  getActiveUserLocale(): string {
    return this.rt.workbook.locale.split('_')[0];
  }

  /** The emulated script's time zone is its spreadsheet's. */
  getScriptTimeZone(): string {
    return this.rt.workbook.timeZone;
  }

  getTemporaryActiveUserKey(): string {
    return Buffer.from(`${this.rt.workbook.id}:${this.rt.options.user}`).toString('base64url');
  }

  #knownUser(): string {
    return this.rt.options.authMode === 'LIMITED' ? '' : this.rt.options.user;
  }
}

const text = (value: unknown) => (typeof value === 'string' ? value : JSON.stringify(value));

/** Formats like Logger.log(format, ...values): %s, %d... take the values in order; values left over follow. */
function logLine(args: readonly unknown[]): string {
  const [first, ...rest] = args;
  if (typeof first !== 'string') return args.map(text).join(' ');
  let used = 0;
  const formatted = first.replace(/%[sdifo]/g, (token) => (used < rest.length ? String(rest[used++]) : token));
  return [formatted, ...rest.slice(used).map(text)].join(' ');
}

export class EmulatedLogger extends ServiceObject<GasLogger> implements Pick<GasLogger, 'log' | 'getLog' | 'clear'> {
  log(...args: unknown[]): GasLogger {
    this.rt.logs.push(logLine(args));
    return this.self;
  }

  getLog(): string {
    return this.rt.logs.join('\n');
  }

  clear(): void {
    this.rt.logs.length = 0;
  }
}

export class EmulatedUtilities
  extends ServiceObject<GasUtilities>
  implements Pick<GasUtilities, 'formatDate' | 'getUuid' | 'sleep'>
{
  formatDate(date: GoogleAppsScript.Base.Date, timeZone: string, format: string): string {
    if (!isDate(date) || typeof timeZone !== 'string' || typeof format !== 'string') {
      throw signatureError('Utilities.formatDate', [date, timeZone, format]);
    }
    return formatDate(new Date(date.getTime()), timeZone, format);
  }

  getUuid(): string {
    return randomUUID();
  }

  /** Time is virtual here: sleeping returns at once. */
  sleep(_milliseconds: number): void {}
}

export class EmulatedScriptApp extends ServiceObject {
  readonly AuthMode = AuthModeEnum;
}

/** The V8 runtime's console: recorded into the execution's logs, not printed. */
export function consoleFor(rt: Runtime): Pick<Console, 'log' | 'info' | 'warn' | 'error'> {
  const record = (...args: unknown[]) => {
    rt.logs.push(logLine(args));
  };
  return { log: record, info: record, warn: record, error: record };
}
