import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { services, session } from './helpers';

type HtmlService = GoogleAppsScript.HTML.HtmlService;

function htmlDir(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'emulator-html-'));
  writeFileSync(path.join(dir, 'Sidebar.html'), '<!doctype html><p>sidebar</p>');
  return dir;
}

describe('HtmlService', () => {
  it('createHtmlOutputFromFile reads NAME.html from the HTML folder', () => {
    const { execution } = session({ htmlDir: htmlDir() });
    const output = services<HtmlService>(execution, 'HtmlService').createHtmlOutputFromFile('Sidebar');
    expect(output.getContent()).toBe('<!doctype html><p>sidebar</p>');
  });

  it('getContent gives the file as written, markup or not, as the include(filename) pattern Google documents needs', () => {
    const dir = htmlDir();
    const json = '{"Leads":[["L-0001",{"day":-3},"=COUNTIFS(x, \\">=\\"&1)"]]}\n';
    writeFileSync(path.join(dir, 'Data.html'), json);
    const { execution } = session({ htmlDir: dir });
    const html = services<HtmlService>(execution, 'HtmlService');
    expect(html.createHtmlOutputFromFile('Data').getContent()).toBe(json);
  });

  it('a missing file fails with Google text', () => {
    const { execution } = session({ htmlDir: htmlDir() });
    expect(() => services<HtmlService>(execution, 'HtmlService').createHtmlOutputFromFile('Missing')).toThrow(
      'No HTML file named Missing was found.',
    );
  });

  it('reads dist/ by default, where the build puts Sidebar.html, Help.html and SampleData.html', () => {
    const { execution } = session();
    const html = services<HtmlService>(execution, 'HtmlService');
    expect(html.createHtmlOutputFromFile('Sidebar').getContent()).toMatch(/<html/i);
    expect(html.createHtmlOutputFromFile('Help').getContent()).toMatch(/<html/i);
    expect(JSON.parse(html.createHtmlOutputFromFile('SampleData').getContent())).toHaveProperty('Leads');
  });

  it('HtmlOutput keeps its title and content; setters chain', () => {
    const { execution } = session();
    const output = services<HtmlService>(execution, 'HtmlService').createHtmlOutput('<p>a</p>');
    expect(output.getTitle()).toBe('');
    expect(output.setTitle('Lean Sales').append('<p>b</p>').setWidth(300).getContent()).toBe('<p>a</p><p>b</p>');
    expect(output.getTitle()).toBe('Lean Sales');
  });

  it('has the SandboxMode and XFrameOptionsMode enums', () => {
    const { execution } = session();
    const html = services<HtmlService>(execution, 'HtmlService');
    expect(html.createHtmlOutput('').setSandboxMode(html.SandboxMode.IFRAME).getContent()).toBe('');
    expect(String(html.XFrameOptionsMode.ALLOWALL)).toBe('ALLOWALL');
  });
});
