/**
 * Every route handler goes through apiRoute: origin check for writes → session (re-read from the
 * database) → zod on query and body → the handler → JSON. Errors become the JSON shape of
 * ./http-errors.ts (the README's API section), refusals are audited, and nothing a caller sends
 * can produce a 500.
 */
import 'server-only';
import { NextResponse, type NextRequest } from 'next/server';
import type { z } from 'zod';
import { getRequestSession, peekRequestSession } from '@/lib/server/auth';
import { SESSION_PROBLEM_MESSAGES } from '@/lib/session-messages';
import type { SessionUser } from '@/lib/authorization';
import { DomainError, forbidden, invalid, invalidInput, notFound, toRecord, unauthenticated, type DomainErrorKind } from '@/lib/errors';
import { clientAddress, isSameOriginWrite } from '@/lib/server/request';
import { recordRequestRefusal } from '@/lib/server/refusals';
import { parseJsonBody, readBodyText } from './body';

const MUTATING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

// Next passes the path's segments as strings; the params schema turns them into P (a number id, …).
type Context = { params: Promise<unknown> };

type Args<Q, B, P> = { request: NextRequest; user: SessionUser; query: Q; body: B; params: P };

type Config<Q, B, P> = {
  query?: z.ZodType<Q>;
  body?: z.ZodType<B>;
  params?: z.ZodType<P>;
  /**
   * A check on the user alone (role), made before the body is read: a caller who may not use the
   * endpoint at all is refused (403) whatever they send.
   */
  allow?: (user: SessionUser) => boolean;
  /** Open to a user who must choose a new password before anything else (their own account). */
  allowPendingPasswordChange?: boolean;
  /**
   * Open to a user who signed in with a password and must still prove (or enrol) a passkey, as the
   * sign-in policy requires of their role: the passkey step's own endpoints.
   */
  allowSignInStep?: boolean;
  /**
   * The request is the page asking for something in the background (the unread count), not the
   * person being there: it does not restart the session's idle clock.
   */
  notActivity?: boolean;
};

export function apiRoute<Q = Record<string, never>, B = undefined, P = Record<string, string>>(
  config: Config<Q, B, P>,
  handler: (args: Args<Q, B, P>) => Promise<unknown> | unknown,
) {
  return async (request: NextRequest, context: Context): Promise<Response> => {
    let user: SessionUser | null = null;
    try {
      if (MUTATING.has(request.method) && !isSameOriginWrite(request.headers)) throw forbidden('Requests from another origin are refused.');
      const session = config.notActivity ? await peekRequestSession() : await getRequestSession();
      if (!session.user) {
        throw unauthenticated(session.problem === 'none' ? undefined : SESSION_PROBLEM_MESSAGES[session.problem]);
      }
      user = session.user;
      if (user.signInStep && !config.allowSignInStep) {
        throw forbidden('Your role must sign in with a passkey: finish signing in at /login/passkey first.', 'passkey_required');
      }
      if (user.mustChangePassword && !config.allowPendingPasswordChange) {
        throw forbidden('Choose a new password on your account page first.', 'password_change_required');
      }
      if (config.allow && !config.allow(user)) throw forbidden();
      const query = parseQuery(request, config.query);
      const body = MUTATING.has(request.method) && config.body ? await parseBody(request, config.body) : (undefined as B);
      const params = parseParams(await context.params, config.params);
      const result = await handler({ request, user, query, body, params });
      return result instanceof Response ? noStore(result) : json(result, 200);
    } catch (error) {
      return errorResponse(error, request, user);
    }
  };
}

/**
 * A route that works without signing in, because the address itself carries a secret (a calendar
 * feed, an unsubscribe link): query and path are checked like any other, errors answered the same
 * way. Writes through it do not require the app's origin (mail clients post from anywhere); the
 * handler must check its secret before it changes anything.
 */
export function publicRoute<Q = Record<string, never>, P = Record<string, string>>(
  config: { query?: z.ZodType<Q>; params?: z.ZodType<P> },
  handler: (args: { request: NextRequest; query: Q; params: P }) => Promise<unknown> | unknown,
) {
  return async (request: NextRequest, context: Context): Promise<Response> => {
    try {
      const query = parseQuery(request, config.query);
      const params = parseParams(await context.params, config.params);
      const result = await handler({ request, query, params });
      return result instanceof Response ? noStore(result) : json(result, 200);
    } catch (error) {
      return errorResponse(error, request, null);
    }
  };
}

export function json(data: unknown, status = 200): Response {
  return NextResponse.json(data, { status, headers: { 'Cache-Control': 'no-store' } });
}

function noStore(response: Response): Response {
  response.headers.set('Cache-Control', 'no-store');
  return response;
}

function parseParams<P>(raw: unknown, schema?: z.ZodType<P>): P {
  if (!schema) return (raw ?? {}) as P;
  const parsed = schema.safeParse(raw ?? {});
  if (!parsed.success) throw notFound('The resource');
  return parsed.data;
}

/**
 * The query string checked against its schema (400 naming every bad field). apiRoute does this
 * before the handler; a handler that must refuse a role before reading its input calls it itself.
 */
export function parseQuery<Q>(request: NextRequest, schema?: z.ZodType<Q>): Q {
  if (!schema) return {} as Q;
  // Keys are the caller's: a map, so that `__proto__` or `constructor` is only a name.
  const raw = new Map<string, string>();
  const repeated = new Set<string>();
  request.nextUrl.searchParams.forEach((value, key) => {
    if (raw.has(key)) repeated.add(key);
    raw.set(key, value);
  });
  if (repeated.size > 0) {
    // Which of two values was meant is the caller's to say, not ours to guess.
    const names = [...repeated];
    throw invalid(
      `Invalid input: ${names.join(', ')}.`,
      toRecord(new Map(names.map((name) => [name, [`Give ${name} once; it was given more than once.`]]))),
    );
  }
  const parsed = schema.safeParse(toRecord(raw));
  if (!parsed.success) throw invalidInput(parsed.error);
  return parsed.data;
}

async function parseBody<B>(request: NextRequest, schema: z.ZodType<B>): Promise<B> {
  return parseJsonBody(await readBodyText(request), schema);
}

const STATUS_OF: Record<DomainErrorKind, number> = {
  invalid: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  too_large: 413,
  rate_limited: 429,
};

function errorResponse(error: unknown, request: NextRequest, user: SessionUser | null): Response {
  if (error instanceof DomainError && (error.kind === 'unauthenticated' || error.kind === 'forbidden')) {
    // A refusal is recorded, within the caller's allowance of refusals; past it the answer is 429.
    const limited = recordRequestRefusal({
      status: STATUS_OF[error.kind],
      user,
      address: clientAddress(request.headers),
      method: request.method,
      path: request.nextUrl.pathname,
      reason: error.message,
    });
    if (limited) return errorResponse(limited, request, user);
  }
  if (error instanceof DomainError) {
    const { fields, retryAfterSeconds, extra } = error.details;
    const response = json({ error: { code: error.code, message: error.message, ...(fields ? { fields } : {}) }, ...extra }, STATUS_OF[error.kind]);
    if (retryAfterSeconds !== undefined) response.headers.set('Retry-After', String(retryAfterSeconds));
    return response;
  }
  console.error('Unhandled error in', request.method, request.nextUrl.pathname, error);
  return json({ error: { code: 'internal', message: 'Something went wrong on the server. Nothing was changed.' } }, 500);
}
