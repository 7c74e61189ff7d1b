import type { HolidayCalendar } from '../triage/deployment.js';

// Dates are calendar days in China Standard Time (UTC+8), whatever the server's zone.
const CST_OFFSET_MS = 8 * 3600 * 1000;
const dayKey = (d: Date) => new Date(d.getTime() + CST_OFFSET_MS).toISOString().slice(0, 10);

/**
 * Years a deadline starting now may reach (the current one, and the next from December on) that have no
 * calendar file: there only weekends are known, so the deployment should add the State Council's notice.
 */
export function missingCalendarYears(cal: HolidayCalendar, now = new Date()): number[] {
  const cst = new Date(now.getTime() + CST_OFFSET_MS);
  const years = [cst.getUTCFullYear(), ...(cst.getUTCMonth() === 11 ? [cst.getUTCFullYear() + 1] : [])];
  return years.filter((y) => !cal.years.has(y));
}

export function isWorkingDay(d: Date, cal: HolidayCalendar): boolean {
  const key = dayKey(d);
  if (cal.workdays.has(key)) return true;
  if (cal.holidays.has(key)) return false;
  const weekday = new Date(d.getTime() + CST_OFFSET_MS).getUTCDay();
  return weekday !== 0 && weekday !== 6;
}

/**
 * The deadline N working days after `from`: the end (23:59:59 CST) of the N-th working day after
 * the day of receipt, skipping weekends and public holidays, counting make-up workdays.
 */
export function addWorkingDays(from: Date, n: number, cal: HolidayCalendar): Date {
  let d = new Date(from.getTime());
  let left = n;
  while (left > 0) {
    d = new Date(d.getTime() + 24 * 3600 * 1000);
    if (isWorkingDay(d, cal)) left -= 1;
  }
  const key = dayKey(d);
  return new Date(`${key}T23:59:59+08:00`);
}
