/**
 * What the sign-in form says for each error code next-auth hands back. One message for any wrong
 * pair. Kept apart from lib/validations/auth.ts so the form does not carry zod to the browser.
 */
export function signInErrorMessage(code: string | null | undefined): string | null {
  if (!code) return null;
  switch (code) {
    case 'AccountLocked':
      return 'Too many failed sign-in attempts for this account. Wait 15 minutes, then try again.';
    case 'PasskeyRefused':
      return 'That passkey could not be used to sign in here. Try again, use another passkey, or sign in with your password.';
    case 'PasskeyCancelled':
      return 'The passkey prompt was closed or timed out. Try again when you are ready.';
    case 'SsoNoAccount':
      return 'You signed in at your identity provider, but there is no account here for that e-mail address. Ask your secretariat for an account.';
    case 'SsoWeakAcr':
      return 'Your identity provider did not confirm a phishing-resistant method (a security key, PIV/CAC card or passkey). Sign in there with one, then try again.';
    case 'SsoLinkedElsewhere':
      return 'The account for that e-mail address is already linked to another identity at your provider. Ask your secretariat.';
    case 'OAuthCallback':
    case 'OAuthSignin':
      return 'Single sign-on did not complete. Try again.';
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
