import { describe, expect, it } from 'vitest';
import { createServices, createWorkbook } from '../../../workbench/emulator/apps-script-emulator';
import { services } from './helpers';

type LockService = GoogleAppsScript.Lock.LockService;

const lockService = (execution: ReturnType<typeof createServices>) => services<LockService>(execution, 'LockService');

describe('LockService', () => {
  it('tryLock takes a free lock; hasLock says so until releaseLock', () => {
    const execution = createServices(createWorkbook());
    const lock = lockService(execution).getDocumentLock();
    expect(lock.hasLock()).toBe(false);
    expect(lock.tryLock(1000)).toBe(true);
    expect(lock.hasLock()).toBe(true);
    lock.releaseLock();
    expect(lock.hasLock()).toBe(false);
  });

  it('the document lock is one per workbook: a second execution cannot get it while the first holds it', () => {
    const workbook = createWorkbook();
    const first = lockService(createServices(workbook)).getDocumentLock();
    const second = lockService(createServices(workbook)).getDocumentLock();
    expect(first.tryLock(1000)).toBe(true);
    expect(second.tryLock(1000)).toBe(false);
    expect(second.hasLock()).toBe(false);
  });

  it('waitLock fails at once with Google text while another execution holds the lock', () => {
    const workbook = createWorkbook();
    lockService(createServices(workbook)).getDocumentLock().waitLock(1000);
    const waiting = lockService(createServices(workbook)).getDocumentLock();
    expect(() => waiting.waitLock(30_000)).toThrow('Lock timeout: another process was holding the lock for too long.');
  });

  it('releasing makes the lock available to the next execution', () => {
    const workbook = createWorkbook();
    const first = lockService(createServices(workbook)).getDocumentLock();
    first.waitLock(1000);
    first.releaseLock();
    const second = lockService(createServices(workbook)).getDocumentLock();
    expect(() => second.waitLock(1000)).not.toThrow();
    expect(second.hasLock()).toBe(true);
  });

  it('locks of other workbooks are independent', () => {
    lockService(createServices(createWorkbook())).getDocumentLock().waitLock(1000);
    expect(lockService(createServices(createWorkbook())).getDocumentLock().tryLock(0)).toBe(true);
  });

  it('the end of an execution releases the locks it still holds', () => {
    const workbook = createWorkbook();
    const first = createServices(workbook);
    lockService(first).getScriptLock().waitLock(1000);
    first.finish();
    expect(lockService(createServices(workbook)).getScriptLock().tryLock(0)).toBe(true);
  });

  it('user locks are per user; script and document locks are separate locks', () => {
    const workbook = createWorkbook();
    const ann = createServices(workbook, { user: 'ann@example.com' });
    const bob = createServices(workbook, { user: 'bob@example.com' });
    expect(lockService(ann).getUserLock().tryLock(0)).toBe(true);
    expect(lockService(bob).getUserLock().tryLock(0)).toBe(true);
    expect(lockService(ann).getScriptLock().tryLock(0)).toBe(true);
    expect(lockService(bob).getDocumentLock().tryLock(0)).toBe(true);
    expect(
      lockService(createServices(workbook, { user: 'ann@example.com' }))
        .getUserLock()
        .tryLock(0),
    ).toBe(false);
  });
});

describe('LockService.getDocumentLock in a script not bound to a document', () => {
  it('returns null, as Apps Script documents for a standalone script or web app', () => {
    const execution = createServices(createWorkbook(), { boundToDocument: false });
    expect(lockService(execution).getDocumentLock()).toBeNull();
    expect(lockService(execution).getScriptLock().tryLock(0)).toBe(true);
  });

  it('a bound script (the default, and every editor add-on) gets a lock', () => {
    expect(lockService(createServices(createWorkbook())).getDocumentLock()).not.toBeNull();
  });
});
