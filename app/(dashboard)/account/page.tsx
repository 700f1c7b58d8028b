import type { Metadata } from 'next';
import { listRecentSignIns } from '@/db/queries/admin-users';
import { getCalendarFeed, getPreferences } from '@/db/queries/notifications';
import { listPasskeys } from '@/db/queries/passkeys';
import { requiresPhishingResistant } from '@/db/queries/sign-in-policy';
import { Passkeys } from '@/components/account/passkeys';
import { ChangePasswordForm } from '@/components/admin/change-password-form';
import { CalendarFeed } from '@/components/notifications/calendar-feed';
import { PreferencesForm } from '@/components/notifications/preferences-form';
import { SignInHistory } from '@/components/admin/sign-in-history';
import { requireUser } from '@/lib/server/auth';
import { ROLE_LABELS } from '@/lib/domain';

export const metadata: Metadata = { title: 'Your account' };

export default async function AccountPage() {
  const user = await requireUser();
  return (
    <>
      <h1>Your account</h1>
      {user.mustChangePassword ? (
        <div className="usa-alert usa-alert--warning" role="status" data-testid="password-required">
          <div className="usa-alert__body">
            <h2 className="usa-alert__heading">Choose your own password</h2>
            <p className="usa-alert__text">
              You signed in with a temporary password. Choose a new one to continue; the rest of the dashboard opens once you have.
            </p>
          </div>
        </div>
      ) : null}
      <dl className="pitf-details">
        <dt>Name</dt>
        <dd>{user.name}</dd>
        <dt>E-mail</dt>
        <dd>{user.email}</dd>
        <dt>Role</dt>
        <dd>
          {ROLE_LABELS[user.role]}
          {user.agencyName ? `, ${user.agencyName}` : ''}
        </dd>
      </dl>
      <h2>Change password</h2>
      <ChangePasswordForm required={user.mustChangePassword} />
      <h2 className="margin-top-4">Passkeys</h2>
      <p>
        A passkey signs you in with this device&apos;s screen lock or a security key instead of a password. It cannot be phished:
        it works only on this site.
        {requiresPhishingResistant(user) ? ' Your role must sign in with a passkey, so keep at least one.' : ''}
      </p>
      <Passkeys
        passkeys={listPasskeys(user.id)}
      />
      <h2 className="margin-top-4" id="notifications">
        Notifications
      </h2>
      <p>
        Everything below also appears under the bell at the top of every page. Choose, for each kind, whether it is e-mailed to{' '}
        {user.email} at once, gathered into one e-mail each working morning, or not e-mailed.
      </p>
      <PreferencesForm initial={getPreferences(user)} />
      <h2 className="margin-top-4" id="calendar">
        Calendar
      </h2>
      <p>
        A private address your calendar program subscribes to once: it then shows every meeting and reporting cutoff, and follows
        when one moves. Anyone who has the address can read the meeting dates, so keep it to yourself; turn it off if it leaks.
      </p>
      <CalendarFeed initial={getCalendarFeed(user.id)} />
      <h2 className="margin-top-4">Recent sign-ins</h2>
      <p>The latest attempts to sign in to your account. If one was not you, change your password and tell the secretariat.</p>
      <SignInHistory events={listRecentSignIns(user.id)} />
    </>
  );
}
