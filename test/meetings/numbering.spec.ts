import { decisionYear, formatNumber } from '../../libs/meetings/src/decisions/decision-number.js';
import { berlinInstant } from '../../libs/meetings/src/demo/meetings-demo.seeder.js';
import { berlinWallClock } from '../../libs/meetings/src/calendar/berlin-vtimezone.js';

describe('decision numbers and Berlin time (unit)', () => {
  it('numbers by the calendar year in Europe/Berlin, not UTC', () => {
    expect(decisionYear(new Date('2026-12-31T22:59:59Z'))).toBe(2026); // 23:59:59 in Berlin
    expect(decisionYear(new Date('2026-12-31T23:00:00Z'))).toBe(2027); // midnight in Berlin, still 2026 in UTC
    expect(decisionYear(new Date('2027-01-01T00:30:00+01:00'))).toBe(2027);
  });

  it('formats year/serial with three digits at least', () => {
    expect(formatNumber(2026, 1)).toBe('2026/001');
    expect(formatNumber(2026, 14)).toBe('2026/014');
    expect(formatNumber(2026, 1234)).toBe('2026/1234');
  });

  it('converts Berlin wall-clock times across daylight saving time', () => {
    expect(berlinInstant('2026-07-01', '10:00').toISOString()).toBe('2026-07-01T08:00:00.000Z');
    expect(berlinInstant('2026-12-10', '14:30').toISOString()).toBe('2026-12-10T13:30:00.000Z');
    expect(berlinWallClock(new Date('2026-03-29T01:30:00Z'))).toBe('2026-03-29T03:30:00'); // after the spring switch
    expect(berlinWallClock(new Date('2026-10-25T00:30:00Z'))).toBe('2026-10-25T02:30:00'); // before the autumn switch
  });
});
