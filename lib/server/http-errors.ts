/**
 * The API's error shape, as the README's API section documents it: `{ "error": { "code", "message", "fields"? } }`.
 * Throw an ApiError anywhere under a route handler; the wrapper in handler.ts answers with it.
 */
import type { z } from 'zod';

export type FieldErrors = Record<string, string[]>;

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly fields?: FieldErrors,
    readonly extra?: Record<string, unknown>,
  ) {
    super(message);
  }
}

export const badRequest = (message: string, fields?: FieldErrors) =>
  new ApiError(400, 'invalid_input', message, fields);
export const unauthenticated = (message = 'Sign in to use this endpoint.') => new ApiError(401, 'unauthenticated', message);
export const forbidden = (message = 'You are not allowed to do this.') => new ApiError(403, 'forbidden', message);
export const notFound = (what: string) => new ApiError(404, 'not_found', `${what} was not found.`);
export const conflict = (message: string, extra?: Record<string, unknown>) =>
  new ApiError(409, 'conflict', message, undefined, extra);

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

export function invalidInput(error: z.ZodError): ApiError {
  const fields = fieldErrors(error);
  const names = Object.keys(fields).filter((k) => k !== '_');
  const message = names.length ? `Invalid input: ${names.join(', ')}.` : (fields['_']?.[0] ?? 'Invalid input.');
  return badRequest(message, fields);
}
