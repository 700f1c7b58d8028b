import { redirect } from 'next/navigation';
import { requireUser } from '@/lib/server/auth';
import { landingPath } from '@/lib/landing';

export const dynamic = 'force-dynamic';

/** Where sign-in leads when no page was asked for: each user goes on to their own landing page. */
export default async function StartPage() {
  redirect(landingPath(await requireUser()));
}
