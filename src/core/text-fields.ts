/** The rules every text a form sends must pass before it is stored in a cell: type, presence, length, characters, list. */

/** A problem with one field; `field` is the column header it belongs to (`Company`, `Problem`, ...). */
export interface FieldError {
  readonly field: string;
  readonly message: string;
}

// Characters a cell does not keep as typed: C0 controls but tab and line feed, DEL, a carriage return, U+FFFE and
// U+FFFF, and a surrogate without its pair. Refused so that what was saved is what comes back.
export const UNKEPT =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is what it is for.
  /[\u0000-\u0008\u000B-\u001F\u007F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** What is wrong with a text field's value, or undefined when it may be stored. */
export function textFieldError(field: string, value: unknown, max: number, required: boolean): FieldError | undefined {
  if (typeof value !== 'string') return { field, message: `${field} must be text` };
  if (required && value.trim() === '') return { field, message: `${field} is required` };
  if (value.length > max) return { field, message: `${field} is ${value.length} characters long; the limit is ${max}` };
  const unkept = UNKEPT.exec(value);
  if (unkept) {
    const code = unkept[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0');
    return {
      field,
      message: `${field} holds a character a cell does not keep (U+${code}) at character ${unkept.index + 1}; remove it`,
    };
  }
  return undefined;
}

/** A value not in its list (an empty list allows any value; blank is left to the required check). */
export function listError(field: string, value: string, allowed: readonly string[]): FieldError | undefined {
  if (value === '' || allowed.length === 0 || allowed.includes(value)) return undefined;
  return { field, message: `${field} "${value}" is not in the list; pick one of ${allowed.join(', ')}` };
}
