import type { Metadata } from 'next';
import Link from 'next/link';
import { getPreferenceOf } from '@/db/queries/notifications';
import { NOTIFICATION_RULES } from '@/lib/notifications';
import { readUnsubscribeToken } from '@/lib/notification-tokens';

export const metadata: Metadata = { title: 'Stop e-mails' };
export const dynamic = 'force-dynamic';

type Props = { searchParams: Promise<{ token?: string | string[]; done?: string | string[] }> };

/**
 * Where an e-mail's "Stop e-mails of this kind" link leads, without signing in: the signed token
 * names the person and the kind. Opening the page changes nothing (mail scanners open links); the
 * button does.
 */
export default async function UnsubscribePage({ searchParams }: Props) {
  const params = await searchParams;
  const token = Array.isArray(params.token) ? params.token[0] : params.token;
  const named = token ? readUnsubscribeToken(token) : null;
  const current = named && named.kind !== 'digest' ? getPreferenceOf(named.userId, named.kind) : null;

  return (
    <main id="main-content" className="grid-container padding-y-6">
      <div className="pitf-login margin-x-auto">
        <p className="text-bold text-primary-darker margin-top-0">PITF Dashboard</p>
        <h1 className="margin-top-0">Stop e-mails</h1>
        {!named || !current || named.kind === 'digest' ? (
          <div className="usa-alert usa-alert--error usa-alert--slim" role="alert" data-testid="unsubscribe-invalid">
            <div className="usa-alert__body">
              <p className="usa-alert__text">
                This address is not valid, or its account is no longer active. Sign in and choose what is e-mailed to you on your account page.
              </p>
            </div>
          </div>
        ) : params.done && (current.delivery === 'off' || (current.delivery === 'digest' && !current.choices.includes('off'))) ? (
          <div className="usa-alert usa-alert--success" role="status" data-testid="unsubscribe-done">
            <div className="usa-alert__body">
              <h2 className="usa-alert__heading">Done</h2>
              <p className="usa-alert__text">
                {current.delivery === 'off'
                  ? `${current.email} no longer receives e-mails about: ${NOTIFICATION_RULES[named.kind].label.toLowerCase()}. They still appear in the app.`
                  : `${NOTIFICATION_RULES[named.kind].label} cannot be switched off for your role; they now come once a day in your digest to ${current.email}.`}
              </p>
            </div>
          </div>
        ) : (
          <form method="post" action={`/api/unsubscribe?token=${encodeURIComponent(token!)}`} data-testid="unsubscribe-form">
            <input type="hidden" name="return" value="page" />
            <p>
              Stop e-mails to <strong>{current.email}</strong> about: <strong>{NOTIFICATION_RULES[named.kind].label.toLowerCase()}</strong>{' '}
              ({NOTIFICATION_RULES[named.kind].description.replace(/\.$/, '').toLowerCase()}).
            </p>
            {current.choices.includes('off') ? null : (
              <p>Your role must receive these; they will come once a day in your digest instead.</p>
            )}
            <button type="submit" className="usa-button">
              {current.choices.includes('off') ? 'Stop these e-mails' : 'Send them in my daily digest'}
            </button>
          </form>
        )}
        <p className="margin-top-4">
          To choose what is e-mailed for every kind of notice,{' '}
          <Link className="usa-link" href="/account#notifications">
            sign in and open your account page
          </Link>
          .
        </p>
      </div>
    </main>
  );
}
