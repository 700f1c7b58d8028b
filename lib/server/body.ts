import type { z } from 'zod';
import { invalid, invalidInput, tooLarge } from '@/lib/errors';

export const MAX_BODY_BYTES = 1_000_000;

const TOO_LARGE = 'The request body is larger than 1 MB.';

/**
 * The request body as text, read as it arrives and refused (413) as soon as it passes
 * MAX_BODY_BYTES, so a caller cannot make the server hold hundreds of megabytes first. A declared
 * Content-Length over the limit is refused before anything is read.
 */
export async function readBodyText(request: Request): Promise<string> {
  if (Number(request.headers.get('content-length') ?? 0) > MAX_BODY_BYTES) throw tooLarge(TOO_LARGE);
  if (!request.body) return '';
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > MAX_BODY_BYTES) {
      await reader.cancel().catch(() => undefined);
      throw tooLarge(TOO_LARGE);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/** A request body as the handler's schema wants it, or the 400 that names what is wrong. */
export function parseJsonBody<B>(text: string, schema: z.ZodType<B>): B {
  if (Buffer.byteLength(text) > MAX_BODY_BYTES) throw tooLarge(TOO_LARGE);
  let raw: unknown;
  try {
    raw = text.trim() === '' ? {} : JSON.parse(text);
  } catch {
    throw invalid('The request body is not valid JSON.', { _: ['Malformed JSON.'] }, { code: 'invalid_json' });
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success) throw invalidInput(parsed.error);
  return parsed.data;
}
