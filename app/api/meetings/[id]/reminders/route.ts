import { sendReminders } from '@/db/queries/reminders';
import { apiRoute, json } from '@/lib/server/handler';
import { meetingIdParams, reminderSchema } from '@/lib/validations/meetings';

export const POST = apiRoute({ params: meetingIdParams, body: reminderSchema }, ({ user, params, body }) => {
  const target = body.agency ? { agency: body.agency } : { notReady: true as const };
  return json({ reminded: sendReminders(user, params.id, target, body.message) }, 201);
});
