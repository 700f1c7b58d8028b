/**
 * What the sign-in form says for each error code next-auth hands back. One message for any wrong
 * pair. Kept apart from lib/validations/auth.ts so the form does not carry zod to the browser.
 */
export function signInErrorMessage(code: string | null | undefined): string | null {
  if (!code) return null;
  switch (code) {
    case 'AccountLocked':
      return 'Too many failed sign-in attempts for this account. Wait 15 minutes, then try again.';
    case 'RateLimited':
      return 'Too many sign-in attempts from this network. Wait a few minutes, then try again.';
    case 'DemoAccountsDisabled':
      return 'Demonstration accounts are turned off on this server.';
    case 'SessionRequired':
      return null;
    default:
      return 'The e-mail address or password is incorrect.';
  }
}
