/** HtmlService: HTML outputs from a string or from `<htmlDir>/<name>.html` (dist/ by default, as clasp pushes it). */

import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { SandboxMode, XFrameOptionsMode } from './apps-script-enums';
import { gasError, MESSAGES } from './apps-script-errors';
import { type Runtime, ServiceObject } from './execution-runtime';

type GasHtmlOutput = GoogleAppsScript.HTML.HtmlOutput;
type GasHtmlService = GoogleAppsScript.HTML.HtmlService;

type SupportedOutputMethods =
  | 'append'
  | 'clear'
  | 'getContent'
  | 'getTitle'
  | 'setContent'
  | 'setHeight'
  | 'setSandboxMode'
  | 'setTitle'
  | 'setWidth'
  | 'setXFrameOptionsMode';

export class EmulatedHtmlOutput
  extends ServiceObject<GasHtmlOutput>
  implements Pick<GasHtmlOutput, SupportedOutputMethods>
{
  title = '';
  width?: number;
  height?: number;

  constructor(
    rt: Runtime,
    public content: string,
  ) {
    super(rt);
  }

  getContent(): string {
    return this.content;
  }

  setContent(content: string): GasHtmlOutput {
    this.content = String(content);
    return this.self;
  }

  append(addedContent: string): GasHtmlOutput {
    this.content += String(addedContent);
    return this.self;
  }

  clear(): GasHtmlOutput {
    this.content = '';
    return this.self;
  }

  getTitle(): string {
    return this.title;
  }

  setTitle(title: string): GasHtmlOutput {
    this.title = String(title);
    return this.self;
  }

  setWidth(width: number): GasHtmlOutput {
    this.width = width;
    return this.self;
  }

  setHeight(height: number): GasHtmlOutput {
    this.height = height;
    return this.self;
  }

  setSandboxMode(_mode: GoogleAppsScript.HTML.SandboxMode): GasHtmlOutput {
    return this.self;
  }

  setXFrameOptionsMode(_mode: GoogleAppsScript.HTML.XFrameOptionsMode): GasHtmlOutput {
    return this.self;
  }
}

export class EmulatedHtmlService
  extends ServiceObject<GasHtmlService>
  implements Pick<GasHtmlService, 'createHtmlOutput' | 'createHtmlOutputFromFile'>
{
  readonly SandboxMode = SandboxMode;
  readonly XFrameOptionsMode = XFrameOptionsMode;

  createHtmlOutput(html?: string | GoogleAppsScript.Base.BlobSource): GasHtmlOutput {
    if (html !== undefined && typeof html !== 'string')
      throw new Error('emulator: createHtmlOutput from a blob is not modelled');
    return this.rt.wrap(new EmulatedHtmlOutput(this.rt, html ?? ''), 'HtmlOutput');
  }

  /** Apps Script project files are named without `.html`; a name given with it is found too. */
  createHtmlOutputFromFile(filename: string): GasHtmlOutput {
    const name = String(filename).replace(/\.html$/, '');
    const file = path.join(this.rt.options.htmlDir, `${name}.html`);
    if (name === '' || name.includes('/') || !existsSync(file)) throw gasError(MESSAGES.noHtmlFile(String(filename)));
    return this.rt.wrap(new EmulatedHtmlOutput(this.rt, readFileSync(file, 'utf8')), 'HtmlOutput');
  }
}
