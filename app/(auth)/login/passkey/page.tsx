import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { PasskeyStep } from '@/components/auth/passkey-step';
import { SignOutButton } from '@/components/auth/sign-out-button';
import { getRequestSession } from '@/lib/server/auth';
import { AFTER_SIGN_IN_PATH } from '@/lib/landing';

export const metadata: Metadata = { title: 'Finish signing in with a passkey' };
export const dynamic = 'force-dynamic';

/**
 * The step after a password for a role that must sign in with a phishing-resistant method: prove
 * a passkey, or enrol a first one when an administrator allowed it. Nothing else opens before.
 */
export default async function PasskeyStepPage() {
  const session = await getRequestSession();
  if (!session.user) redirect('/login');
  const step = session.user.signInStep;
  if (!step) redirect(AFTER_SIGN_IN_PATH);

  return (
    <main id="main-content" className="grid-container padding-y-6">
      <div className="pitf-login margin-x-auto">
        <h1 className="margin-top-0">Finish signing in</h1>
        <p className="usa-intro font-sans-md">
          Your role signs in with a passkey, which cannot be phished. Your password was right; now{' '}
          {step === 'passkey' ? 'use your passkey.' : step === 'enrol' ? 'register a passkey on this device.' : 'you need a passkey.'}
        </p>
        {step === 'no_method' ? (
          <div className="usa-alert usa-alert--warning" role="status" data-testid="passkey-step-blocked">
            <div className="usa-alert__body">
              <h2 className="usa-alert__heading">You have no passkey yet</h2>
              <p className="usa-alert__text">
                Ask the secretariat to let you enrol one. After that, sign in with your password again and register it here.
              </p>
            </div>
          </div>
        ) : (
          <PasskeyStep step={step} />
        )}
        <div className="margin-top-4">
          <SignOutButton />
        </div>
      </div>
    </main>
  );
}
