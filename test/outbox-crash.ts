/**
 * For the outbox test (db/queries/notifications.test.ts): sends a reminder the way the server does,
 * with the delivery worker listening, then dies by SIGKILL right after the change has committed,
 * before the worker could send anything.
 *   tsx --conditions=react-server test/outbox-crash.ts <meetingId> <agency> <message>
 */
import { eq } from 'drizzle-orm';
import { getDb } from '@/db';
import { users } from '@/db/schema';
import { sendReminders } from '@/db/queries/reminders';
import { getSessionUser } from '@/db/queries/users';
import { startNotificationLoop } from '@/lib/server/notification-worker';

const [meetingId, agency, message] = process.argv.slice(2);
startNotificationLoop();
const chair = getSessionUser(getDb().select({ id: users.id }).from(users).where(eq(users.email, 'chair@pitf.demo')).get()!.id)!;
sendReminders(chair, Number(meetingId), { agency: agency! }, message!);
process.kill(process.pid, 'SIGKILL');
