import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { ContentError } from '../knowledge/errors.js';
import { repoPath } from '../paths.js';
import { CATEGORIES, REQUEST_TYPES } from '../taxonomy.js';

const DeploymentSchema = z.object({
  comment: z.string().optional(),
  city: z.string().min(1),
  departments: z.record(z.enum(CATEGORIES), z.string().min(1)).refine((d) => CATEGORIES.every((c) => d[c]), 'every category needs a department'),
  deadlineWorkingDays: z.record(z.enum(REQUEST_TYPES), z.number().int().positive()).refine((d) => REQUEST_TYPES.every((t) => d[t]), 'every request type needs a deadline'),
  localOffices: z.array(z.object({ name: z.string(), address: z.string().optional(), phone: z.string().optional(), topics: z.array(z.string()).default([]) })).default([]),
});
export type Deployment = z.infer<typeof DeploymentSchema>;

const CalendarSchema = z.object({
  year: z.number().int(),
  source: z.string(),
  holidays: z.array(z.string().regex(/^\d{4}-\d{2}-\d{2}$/)),
  workdays: z.array(z.string().regex(/^\d{4}-\d{2}-\d{2}$/)),
});

export interface HolidayCalendar {
  holidays: Set<string>;
  workdays: Set<string>;
  /** years with a file: outside them only weekends are known, so deadlines there are provisional */
  years: Set<number>;
}

export function loadDeployment(file: string): Deployment {
  const parsed = DeploymentSchema.safeParse(JSON.parse(readFileSync(file, 'utf8')));
  if (!parsed.success) throw ContentError.fromZod(file, parsed.error);
  return parsed.data;
}

/** All year files in knowledge/calendar merged: public holidays and the weekend days worked instead. */
export function loadCalendar(dir = repoPath('knowledge', 'calendar')): HolidayCalendar {
  const cal: HolidayCalendar = { holidays: new Set(), workdays: new Set(), years: new Set() };
  for (const f of readdirSync(dir).filter((x) => x.endsWith('.json'))) {
    const file = join(dir, f);
    const parsed = CalendarSchema.safeParse(JSON.parse(readFileSync(file, 'utf8')));
    if (!parsed.success) throw ContentError.fromZod(file, parsed.error);
    // A date typed into the wrong year's file would silently move someone's deadline.
    const real = (d: string) => !Number.isNaN(Date.parse(d)) && new Date(`${d}T00:00:00Z`).toISOString().startsWith(d);
    const stray = [...parsed.data.holidays, ...parsed.data.workdays].find((d) => !d.startsWith(`${parsed.data.year}-`) || !real(d));
    if (stray) throw new ContentError(file, 'holidays/workdays', `"${stray}" is not a date of ${parsed.data.year}`);
    if (cal.years.has(parsed.data.year)) throw new ContentError(file, 'year', `a second file for ${parsed.data.year}`);
    cal.years.add(parsed.data.year);
    parsed.data.holidays.forEach((d) => cal.holidays.add(d));
    parsed.data.workdays.forEach((d) => cal.workdays.add(d));
  }
  return cal;
}
