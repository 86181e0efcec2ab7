/** Protection of a range or a whole sheet: description, warning-only, editors. Script writes are never blocked by it. */

import { asEnum } from './apps-script-enums';
import { signatureError } from './apps-script-errors';
import { MODEL, type Runtime, ServiceObject } from './execution-runtime';

import type { ProtectionModel } from './sheet-model';

type GasProtection = GoogleAppsScript.Spreadsheet.Protection;
type GasUser = GoogleAppsScript.Base.User;

type SupportedProtectionMethods =
  | 'addEditor'
  | 'addEditors'
  | 'canDomainEdit'
  | 'canEdit'
  | 'getDescription'
  | 'getEditors'
  | 'getProtectionType'
  | 'getRange'
  | 'getUnprotectedRanges'
  | 'isWarningOnly'
  | 'remove'
  | 'removeEditor'
  | 'removeEditors'
  | 'setDescription'
  | 'setDomainEdit'
  | 'setRange'
  | 'setUnprotectedRanges'
  | 'setWarningOnly';

export class EmulatedUser extends ServiceObject<GasUser> implements Pick<GasUser, 'getEmail'> {
  constructor(
    rt: Runtime,
    readonly email: string,
  ) {
    super(rt);
  }

  get [MODEL](): string {
    return this.email;
  }

  getEmail(): string {
    return this.email;
  }
}

const emailOf = (rt: Runtime, user: unknown) => rt.modelOf(user, 'User') ?? String(user);

export class EmulatedProtection
  extends ServiceObject<GasProtection>
  implements Pick<GasProtection, SupportedProtectionMethods>
{
  constructor(
    rt: Runtime,
    readonly model: ProtectionModel,
  ) {
    super(rt);
  }

  getProtectionType(): GoogleAppsScript.Spreadsheet.ProtectionType {
    return asEnum(this.model.type);
  }

  getRange(): GoogleAppsScript.Spreadsheet.Range {
    return this.rt.objects.range(this.model.area.sheet, this.model.area);
  }

  setRange(range: GoogleAppsScript.Spreadsheet.Range): GasProtection {
    this.model.area = this.rt.expect(range, 'Range', 'Protection.setRange', [range]);
    return this.self;
  }

  getDescription(): string {
    return this.model.description;
  }

  setDescription(description: string): GasProtection {
    this.model.description = String(description);
    return this.self;
  }

  isWarningOnly(): boolean {
    return this.model.warningOnly;
  }

  setWarningOnly(warningOnly: boolean): GasProtection {
    this.model.warningOnly = Boolean(warningOnly);
    return this.self;
  }

  canDomainEdit(): boolean {
    return this.model.domainEdit;
  }

  setDomainEdit(editable: boolean): GasProtection {
    this.model.domainEdit = Boolean(editable);
    return this.self;
  }

  /** The owner (the user running the script) can always edit. */
  canEdit(): boolean {
    return this.model.warningOnly || this.model.editors.includes(this.rt.options.user);
  }

  getEditors(): GasUser[] {
    return this.model.editors.map((email) => this.rt.objects.user(email));
  }

  addEditor(emailAddress: string | GasUser): GasProtection {
    return this.addEditors([emailOf(this.rt, emailAddress)]);
  }

  addEditors(emailAddresses: string[]): GasProtection {
    if (!Array.isArray(emailAddresses)) throw signatureError('Protection.addEditors', [emailAddresses]);
    for (const email of emailAddresses.map(String))
      if (!this.model.editors.includes(email)) this.model.editors.push(email);
    return this.self;
  }

  removeEditor(emailAddress: string | GasUser): GasProtection {
    return this.removeEditors([emailOf(this.rt, emailAddress)]);
  }

  removeEditors(emailAddresses: (string | GasUser)[]): GasProtection {
    const removed = new Set(emailAddresses.map((user) => emailOf(this.rt, user)));
    this.model.editors = this.model.editors.filter((email) => !removed.has(email));
    return this.self;
  }

  getUnprotectedRanges(): GoogleAppsScript.Spreadsheet.Range[] {
    return this.model.unprotected.map((area) => this.rt.objects.range(area.sheet, area));
  }

  setUnprotectedRanges(ranges: GoogleAppsScript.Spreadsheet.Range[]): GasProtection {
    this.model.unprotected = ranges.map((range) =>
      this.rt.expect(range, 'Range', 'Protection.setUnprotectedRanges', [ranges]),
    );
    return this.self;
  }

  remove(): void {
    const sheet = this.model.area.sheet;
    sheet.protections = sheet.protections.filter((p) => p !== this.model);
  }
}
