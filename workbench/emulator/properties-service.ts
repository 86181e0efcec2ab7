/** PropertiesService: document and script properties belong to the workbook, user properties to each user of it. */

import { signatureError } from './apps-script-errors';
import { type Runtime, ServiceObject } from './execution-runtime';

type GasProperties = GoogleAppsScript.Properties.Properties;
type GasPropertiesService = GoogleAppsScript.Properties.PropertiesService;

/** Properties are strings: every value is stored as String(value). */
class EmulatedProperties extends ServiceObject<GasProperties> implements GasProperties {
  constructor(
    rt: Runtime,
    readonly store: Map<string, string>,
  ) {
    super(rt);
  }

  getProperty(key: string): string | null {
    return this.store.get(String(key)) ?? null;
  }

  setProperty(key: string, value: string): GasProperties {
    if (typeof key !== 'string') throw signatureError('Properties.setProperty', [key, value]);
    this.store.set(key, String(value));
    return this.self;
  }

  deleteProperty(key: string): GasProperties {
    this.store.delete(String(key));
    return this.self;
  }

  getProperties(): { [key: string]: string } {
    return Object.fromEntries(this.store);
  }

  setProperties(properties: { [key: string]: string }, deleteAllOthers?: boolean): GasProperties {
    if (typeof properties !== 'object' || properties === null)
      throw signatureError('Properties.setProperties', [properties]);
    if (deleteAllOthers) this.store.clear();
    for (const [key, value] of Object.entries(properties)) this.store.set(key, String(value));
    return this.self;
  }

  getKeys(): string[] {
    return [...this.store.keys()];
  }

  deleteAllProperties(): GasProperties {
    this.store.clear();
    return this.self;
  }
}

export class EmulatedPropertiesService extends ServiceObject<GasPropertiesService> implements GasPropertiesService {
  getDocumentProperties(): GasProperties {
    return this.rt.wrap(new EmulatedProperties(this.rt, this.rt.workbook.documentProperties), 'Properties');
  }

  getScriptProperties(): GasProperties {
    return this.rt.wrap(new EmulatedProperties(this.rt, this.rt.workbook.scriptProperties), 'Properties');
  }

  getUserProperties(): GasProperties {
    return this.rt.wrap(
      new EmulatedProperties(this.rt, this.rt.workbook.userProperties(this.rt.options.user)),
      'Properties',
    );
  }
}
