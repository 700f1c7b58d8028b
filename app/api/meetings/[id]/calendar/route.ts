import { getCalendarMeeting } from '@/db/queries/notifications';
import { DomainError } from '@/lib/errors';
import { apiRoute } from '@/lib/server/handler';
import { calendarFile } from '@/lib/calendar';
import { meetingIdParams } from '@/lib/validations/meetings';

/** One meeting (and its reporting cutoff) as an iCalendar file to add to a calendar. */
export const GET = apiRoute({ params: meetingIdParams }, ({ params }) => {
  const meeting = getCalendarMeeting(params.id);
  if (!meeting) throw new DomainError('not_found', 'The meeting was not found.');
  if (meeting.datePrecision !== 'day') throw new DomainError('conflict', 'This meeting’s date is known only to the month: it has no calendar day.');
  const body = calendarFile([meeting], meeting.title);
  return new Response(body, {
    headers: { 'Content-Type': 'text/calendar; charset=utf-8', 'Content-Disposition': `attachment; filename="meeting-${meeting.id}.ics"` },
  });
});
