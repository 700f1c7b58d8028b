import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { DomainError, invalidInput } from '@/lib/errors';
import { MAX_BODY_BYTES, parseJsonBody, readBodyText } from './body';

const schema = z.strictObject({ title: z.string() });

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected a refusal');
}

/** A body sent in chunks without a Content-Length, counting how much of it the server pulled. */
function streamedRequest(chunkBytes: number, chunks: number) {
  let pulled = 0;
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (pulled >= chunks) return controller.close();
      pulled++;
      controller.enqueue(new Uint8Array(chunkBytes).fill(0x61));
    },
  });
  const request = new Request('http://localhost/api/x', { method: 'POST', body, duplex: 'half' } as RequestInit);
  return { request, pulled: () => pulled };
}

describe('request bodies', () => {
  it('reads a body under 1 MB whole', async () => {
    const { request } = streamedRequest(1000, 10);
    expect((await readBodyText(request)).length).toBe(10_000);
  });

  it('stops reading a streamed body as soon as it passes 1 MB', async () => {
    // 500 MB offered in 64 KB chunks; the refusal comes after the 16th.
    const { request, pulled } = streamedRequest(65_536, 8_000);
    const error = await rejection(readBodyText(request));
    expect(error).toBeInstanceOf(DomainError);
    expect((error as DomainError).kind).toBe('too_large');
    expect(pulled()).toBeLessThanOrEqual(Math.ceil(MAX_BODY_BYTES / 65_536) + 2);
  });

  it('refuses a declared Content-Length over 1 MB on the header alone', async () => {
    // The body itself is 10 KB: only the declared length can refuse it.
    const { request } = streamedRequest(1000, 10);
    const declared = new Request(request, { headers: { 'content-length': String(MAX_BODY_BYTES + 1) } });
    const error = await rejection(readBodyText(declared));
    expect((error as DomainError).kind).toBe('too_large');
  });

  it('refuses a parsed body over 1 MB', () => {
    expect(() => parseJsonBody(JSON.stringify({ title: 'x'.repeat(1_100_000) }), schema)).toThrow(DomainError);
  });
});

describe('field errors for keys named like Object.prototype members', () => {
  for (const key of ['__proto__', 'constructor', 'toString', 'valueOf', 'hasOwnProperty', 'isPrototypeOf', '__defineGetter__']) {
    it(`names "${key}" as a field that is not accepted`, () => {
      let error: unknown;
      try {
        parseJsonBody(`{"title":"t",${JSON.stringify(key)}:1}`, schema);
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(DomainError);
      const fields = (error as DomainError).fields!;
      expect(Object.keys(fields)).toEqual([key]);
      expect(fields[key]).toEqual(['This field is not accepted here.']);
      expect(JSON.parse(JSON.stringify({ fields })).fields[key]).toEqual(['This field is not accepted here.']);
    });
  }

  it('keeps the refusal reason of a known server-set field', () => {
    const result = schema.safeParse({ title: 't', id: 3 });
    expect(result.success).toBe(false);
    expect(invalidInput(result.error!).fields).toEqual({ id: ['Set by the server; it cannot be sent.'] });
  });
});
