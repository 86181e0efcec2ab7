/** Ui: menus, alerts and prompts, sidebars and dialogs; what the script shows goes to the execution's UiRecorder. */

import { asEnum, Button, ButtonSet, enumName } from './apps-script-enums';
import { signatureError } from './apps-script-errors';
import { ServiceObject } from './execution-runtime';
import { EmulatedHtmlOutput } from './html-service';
import type { MenuEntry, MenuRecord } from './ui-recorder';

type GasUi = GoogleAppsScript.Base.Ui;
type GasMenu = GoogleAppsScript.Base.Menu;
type GasButton = GoogleAppsScript.Base.Button;
type GasButtonSet = GoogleAppsScript.Base.ButtonSet;
type GasHtmlOutput = GoogleAppsScript.HTML.HtmlOutput;

type EntryDraft =
  | { readonly kind: 'item'; caption: string; functionName: string }
  | { readonly kind: 'separator' }
  | { readonly kind: 'submenu'; menu: EmulatedMenu };

class EmulatedMenu
  extends ServiceObject<GasMenu>
  implements Pick<GasMenu, 'addItem' | 'addSeparator' | 'addSubMenu' | 'addToUi'>
{
  readonly entries: EntryDraft[] = [];
  title: string | null = null;
  addon = false;

  addItem(caption: string, functionName: string): GasMenu {
    if (typeof caption !== 'string' || typeof functionName !== 'string') {
      throw signatureError('Menu.addItem', [caption, functionName]);
    }
    this.entries.push({ kind: 'item', caption, functionName });
    return this.self;
  }

  addSeparator(): GasMenu {
    this.entries.push({ kind: 'separator' });
    return this.self;
  }

  addSubMenu(menu: GasMenu): GasMenu {
    this.entries.push({ kind: 'submenu', menu: this.rt.expectInstance(menu, EmulatedMenu, 'Menu.addSubMenu', [menu]) });
    return this.self;
  }

  addToUi(): void {
    this.rt.ui.addMenu(this.#record());
  }

  #record(): MenuRecord {
    const entries = this.entries.map(
      (entry): MenuEntry => (entry.kind === 'submenu' ? { kind: 'submenu', menu: entry.menu.#record() } : { ...entry }),
    );
    return { title: this.title, addon: this.addon, entries };
  }
}

class EmulatedPromptResponse
  extends ServiceObject<GoogleAppsScript.Base.PromptResponse>
  implements GoogleAppsScript.Base.PromptResponse
{
  button = 'OK';
  text = '';

  getResponseText(): string {
    return this.text;
  }

  getSelectedButton(): GasButton {
    return asEnum<GasButton>(this.button);
  }
}

type SupportedUiMethods =
  | 'alert'
  | 'createAddonMenu'
  | 'createMenu'
  | 'prompt'
  | 'showModalDialog'
  | 'showModelessDialog'
  | 'showSidebar';

export class EmulatedUi extends ServiceObject<GasUi> implements Pick<GasUi, SupportedUiMethods> {
  readonly Button = Button;
  readonly ButtonSet = ButtonSet;

  createAddonMenu(): GasMenu {
    const menu = new EmulatedMenu(this.rt);
    menu.addon = true;
    return this.rt.wrap(menu, 'Menu');
  }

  createMenu(caption: string): GasMenu {
    if (typeof caption !== 'string') throw signatureError('Ui.createMenu', [caption]);
    const menu = new EmulatedMenu(this.rt);
    menu.title = caption;
    return this.rt.wrap(menu, 'Menu');
  }

  /** alert(prompt), alert(prompt, buttons) or alert(title, prompt, buttons); answered by UiRecorder.respond. */
  alert(...args: [string, (string | GasButtonSet)?, GasButtonSet?]): GasButton {
    return asEnum<GasButton>(this.#ask('alert', args).button);
  }

  prompt(...args: [string, (string | GasButtonSet)?, GasButtonSet?]): GoogleAppsScript.Base.PromptResponse {
    const answer = this.#ask('prompt', args);
    const response = new EmulatedPromptResponse(this.rt);
    response.button = answer.button;
    response.text = answer.text ?? '';
    return this.rt.wrap(response, 'PromptResponse');
  }

  showSidebar(userInterface: GasHtmlOutput): void {
    const output = this.rt.expectInstance(userInterface, EmulatedHtmlOutput, 'Ui.showSidebar', [userInterface]);
    this.rt.ui.sidebars.push({ kind: 'sidebar', title: output.title, html: output.content, width: output.width });
  }

  showModalDialog(userInterface: GasHtmlOutput, title: string): void {
    this.#dialog('modal', userInterface, title);
  }

  showModelessDialog(userInterface: GasHtmlOutput, title: string): void {
    this.#dialog('modeless', userInterface, title);
  }

  #dialog(kind: 'modal' | 'modeless', userInterface: GasHtmlOutput, title: string): void {
    const method = kind === 'modal' ? 'Ui.showModalDialog' : 'Ui.showModelessDialog';
    const output = this.rt.expectInstance(userInterface, EmulatedHtmlOutput, method, [userInterface, title]);
    this.rt.ui.dialogs.push({
      kind,
      title: String(title),
      html: output.content,
      width: output.width,
      height: output.height,
    });
  }

  #ask(kind: 'alert' | 'prompt', args: readonly unknown[]): { button: string; text?: string } {
    const [title, prompt, buttonSet] =
      args.length >= 3 ? [args[0], args[1], args[2]] : args.length === 2 ? ['', args[0], args[1]] : ['', args[0], 'OK'];
    const buttons = enumName(ButtonSet, buttonSet);
    if (typeof prompt !== 'string' || typeof title !== 'string' || !buttons) throw signatureError(`Ui.${kind}`, args);
    const response = this.rt.ui.nextResponse(buttons);
    this.rt.ui.alerts.push({ kind, title, prompt, buttons, response: response.button });
    return response;
  }
}
