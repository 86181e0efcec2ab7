/** What the add-on showed the user in one execution: menus, alerts, toasts, sidebars and dialogs. */

export type MenuEntry =
  | { readonly kind: 'item'; readonly caption: string; readonly functionName: string }
  | { readonly kind: 'separator' }
  | { readonly kind: 'submenu'; readonly menu: MenuRecord };

export interface MenuRecord {
  /** The caption of a createMenu menu; null for the add-on's own menu (createAddonMenu), which Sheets titles. */
  readonly title: string | null;
  readonly addon: boolean;
  readonly entries: readonly MenuEntry[];
}

export interface AlertRecord {
  readonly kind: 'alert' | 'prompt';
  readonly title: string;
  readonly prompt: string;
  /** The ButtonSet name: OK, OK_CANCEL, YES_NO or YES_NO_CANCEL. */
  readonly buttons: string;
  /** The Button the (emulated) user pressed. */
  readonly response: string;
}

export interface ToastRecord {
  readonly message: string;
  readonly title: string;
  readonly timeoutSeconds: number;
}

export interface HtmlShownRecord {
  readonly kind: 'sidebar' | 'modal' | 'modeless';
  readonly title: string;
  readonly html: string;
  readonly width?: number;
  readonly height?: number;
}

export interface UserResponse {
  readonly button: string;
  readonly text?: string;
}

export class UiRecorder {
  readonly menus: MenuRecord[] = [];
  readonly alerts: AlertRecord[] = [];
  readonly toasts: ToastRecord[] = [];
  readonly sidebars: HtmlShownRecord[] = [];
  readonly dialogs: HtmlShownRecord[] = [];
  private readonly responses: UserResponse[] = [];

  /** The add-on menu as last added with addToUi, if any. */
  addonMenu(): MenuRecord | undefined {
    return this.menus.find((menu) => menu.addon);
  }

  /** Queues what the user answers to the next alert or prompt (default: OK, or YES for a YES_NO set). */
  respond(button: string, text?: string): void {
    this.responses.push({ button, text });
  }

  /** Sheets shows one menu per title: adding it again replaces it. */
  addMenu(menu: MenuRecord): void {
    const at = this.menus.findIndex((m) => m.addon === menu.addon && m.title === menu.title);
    if (at >= 0) this.menus[at] = menu;
    else this.menus.push(menu);
  }

  nextResponse(buttons: string): UserResponse {
    return this.responses.shift() ?? { button: buttons.startsWith('YES') ? 'YES' : 'OK', text: '' };
  }
}
