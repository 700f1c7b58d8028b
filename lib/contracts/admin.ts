/**
 * What the administration and account endpoints answer that the browser reads. Endpoints whose
 * answer the browser does not read (it refreshes the page instead) are typed `unknown` by their
 * fetchers, so nothing comes to depend on a shape no one promised.
 */

/** POST /api/admin/users: the new account and its temporary password, shown once. */
export type CreatedAccount = { user: { id: number; email: string }; temporaryPassword: string };

/** POST /api/admin/users/:id/password-reset: the new temporary password, shown once. */
export type PasswordReset = { temporaryPassword: string };

/** POST /api/admin/users/:id/passkeys-reset: how many passkeys stopped working. */
export type PasskeysReset = { removed: number };

/**
 * GET and POST /api/session: when the session ends, by the server's clock (`now`), in epoch
 * milliseconds; a 401 says why it has ended (`reason`).
 */
export type SessionTimes = { idleExpiresAt: number; absoluteExpiresAt: number; now: number };
