import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { LoginForm } from '@/components/auth/login-form';
import { getCurrentUser } from '@/lib/server/auth';
import { AFTER_SIGN_IN_PATH, landingPath } from '@/lib/landing';
import { ssoConfig } from '@/lib/env';
import { sessionProblemMessage } from '@/lib/session-messages';
import { signInErrorMessage } from '@/lib/sign-in-messages';
import { safeCallbackPath } from '@/lib/validations/auth';

export const metadata: Metadata = { title: 'Sign in' };
export const dynamic = 'force-dynamic';

type Props = { searchParams: Promise<{ callbackUrl?: string | string[]; error?: string | string[]; reason?: string | string[] }> };

export default async function LoginPage({ searchParams }: Props) {
  const params = await searchParams;
  const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);
  // Without a page to return to, sign-in leads to /start, which sends each role to its own page.
  const requested = first(params.callbackUrl);
  const callbackPath = requested ? safeCallbackPath(requested) : AFTER_SIGN_IN_PATH;
  const user = await getCurrentUser();
  if (user) redirect(requested ? callbackPath : landingPath(user));
  const notice = sessionProblemMessage(first(params.reason));

  return (
    <main id="main-content" className="grid-container padding-y-6">
      <div className="pitf-login margin-x-auto">
        <h1 className="margin-top-0">PITF Dashboard</h1>
        <p className="usa-intro font-sans-md">
          The shared record of the President&apos;s Interagency Task Force to Monitor and Combat Trafficking in
          Persons.
        </p>
        {notice ? (
          <div className="usa-alert usa-alert--info usa-alert--slim" role="status" data-testid="session-notice">
            <div className="usa-alert__body">
              <p className="usa-alert__text">{notice}</p>
            </div>
          </div>
        ) : null}
        <LoginForm callbackPath={callbackPath} initialError={signInErrorMessage(first(params.error))} ssoName={ssoConfig()?.name ?? null} />
      </div>
    </main>
  );
}
