/**
 * Errors of the domain, not of HTTP: the data layer, validation and request plumbing throw these,
 * and only the route-handler wrapper (lib/server/handler.ts) turns a kind into a status code.
 * The answer's JSON is `{ "error": { "code", "message", "fields"? }, ...extra }`, as the README's API section documents it.
 */
import type { z } from 'zod';

export type DomainErrorKind = 'invalid' | 'unauthenticated' | 'forbidden' | 'not_found' | 'conflict' | 'too_large' | 'rate_limited';

/** Every failing field with its messages, keyed by the field's (dotted) name; `_` is the whole input. */
export type FieldErrors = Record<string, string[]>;

export type DomainErrorDetails = {
  /** Every failing field with its messages (invalid). */
  fields?: FieldErrors;
  /** When the caller may try again (rate_limited). */
  retryAfterSeconds?: number;
  /**
   * A code more particular than the kind's own, for callers that act on it (report_incomplete,
   * invalid_json, passkey_required): the kind still decides the status.
   */
  code?: string;
  /** More keys the answer carries beside `error` (a conflict's `current` record, an incomplete report's `missing`). */
  extra?: Record<string, unknown>;
};

/** The code an answer carries when the error names none of its own. */
const CODE_OF_KIND: Record<DomainErrorKind, string> = {
  invalid: 'invalid_input',
  unauthenticated: 'unauthenticated',
  forbidden: 'forbidden',
  not_found: 'not_found',
  conflict: 'conflict',
  too_large: 'too_large',
  rate_limited: 'rate_limited',
};

export class DomainError extends Error {
  constructor(
    readonly kind: DomainErrorKind,
    message: string,
    readonly details: DomainErrorDetails = {},
  ) {
    super(message);
    this.name = 'DomainError';
  }

  get code(): string {
    return this.details.code ?? CODE_OF_KIND[this.kind];
  }

  get fields(): FieldErrors | undefined {
    return this.details.fields;
  }

  get extra(): Record<string, unknown> | undefined {
    return this.details.extra;
  }
}

/** Input the domain refuses; `more` gives a particular code or extra keys (an incomplete report's gaps). */
export const invalid = (message: string, fields?: FieldErrors, more: Pick<DomainErrorDetails, 'code' | 'extra'> = {}) =>
  new DomainError('invalid', message, { fields, ...more });
export const unauthenticated = (message = 'Sign in to use this endpoint.') => new DomainError('unauthenticated', message);
export const forbidden = (message = 'You are not allowed to do this.', code?: string) => new DomainError('forbidden', message, { code });
export const notFound = (what: string) => new DomainError('not_found', `${what} was not found.`);
export const conflict = (message: string, extra?: Record<string, unknown>) => new DomainError('conflict', message, { extra });

export const rateLimited = (message: string, retryAfterSeconds: number) => new DomainError('rate_limited', message, { retryAfterSeconds });

export const tooLarge = (message: string) => new DomainError('too_large', message, { fields: { _: ['The request body is too large.'] } });

/** Why the server refuses fields that callers sometimes send. */
const REFUSED_FIELDS: Record<string, string> = {
  id: 'Set by the server; it cannot be sent.',
  createdAt: 'Set by the server; it cannot be sent.',
  updatedAt: 'Set by the server; it cannot be sent.',
  lastUpdateAt: 'Set by the server; it cannot be sent.',
  createdById: 'Set by the server; it cannot be sent.',
  version: 'The version is set by the server; send it only as the version you edited (PATCH).',
  status: 'Change status with a progress update (POST /api/deliverables/:id/updates).',
  progress: 'Change progress with a progress update (POST /api/deliverables/:id/updates).',
};

/**
 * Every failing field with all its messages (each once), keyed by its dotted path ("measure.target"). The keys
 * are the caller's own field names, `__proto__`, `constructor` and `toString` among them: the map
 * is built without a prototype (and read with Object.hasOwn) so that no name means anything else.
 */
export function fieldErrors(error: z.ZodError): FieldErrors {
  const fields = new Map<string, string[]>();
  const add = (key: string, message: string) => {
    const list = fields.get(key);
    if (!list) fields.set(key, [message]);
    else if (!list.includes(message)) list.push(message);
  };
  for (const issue of error.issues) {
    const prefix = issue.path.map(String).join('.');
    if (issue.code === 'unrecognized_keys') {
      // A field the caller may not send is named like any other bad field.
      for (const key of issue.keys) {
        add(prefix ? `${prefix}.${key}` : key, Object.hasOwn(REFUSED_FIELDS, key) ? REFUSED_FIELDS[key]! : 'This field is not accepted here.');
      }
      continue;
    }
    add(prefix || '_', issue.message);
  }
  return toRecord(fields);
}

/** A plain record for JSON from a Map whose keys a caller chose: no prototype, so `__proto__` is just a key. */
export function toRecord<V>(map: Map<string, V>): Record<string, V> {
  const record = Object.create(null) as Record<string, V>;
  for (const [key, value] of map) record[key] = value;
  return record;
}

/** The refusal of input that failed its schema, naming every bad field. */
export function invalidInput(error: z.ZodError): DomainError {
  const fields = fieldErrors(error);
  const names = Object.keys(fields).filter((k) => k !== '_');
  const message = names.length ? `Invalid input: ${names.join(', ')}.` : (fields['_']?.[0] ?? 'Invalid input.');
  return invalid(message, fields);
}
