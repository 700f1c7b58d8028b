/**
 * Meetings as iCalendar (RFC 5545), through ical-generator: a meeting is an all-day event on its
 * date, and its reporting cutoff a second all-day event with a reminder the day before. Dates are
 * the task force's calendar dates; the calendar names its time zone (X-WR-TIMEZONE) so that a
 * client shows them on the right day. UIDs are stable, so a moved meeting replaces itself.
 */
import ical, { ICalAlarmType, ICalCalendarMethod, ICalEventStatus } from 'ical-generator';
import { MEETING_KIND_LABELS, type MeetingKind } from './domain';
import { appOrigin, taskForceTimeZone } from './env';

export type CalendarMeeting = {
  id: number;
  kind: MeetingKind;
  title: string;
  date: string;
  reportingCutoff: string | null;
  location: string | null;
  status: string;
  /** Increases with every change of the meeting: calendars replace an event with a higher SEQUENCE. */
  version: number;
};

export type CalendarOptions = { origin: string; timeZone: string; name: string; host: string };

const dayStart = (iso: string) => new Date(`${iso}T00:00:00Z`);

export function meetingsCalendar(list: CalendarMeeting[], options: CalendarOptions): string {
  const calendar = ical({
    name: options.name,
    prodId: { company: 'PITF', product: 'PITF Dashboard', language: 'EN' },
    method: ICalCalendarMethod.PUBLISH,
    // All-day events carry no zone of their own; this tells clients whose days they are.
    x: [['X-WR-TIMEZONE', options.timeZone]],
  });
  for (const meeting of list) {
    const url = new URL(`/meetings/${meeting.id}`, options.origin).toString();
    // A cancelled meeting stays in the file, marked cancelled, so that calendars drop it and its cutoff.
    const cancelled = meeting.status === 'cancelled';
    const status = cancelled ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED;
    calendar.createEvent({
      id: `meeting-${meeting.id}@${options.host}`,
      sequence: meeting.version,
      status,
      allDay: true,
      start: dayStart(meeting.date),
      summary: meeting.title,
      description: [MEETING_KIND_LABELS[meeting.kind], meeting.reportingCutoff ? `Reporting cutoff: ${meeting.reportingCutoff}` : null, url]
        .filter(Boolean)
        .join('\n'),
      location: meeting.location ?? undefined,
      url,
    });
    if (meeting.reportingCutoff && (meeting.status === 'planned' || cancelled)) {
      calendar.createEvent({
        id: `cutoff-${meeting.id}@${options.host}`,
        sequence: meeting.version,
        status,
        allDay: true,
        start: dayStart(meeting.reportingCutoff),
        summary: `Reporting cutoff: ${meeting.title}`,
        description: `Agencies' reports for ${meeting.title} (${meeting.date}) are due by the end of this day (${options.timeZone}).\n${url}#report`,
        url: `${url}#report`,
        alarms: cancelled ? [] : [{ type: ICalAlarmType.display, trigger: 86_400, description: `Reporting cutoff tomorrow: ${meeting.title}` }],
      });
    }
  }
  return calendar.toString();
}

/** The meetings as an iCalendar file named `name`, with this server's address and the task force's time zone. */
export function calendarFile(list: CalendarMeeting[], name: string): string {
  const origin = appOrigin();
  return meetingsCalendar(list, { origin, timeZone: taskForceTimeZone(), name, host: new URL(origin).hostname });
}
