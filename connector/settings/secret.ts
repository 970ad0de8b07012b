import { inspect } from 'node:util';

/** What every printout shows in place of a credential. */
export const REDACTED = '[redacted]';

/**
 * A credential that cannot leak by accident: JSON.stringify, String(), template literals,
 * console.log and util.inspect all print REDACTED. Only `reveal()` gives the text, and only
 * the signer and the settings repository call it.
 */
export class Secret {
  readonly #value: string;

  constructor(value: string) {
    this.#value = value;
  }

  reveal(): string {
    return this.#value;
  }

  toJSON(): string {
    return REDACTED;
  }

  toString(): string {
    return REDACTED;
  }

  [inspect.custom](): string {
    return REDACTED;
  }
}
