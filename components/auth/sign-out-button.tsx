'use client';

import { signOut } from '@/lib/auth-client';

export function SignOutButton() {
  return (
    <button type="button" className="usa-button usa-button--unstyled padding-y-1" onClick={() => void signOut('/login')}>
      Sign out
    </button>
  );
}
