'use client';

import { useState } from 'react';
import { signIn } from 'next-auth/react';
import { Alert, Button, Fieldset, Form, Label, TextInput } from '@trussworks/react-uswds';
import { signInErrorMessage } from '@/lib/validations/auth';

type Props = { callbackPath: string; initialError: string | null };

export function LoginForm({ callbackPath, initialError }: Props) {
  const [error, setError] = useState<string | null>(initialError);
  const [pending, setPending] = useState(false);

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    setPending(true);
    setError(null);
    const result = await signIn('credentials', {
      email: String(data.get('email') ?? ''),
      password: String(data.get('password') ?? ''),
      redirect: false,
    });
    if (result?.ok && !result.error) {
      // A full navigation, so every server component renders for the new user.
      window.location.assign(callbackPath);
      return;
    }
    setPending(false);
    setError(signInErrorMessage(result?.error ?? 'CredentialsSignin'));
  }

  return (
    <Form onSubmit={onSubmit} large>
      <div aria-live="assertive" role="alert" data-testid="sign-in-error">
        {error ? (
          <Alert type="error" headingLevel="h2" heading="Sign-in failed" slim={false}>
            {error}
          </Alert>
        ) : null}
      </div>
      <Fieldset legend="Sign in" legendStyle="large">
        <Label htmlFor="email">E-mail address</Label>
        <TextInput id="email" name="email" type="email" autoComplete="username" required autoCapitalize="off" spellCheck={false} />
        <Label htmlFor="password">Password</Label>
        <TextInput id="password" name="password" type="password" autoComplete="current-password" required />
        <Button type="submit" disabled={pending}>
          {pending ? 'Signing in…' : 'Sign in'}
        </Button>
      </Fieldset>
    </Form>
  );
}
