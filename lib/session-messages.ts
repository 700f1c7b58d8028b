import type { SessionProblem } from '@/lib/domain';

/** Why the user has to sign in again, in the words the sign-in page and the API use. */
export const SESSION_PROBLEM_MESSAGES: Record<SessionProblem, string> = {
  idle: 'You were signed out after 30 minutes without activity. Sign in again to continue.',
  expired: 'Sessions last at most 12 hours. Sign in again to continue.',
  signed_out: 'You signed out. Sign in again to continue.',
  deactivated: 'This account has been deactivated. Ask the secretariat if you need access.',
  account_changed: 'An administrator changed your role or agency. Sign in again to continue with the new access.',
  password_changed: 'Your password was changed. Sign in again with the new password.',
  password_reset: 'An administrator reset your password. Sign in with the temporary password you were given.',
  passkeys_reset: 'An administrator removed your passkeys. Sign in with your password and register a new passkey.',
  unknown: 'Your session is no longer valid. Sign in again to continue.',
};

export function sessionProblemMessage(reason: string | null | undefined): string | null {
  return reason && Object.hasOwn(SESSION_PROBLEM_MESSAGES, reason) ? SESSION_PROBLEM_MESSAGES[reason as SessionProblem] : null;
}
