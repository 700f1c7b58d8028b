/**
 * The signed-in browser's session clock. GET says when the session will end without counting as
 * activity (the idle warning asks it); POST is "Stay signed in" and starts the idle clock again.
 */
import { extendSession } from '@/db/queries/sessions';
import { apiRoute, json } from '@/lib/server/handler';
import { unauthenticated } from '@/lib/errors';
import { peekRequestSession } from '@/lib/server/auth';
import { SESSION_PROBLEM_MESSAGES } from '@/lib/session-messages';

export async function GET() {
  const session = await peekRequestSession();
  if (!session.user) {
    const message = session.problem === 'none' ? 'You are not signed in.' : SESSION_PROBLEM_MESSAGES[session.problem];
    return json({ error: { code: 'unauthenticated', message }, reason: session.problem }, 401);
  }
  return json({ ...session.times, now: Date.now() });
}

export const POST = apiRoute({ allowPendingPasswordChange: true }, async () => {
  const session = await peekRequestSession();
  const times = session.user ? extendSession(session.sessionId) : null;
  if (!times) throw unauthenticated();
  return { ...times, now: Date.now() };
});
