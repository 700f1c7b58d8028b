import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { meetingsCalendar, type CalendarMeeting } from './calendar';

const options = { origin: 'https://pitf.example.gov', timeZone: 'America/New_York', name: 'PITF meetings', host: 'pitf.example.gov' };
const meeting: CalendarMeeting = {
  id: 12,
  kind: 'cabinet',
  title: 'Annual PITF meeting, 2027',
  date: '2027-01-26',
  reportingCutoff: '2027-01-12',
  location: 'Washington, D.C.; the Eisenhower building',
  status: 'planned',
  version: 3,
};

function parse(text: string) {
  const calendar = new ICAL.Component(ICAL.parse(text));
  return { calendar, events: calendar.getAllSubcomponents('vevent') };
}

describe('meetings as iCalendar, read back with ical.js', () => {
  it('a meeting is an all-day event on its date, its cutoff a second one with a reminder the day before, in the task force’s time zone', () => {
    const { calendar, events } = parse(meetingsCalendar([meeting], options));
    expect(calendar.getFirstPropertyValue('method')).toBe('PUBLISH');
    expect(calendar.getFirstPropertyValue('x-wr-timezone')).toBe('America/New_York');
    expect(events).toHaveLength(2);

    const [main, cutoff] = events.map((e) => new ICAL.Event(e));
    expect(main!.summary).toBe('Annual PITF meeting, 2027');
    expect(main!.uid).toBe('meeting-12@pitf.example.gov');
    expect(main!.sequence).toBe(3);
    expect(main!.startDate.isDate).toBe(true);
    expect(main!.startDate.toString()).toBe('2027-01-26');
    expect(main!.location).toBe('Washington, D.C.; the Eisenhower building');
    expect(events[0]!.getFirstPropertyValue('url')).toBe('https://pitf.example.gov/meetings/12');

    expect(cutoff!.summary).toBe('Reporting cutoff: Annual PITF meeting, 2027');
    expect(cutoff!.startDate.isDate).toBe(true);
    expect(cutoff!.startDate.toString()).toBe('2027-01-12');
    expect(cutoff!.description).toContain('America/New_York');
    const alarm = events[1]!.getFirstSubcomponent('valarm')!;
    expect(alarm.getFirstPropertyValue('action')).toBe('DISPLAY');
    const trigger = alarm.getFirstPropertyValue('trigger') as ICAL.Duration;
    expect(trigger.toSeconds()).toBe(-86_400);
  });

  it('a held meeting keeps its event but no cutoff; a meeting without a cutoff has one event', () => {
    const { events } = parse(
      meetingsCalendar([{ ...meeting, status: 'held' }, { ...meeting, id: 13, reportingCutoff: null, title: 'No cutoff' }], options),
    );
    expect(events.map((e) => new ICAL.Event(e).uid)).toEqual(['meeting-12@pitf.example.gov', 'meeting-13@pitf.example.gov']);
  });
});
