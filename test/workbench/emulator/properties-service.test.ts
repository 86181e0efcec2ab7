import { describe, expect, it } from 'vitest';
import { createServices, createWorkbook } from '../../../workbench/emulator/apps-script-emulator';
import { services } from './helpers';

type PropertiesService = GoogleAppsScript.Properties.PropertiesService;

const props = (execution: ReturnType<typeof createServices>) =>
  services<PropertiesService>(execution, 'PropertiesService');

describe('PropertiesService', () => {
  it('get, set, delete; a missing key is null', () => {
    const store = props(createServices(createWorkbook())).getDocumentProperties();
    expect(store.getProperty('setupVersion')).toBeNull();
    store.setProperty('setupVersion', '1').setProperty('owner', 'ann');
    expect(store.getProperty('setupVersion')).toBe('1');
    store.deleteProperty('owner');
    expect(store.getKeys()).toEqual(['setupVersion']);
  });

  it('stores every value as a string', () => {
    const store = props(createServices(createWorkbook())).getScriptProperties();
    store.setProperty('count', 3 as unknown as string);
    expect(store.getProperty('count')).toBe('3');
  });

  it('getProperties gives a copy; setProperties adds, or replaces all with deleteAllOthers', () => {
    const store = props(createServices(createWorkbook())).getUserProperties();
    store.setProperties({ a: '1', b: '2' });
    const copy = store.getProperties();
    copy.a = 'changed';
    expect(store.getProperties()).toEqual({ a: '1', b: '2' });
    store.setProperties({ c: '3' }, true);
    expect(store.getProperties()).toEqual({ c: '3' });
    store.deleteAllProperties();
    expect(store.getKeys()).toEqual([]);
  });

  it('document and script properties are shared by every execution on the workbook', () => {
    const workbook = createWorkbook();
    props(createServices(workbook)).getDocumentProperties().setProperty('k', 'v');
    props(createServices(workbook)).getScriptProperties().setProperty('s', 'v');
    const other = props(createServices(workbook));
    expect(other.getDocumentProperties().getProperty('k')).toBe('v');
    expect(other.getScriptProperties().getProperty('s')).toBe('v');
    expect(workbook.documentProperties.get('k')).toBe('v');
  });

  it('user properties belong to each user', () => {
    const workbook = createWorkbook();
    props(createServices(workbook, { user: 'ann@example.com' }))
      .getUserProperties()
      .setProperty('panel', 'Team');
    expect(
      props(createServices(workbook, { user: 'bob@example.com' }))
        .getUserProperties()
        .getProperty('panel'),
    ).toBeNull();
    expect(
      props(createServices(workbook, { user: 'ann@example.com' }))
        .getUserProperties()
        .getProperty('panel'),
    ).toBe('Team');
  });

  it('document, script and user stores are separate', () => {
    const service = props(createServices(createWorkbook()));
    service.getDocumentProperties().setProperty('k', 'document');
    expect(service.getScriptProperties().getProperty('k')).toBeNull();
    expect(service.getUserProperties().getProperty('k')).toBeNull();
  });
});
