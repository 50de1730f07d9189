import { z } from 'zod';
import { isoDate } from './inventory';

/** Settings → Calendar: when the workshop works, and how long goods travel. */
export const closure = z
  .object({ from: isoDate, to: isoDate, name: z.string().max(100) })
  .refine((c) => c.from <= c.to, { message: 'A closure ends on or after the day it starts', path: ['to'] });

export const transitRule = z.object({
  carrier: z.string().trim().max(100),
  /** a province code (MI), a country code (DE) or empty for any destination */
  zone: z.string().trim().max(100),
  days: z.number().int().min(0).max(60),
});

const workCalendarShape = {
  /** ISO weekdays: 1 Monday … 7 Sunday */
  workingWeekdays: z.array(z.number().int().min(1).max(7)).min(1).max(7),
  productionMinutesPerDay: z.number().int().min(15).max(1440),
  /** the patron saint's day of the town (MM-DD), a holiday every year */
  patronSaint: z.object({ day: z.string().regex(/^(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/), name: z.string().max(100) }).nullable(),
  closures: z.array(closure).max(200),
  transit: z.array(transitRule).max(200),
  defaultTransitDays: z.number().int().min(0).max(60),
};

export const WORK_CALENDAR_DEFAULTS = {
  workingWeekdays: [1, 2, 3, 4, 5],
  productionMinutesPerDay: 480,
  patronSaint: null,
  closures: [],
  transit: [],
  defaultTransitDays: 2,
};

export const workCalendarSettings = z.object(workCalendarShape);
export type WorkCalendarSettings = z.infer<typeof workCalendarSettings>;
/** The settings field: stored values over the defaults, so a new key never breaks old files. */
export const workCalendarField = z.preprocess((v) => ({ ...WORK_CALENDAR_DEFAULTS, ...(v as object) }), workCalendarSettings);
