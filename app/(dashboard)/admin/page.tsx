import type { Metadata } from 'next';
import Link from 'next/link';
import { adminCounts } from '@/db/queries/admin-users';
import { getSignInPolicy } from '@/db/queries/sign-in-policy';
import { outboxCounts } from '@/db/queries/notifications';
import { mailConfig } from '@/lib/env';
import { SignInPolicyForm } from '@/components/admin/sign-in-policy-form';
import { requireUser } from '@/lib/server/auth';
import { canManageUsers } from '@/lib/authorization';
import { formatNumber } from '@/lib/format';
import { requirePageAccess } from '@/lib/server/page-access';

export const metadata: Metadata = { title: 'Administration' };

function outboxSummary(): string {
  const counts = outboxCounts();
  const waiting = (counts.pending ?? 0) + (counts.sending ?? 0);
  const failed = counts.failed ?? 0;
  const server = mailConfig() ? '' : ' No mail server is configured: e-mails are kept here to read.';
  return `Every e-mail the app writes: ${formatNumber(counts.sent ?? 0)} sent, ${formatNumber(waiting)} waiting, ${formatNumber(failed)} failed.${server}`;
}

export default async function AdminPage() {
  const user = await requireUser();
  await requirePageAccess(user, canManageUsers(user));
  const { activeUsers, members, events } = adminCounts();
  const sections = [
    { href: '/admin/users', title: 'Users', text: `${formatNumber(activeUsers)} active accounts. Add an agency’s point of contact, change a role, deactivate someone who left, reset a password.` },
    { href: '/admin/agencies', title: 'Agencies', text: `${formatNumber(members)} member agencies. Correct a name, add a member, retire one that left.` },
    { href: '/admin/plan', title: 'Plan objectives and actions', text: 'The National Action Plan’s objectives and priority actions: add, correct, retire or restore them.' },
    { href: '/admin/audit', title: 'Audit log', text: `${formatNumber(events)} recorded events: who changed what and when, sign-ins and refused attempts.` },
    { href: '/admin/outbox', title: 'Outbox', text: outboxSummary() },
  ];
  return (
    <>
      <h1>Administration</h1>
      <ul className="usa-card-group">
        {sections.map((s) => (
          <li key={s.href} className="usa-card tablet:grid-col-6 desktop:grid-col-3">
            <div className="usa-card__container">
              <div className="usa-card__header">
                <h2 className="usa-card__heading">
                  <Link href={s.href} className="usa-link">
                    {s.title}
                  </Link>
                </h2>
              </div>
              <div className="usa-card__body">
                <p>{s.text}</p>
              </div>
            </div>
          </li>
        ))}
      </ul>
      <h2>Sign-in policy</h2>
      <SignInPolicyForm roles={getSignInPolicy().phishingResistantRoles} />
    </>
  );
}
