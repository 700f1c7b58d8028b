'use client';

import { signOut } from 'next-auth/react';

export function SignOutButton() {
  return (
    <button type="button" className="usa-button usa-button--unstyled padding-y-1" onClick={() => void signOut({ callbackUrl: '/login' })}>
      Sign out
    </button>
  );
}
