import type { z } from 'zod';
import { ApiError, badRequest, invalidInput } from './errors';

export const MAX_BODY_BYTES = 1_000_000;

/** A request body as the handler's schema wants it, or the 400 that names what is wrong. */
export function parseJsonBody<B>(text: string, schema: z.ZodType<B>): B {
  if (Buffer.byteLength(text) > MAX_BODY_BYTES) {
    throw badRequest('The request body is larger than 1 MB.', { _: ['The request body is too large.'] });
  }
  let raw: unknown;
  try {
    raw = text.trim() === '' ? {} : JSON.parse(text);
  } catch {
    throw new ApiError(400, 'invalid_json', 'The request body is not valid JSON.', { _: ['Malformed JSON.'] });
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success) throw invalidInput(parsed.error);
  return parsed.data;
}
