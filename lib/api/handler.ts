/**
 * Every route handler goes through apiRoute: origin check for writes → session (re-read from the
 * database) → zod on query and body → the handler → JSON. Errors become DESIGN.md's JSON shape,
 * refusals are audited, and nothing a caller sends can produce a 500.
 */
import 'server-only';
import { NextResponse, type NextRequest } from 'next/server';
import type { z } from 'zod';
import { getRequestSession } from '@/lib/auth';
import { SESSION_PROBLEM_MESSAGES } from '@/lib/session-messages';
import type { SessionUser } from '@/lib/authorization';
import { recordDenied } from '@/db/queries/audit';
import { parseJsonBody } from './body';
import { ApiError, forbidden, invalidInput, notFound, unauthenticated } from './errors';

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
};

export function apiRoute<Q = Record<string, never>, B = undefined, P = Record<string, string>>(
  config: Config<Q, B, P>,
  handler: (args: Args<Q, B, P>) => Promise<unknown> | unknown,
) {
  return async (request: NextRequest, context: Context): Promise<Response> => {
    let user: SessionUser | null = null;
    try {
      if (MUTATING.has(request.method)) assertSameOrigin(request);
      const session = await getRequestSession();
      if (!session.user) {
        throw unauthenticated(session.problem === 'none' ? undefined : SESSION_PROBLEM_MESSAGES[session.problem]);
      }
      user = session.user;
      if (user.mustChangePassword && !config.allowPendingPasswordChange) {
        throw new ApiError(403, 'password_change_required', 'Choose a new password on your account page first.');
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

export function json(data: unknown, status = 200): Response {
  return NextResponse.json(data, { status, headers: { 'Cache-Control': 'no-store' } });
}

function noStore(response: Response): Response {
  response.headers.set('Cache-Control', 'no-store');
  return response;
}

/** A browser's write from another site (or from an opaque `null` origin) is refused. */
function assertSameOrigin(request: NextRequest) {
  const origin = request.headers.get('origin');
  if (origin === null) return; // Not a browser cross-site request (curl, server-to-server).
  const host = request.headers.get('x-forwarded-host') ?? request.headers.get('host');
  let originHost: string | null = null;
  try {
    originHost = origin === 'null' ? null : new URL(origin).host;
  } catch {
    originHost = null;
  }
  if (!host || originHost !== host) throw forbidden('Requests from another origin are refused.');
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
  const raw: Record<string, string> = {};
  request.nextUrl.searchParams.forEach((value, key) => {
    raw[key] = value;
  });
  const parsed = schema.safeParse(raw);
  if (!parsed.success) throw invalidInput(parsed.error);
  return parsed.data;
}

async function parseBody<B>(request: NextRequest, schema: z.ZodType<B>): Promise<B> {
  return parseJsonBody(await request.text(), schema);
}

function errorResponse(error: unknown, request: NextRequest, user: SessionUser | null): Response {
  if (error instanceof ApiError) {
    if (error.status === 403) {
      recordDenied(user, request.method, request.nextUrl.pathname, error.message);
    }
    return json(
      { error: { code: error.code, message: error.message, ...(error.fields ? { fields: error.fields } : {}) }, ...error.extra },
      error.status,
    );
  }
  console.error('Unhandled error in', request.method, request.nextUrl.pathname, error);
  return json({ error: { code: 'internal', message: 'Something went wrong on the server. Nothing was changed.' } }, 500);
}
