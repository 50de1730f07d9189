import { z } from 'zod';
import { command, query } from './define';
import { emptyInput } from './common';
import { EVERYONE, OWNER_ONLY, type RolesOf } from './accounts';

export const LOGO_TYPES = ['image/png', 'image/jpeg'] as const;
/** the largest logo accepted, decoded: documents embed it on every page */
export const LOGO_MAX_BYTES = 512 * 1024;

const logo = z.object({ id: z.number().int(), contentType: z.enum(LOGO_TYPES), base64: z.string(), byteSize: z.number().int(), width: z.number().int(), height: z.number().int() });

/** The company logo printed on the DDT and the other documents (Settings → Company). */
export const logoOps = {
  'settings.logo': query('The company logo documents print now, or null.', emptyInput, logo.nullable()),
  'settings.setLogo': command(
    'Upload the company logo (PNG or JPEG, at most 512 KB). DDTs already issued keep the logo they were printed with.',
    z.object({ contentType: z.enum(LOGO_TYPES), base64: z.string().min(1).max(Math.ceil((LOGO_MAX_BYTES * 4) / 3) + 8) }),
    logo,
  ),
  'settings.removeLogo': command('Stop printing a logo on new documents.', emptyInput, z.object({ removed: z.boolean() })),
} as const;

/** Who may call each operation besides the owner (accounts.ts: RolesOf; checked in the registry for every door). */
export const logoRoles = {
  'settings.logo': EVERYONE,
  'settings.setLogo': OWNER_ONLY,
  'settings.removeLogo': OWNER_ONLY,
} as const satisfies RolesOf<typeof logoOps>;
