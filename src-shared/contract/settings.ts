import { z } from 'zod';
import { command, query } from './define';
import { emptyInput } from './common';

export const LANGUAGES = ['it', 'en'] as const;
export const language = z.enum(LANGUAGES);
export type Language = z.infer<typeof language>;

export const company = z.object({
  name: z.string().max(200).default(''),
  vatNumber: z.string().max(20).default(''),
  fiscalCode: z.string().max(20).default(''),
  street: z.string().max(200).default(''),
  postcode: z.string().max(20).default(''),
  city: z.string().max(100).default(''),
  province: z.string().max(10).default(''),
  country: z.string().max(2).default('IT'),
  email: z.string().max(200).default(''),
  phone: z.string().max(50).default(''),
});

export const appSettings = z.object({
  /** null: follow the system locale */
  language: language.nullable().default(null),
  company: company.default(company.parse({})),
  /** the first-run choice (empty or demo) has been made */
  initialized: z.boolean().default(false),
});
export type AppSettings = z.infer<typeof appSettings>;

export const settingsOps = {
  'settings.get': query('All settings.', emptyInput, appSettings),
  'settings.update': command(
    'Change some settings; the rest stay.',
    z.object({ language: language.nullable().optional(), company: company.partial().optional() }),
    appSettings,
  ),
} as const;
