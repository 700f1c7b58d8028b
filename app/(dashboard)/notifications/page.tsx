import type { Metadata } from 'next';
import Link from 'next/link';
import { listNotifications } from '@/db/queries/notifications';
import { NotificationList } from '@/components/notifications/notification-list';
import { Pagination } from '@/components/ui/pagination';
import { requireUser } from '@/lib/server/auth';
import { mailConfig } from '@/lib/env';
import { notificationListQuery } from '@/lib/validations/notifications';

export const metadata: Metadata = { title: 'Notifications' };

export default async function NotificationsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requireUser();
  const parsed = notificationListQuery.safeParse({ page: (await searchParams).page });
  const page = parsed.success ? parsed.data.page : 1;
  const list = listNotifications(user.id, page);
  return (
    <>
      <h1>Notifications</h1>
      <p>
        What needs you, newest first: the same notices the app e-mails you. Choose what is e-mailed, and when, on{' '}
        <Link href="/account#notifications" className="usa-link">
          your account page
        </Link>
        .
      </p>
      <NotificationList key={list.page} initial={list} mailServer={mailConfig() !== null} />
      <Pagination label="Notification pages" page={list.page} pageCount={Math.ceil(list.total / list.pageSize)} href={(p) => `/notifications?page=${p}`} />
    </>
  );
}
