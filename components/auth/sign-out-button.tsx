'use client';

import { signOut } from 'next-auth/react';
import { Button } from '@trussworks/react-uswds';

export function SignOutButton() {
  return (
    <Button type="button" unstyled className="padding-y-1" onClick={() => void signOut({ callbackUrl: '/login' })}>
      Sign out
    </Button>
  );
}
