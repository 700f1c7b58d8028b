'use client';

import { useEffect, useState } from 'react';
import { prefetchCsrfToken, signInWithPasskey, signInWithPassword, signInWithSso } from '@/lib/auth-client';
import { signInErrorMessage } from '@/lib/sign-in-messages';

/** `ssoName`: the identity provider's name for its button (Login.gov, …), or null without single sign-on. */
type Props = { callbackPath: string; initialError: string | null; ssoName: string | null };

export function LoginForm({ callbackPath, initialError, ssoName }: Props) {
  const [error, setError] = useState<string | null>(initialError);
  const [pending, setPending] = useState(false);

  useEffect(prefetchCsrfToken, []);

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    setPending(true);
    setError(null);
    const result = await signInWithPassword(String(data.get('email') ?? ''), String(data.get('password') ?? ''), callbackPath);
    if (result.ok && !result.error) {
      // A full navigation, so every server component renders for the new user.
      window.location.assign(result.destination);
      return;
    }
    setPending(false);
    prefetchCsrfToken();
    setError(signInErrorMessage(result.error ?? 'CredentialsSignin'));
  }

  async function onPasskey() {
    setPending(true);
    setError(null);
    const result = await signInWithPasskey();
    if (result.ok && !result.error) {
      window.location.assign(callbackPath);
      return;
    }
    setPending(false);
    setError(signInErrorMessage(result.error ?? 'PasskeyRefused'));
  }

  return (
    <form className="usa-form usa-form--large" onSubmit={onSubmit}>
      <div aria-live="assertive" role="alert" data-testid="sign-in-error">
        {error ? (
          <div className="usa-alert usa-alert--error">
            <div className="usa-alert__body">
              <h2 className="usa-alert__heading">Sign-in failed</h2>
              <p className="usa-alert__text">{error}</p>
            </div>
          </div>
        ) : null}
      </div>
      <fieldset className="usa-fieldset">
        <legend className="usa-legend--large">Sign in</legend>
        <label className="usa-label" htmlFor="email">
          E-mail address
        </label>
        <input className="usa-input" id="email" name="email" type="email" autoComplete="username" required autoCapitalize="off" spellCheck={false} />
        <label className="usa-label" htmlFor="password">
          Password
        </label>
        <input className="usa-input" id="password" name="password" type="password" autoComplete="current-password" required />
        <button type="submit" className="usa-button" disabled={pending}>
          {pending ? 'Signing in…' : 'Sign in'}
        </button>
      </fieldset>
      {ssoName ? (
        <p className="margin-top-4">
          <button
            type="button"
            className="usa-button usa-button--big"
            disabled={pending}
            onClick={() => {
              setPending(true);
              void signInWithSso(callbackPath);
            }}
          >
            Sign in with {ssoName}
          </button>
        </p>
      ) : null}
      <p className="margin-top-4">Registered a passkey on your account page? Use it instead of a password.</p>
      <button type="button" className="usa-button usa-button--outline" onClick={onPasskey} disabled={pending}>
        Sign in with a passkey
      </button>
    </form>
  );
}
