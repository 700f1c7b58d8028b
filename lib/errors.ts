/**
 * Errors of the domain, not of HTTP: the data layer and request plumbing throw these, and only the
 * route-handler wrapper (lib/server/handler.ts) turns them into status codes.
 */
export type DomainErrorKind = 'invalid' | 'unauthenticated' | 'forbidden' | 'not_found' | 'conflict' | 'too_large' | 'rate_limited';

export type DomainErrorDetails = {
  /** Every failing field with its messages (invalid). */
  fields?: Record<string, string[]>;
  /** When the caller may try again (rate_limited). */
  retryAfterSeconds?: number;
};

export class DomainError extends Error {
  constructor(
    readonly kind: DomainErrorKind,
    message: string,
    readonly details: DomainErrorDetails = {},
  ) {
    super(message);
  }
}

export const rateLimited = (message: string, retryAfterSeconds: number) => new DomainError('rate_limited', message, { retryAfterSeconds });

export const tooLarge = (message: string) => new DomainError('too_large', message, { fields: { _: ['The request body is too large.'] } });
