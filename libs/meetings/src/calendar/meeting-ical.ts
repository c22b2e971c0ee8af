import ical, { ICalCalendarMethod, ICalEventStatus } from 'ical-generator';
import { EUROPE_BERLIN_VTIMEZONE } from './berlin-vtimezone.js';
import { type MeetingKind, MeetingStatus } from '../meetings/meeting.enums.js';
import { MEETING_KIND_NAME } from '../meetings/meeting-kind.js';

/** A Temporal-like zoned date-time that ical-generator writes as TZID=Europe/Berlin wall-clock time. */
export function berlin(at: Date) {
  const p = Object.fromEntries(
    new Intl.DateTimeFormat('en-GB', {
      timeZone: 'Europe/Berlin',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
      hourCycle: 'h23',
    })
      .formatToParts(at)
      .filter((x) => x.type !== 'literal')
      .map((x) => [x.type, Number(x.value)]),
  ) as Record<'year' | 'month' | 'day' | 'hour' | 'minute' | 'second', number>;
  const fields = {
    year: p.year,
    month: p.month,
    day: p.day,
    hour: p.hour,
    minute: p.minute,
    second: p.second,
  };
  const iso = at.toISOString();
  const plain: any = {
    ...fields,
    toZonedDateTime: () => zoned,
    toPlainDate: () => plain,
    toString: () => iso,
    toJSON: () => iso,
  };
  const zoned: any = {
    ...fields,
    timeZoneId: 'Europe/Berlin',
    toPlainDateTime: () => plain,
    withTimeZone: () => zoned,
    toInstant: () => at,
    toString: () => iso,
    toJSON: () => iso,
  };
  return zoned;
}

/** What one calendar event shows of a meeting. */
export interface CalendarMeeting {
  id: string;
  title: string;
  kind: string;
  status: string;
  startsAt: Date | string;
  endsAt: Date | string;
  location: string | null;
  calendarSequence: number;
  createdAt: Date | string;
  updatedAt: Date | string;
}

export interface CalendarOptions {
  method: 'PUBLISH' | 'REQUEST' | 'CANCEL';
  name?: string;
  /** RFC 5546: a REQUEST or CANCEL names its organiser. */
  organizer?: { name: string; email: string };
}

/**
 * An iCalendar text with one VEVENT per meeting: the UID is the meeting's (the same in the feed and
 * in invitations, so a calendar updates its entry), SEQUENCE the meeting's calendar sequence, times
 * in TZID=Europe/Berlin with the zone's VTIMEZONE.
 */
export function meetingCalendar(
  options: CalendarOptions,
  events: { meeting: CalendarMeeting; description: string; url?: string }[],
): string {
  const cal = ical({
    name: options.name ?? 'Bündnisportal – Sitzungen',
    prodId: { company: 'Bündnisportal', product: 'Sitzungskalender', language: 'DE' },
    method: ICalCalendarMethod[options.method],
    ttl: options.method === 'PUBLISH' ? 60 * 60 : undefined,
    x: { 'X-WR-TIMEZONE': 'Europe/Berlin' },
  } as any);
  for (const { meeting: m, description, url } of events) {
    const cancelled = m.status === MeetingStatus.CANCELLED || options.method === 'CANCEL';
    cal.createEvent({
      id: `${m.id}@buendnisportal`,
      sequence: m.calendarSequence,
      start: berlin(new Date(m.startsAt)),
      end: berlin(new Date(m.endsAt)),
      timezone: 'Europe/Berlin',
      stamp: new Date(m.updatedAt),
      lastModified: new Date(m.updatedAt),
      created: new Date(m.createdAt),
      summary: cancelled ? `Abgesagt: ${m.title}` : m.title,
      description,
      url,
      location: m.location ?? undefined,
      status: cancelled ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
      organizer: options.organizer,
    } as any);
  }
  // The calendar carries no default zone (stamps stay UTC); the events' zone is defined once here.
  const text = cal.toString();
  const at = text.indexOf('\r\nBEGIN:VEVENT') + 2;
  const cut = at >= 2 ? at : text.lastIndexOf('END:VCALENDAR');
  return `${text.slice(0, cut)}${EUROPE_BERLIN_VTIMEZONE}\r\n${text.slice(cut)}`;
}

/** The meeting's page in the portal (`#agenda`: its agenda there). */
export function meetingLink(publicUrl: string, meetingId: string): string {
  return `${publicUrl}/sitzungen/${meetingId}`;
}

/** The event's description: kind and alliance, the agenda, and the links back to meeting and agenda. */
export function meetingDescription(
  m: Pick<CalendarMeeting, 'kind'>,
  allianceName: string,
  agenda: string[],
  link?: string,
): string {
  return [
    `${MEETING_KIND_NAME[m.kind as MeetingKind] ?? m.kind} – ${allianceName}`,
    ...(agenda.length ? ['', 'Tagesordnung:', ...agenda.map((t, i) => `${i + 1}. ${t}`)] : []),
    ...(link
      ? ['', `Sitzung im Bündnisportal: ${link}`, `Tagesordnung im Bündnisportal: ${link}#agenda`]
      : []),
  ].join('\n');
}
