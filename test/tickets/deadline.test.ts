import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { addWorkingDays, isWorkingDay, missingCalendarYears } from '../../src/tickets/deadline.js';
import { loadCalendar } from '../../src/triage/deployment.js';

const cal = loadCalendar();
const at = (s: string) => new Date(s);

describe('working-day deadlines', () => {
  it('skips a weekend', () => {
    // Friday 2026-11-27 + 1 working day = Monday 2026-11-30
    expect(addWorkingDays(at('2026-11-27T10:00:00+08:00'), 1, cal).toISOString()).toBe(at('2026-11-30T23:59:59+08:00').toISOString());
  });
  it('skips the National Day holiday and counts the make-up Saturday', () => {
    expect(isWorkingDay(at('2026-10-05T12:00:00+08:00'), cal)).toBe(false);
    expect(isWorkingDay(at('2026-10-10T12:00:00+08:00'), cal)).toBe(true);
    // Wed 2026-09-30 + 1 working day: Oct 1-7 off, Oct 8 is Thursday
    expect(addWorkingDays(at('2026-09-30T09:00:00+08:00'), 1, cal).toISOString()).toBe(at('2026-10-08T23:59:59+08:00').toISOString());
  });
  it('uses China time for the day of receipt, whatever the server zone', () => {
    // Sunday 2026-11-29 20:00 UTC is already Monday 04:00 in China: +1 working day = Tuesday
    expect(addWorkingDays(at('2026-11-29T20:00:00Z'), 1, cal).toISOString()).toBe(at('2026-12-01T23:59:59+08:00').toISOString());
  });
});

describe('holiday calendar files', () => {
  const dir = () => mkdtempSync(join(tmpdir(), 'xf-cal-'));
  const write = (d: string, name: string, body: unknown) => writeFileSync(join(d, name), JSON.stringify(body));

  it('knows which years it covers, and names the ones a deadline may reach without a file', () => {
    expect(cal.years.has(2026)).toBe(true);
    expect(missingCalendarYears(cal, at('2026-06-01T12:00:00+08:00'))).toEqual([]);
    // From December on, deadlines reach into January: the next year's notice is needed.
    expect(missingCalendarYears(cal, at('2026-12-01T12:00:00+08:00'))).toEqual(cal.years.has(2027) ? [] : [2027]);
    expect(missingCalendarYears(cal, at('2031-03-01T12:00:00+08:00'))).toEqual([2031]);
  });

  it('refuses a date filed under the wrong year, or two files for one year, naming the file', () => {
    const d = dir();
    write(d, '2030.json', { year: 2030, source: 'test', holidays: ['2030-01-01', '2031-01-01'], workdays: [] });
    expect(() => loadCalendar(d)).toThrow(/2030\.json.*"2031-01-01" is not a date of 2030/);
    const e = dir();
    write(e, 'a.json', { year: 2030, source: 'test', holidays: ['2030-01-01'], workdays: [] });
    write(e, 'b.json', { year: 2030, source: 'test', holidays: [], workdays: ['2030-02-02'] });
    expect(() => loadCalendar(e)).toThrow(/a second file for 2030/);
    const f = dir();
    write(f, '2030.json', { year: 2030, source: 'test', holidays: ['2030-02-30'], workdays: [] });
    expect(() => loadCalendar(f)).toThrow(/2030-02-30/);
  });
});
