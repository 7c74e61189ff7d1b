import { describe, expect, it } from 'vitest';
import { addWorkingDays, isWorkingDay } from '../../src/tickets/deadline.js';
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
