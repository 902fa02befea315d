/**
 * A Pabulib source in the sources file: the common fields, a `baseUrl` that may also be a local directory,
 * and the `.pb` files to read from it (docs/upstreams/pabulib.md §1).
 */
import { z } from 'zod';
import { sourceFields, timeZoneSchema } from '../../sourceFields';

/** A file name in the directory: no path separators, no `..`, ending in `.pb`. */
const fileName = z
  .string()
  .regex(/^[\p{L}\p{N}_][\p{L}\p{N}_.-]{0,150}\.pb$/u, 'expected a file name ending in .pb, without a path');

export const sourceSchema = z.object({
  ...sourceFields,
  platform: z.literal('pabulib'),
  /** The zone the files' `date_begin`/`date_end` days are meant in; Pabulib's own files are Dutch or Polish (both CET). */
  timeZone: timeZoneSchema,
  /**
   * Where the files are: an http(s) URL (each file is fetched from `<baseUrl>/<file>` through the polite
   * client), a `file:` URL, or a local directory path, absolute or relative to the sources file
   * (services/harvester/config.ts turns a path into a `file:` URL when it reads the file).
   */
  baseUrl: z
    .string()
    .min(1)
    .refine(
      (s) => (/^[a-z][a-z0-9+.-]*:/i.test(s) ? /^(https?|file):\/\/./i.test(s) && URL.canParse(s) : true),
      'expected an http(s) URL, a file URL or a local directory path',
    ),
  /** The `.pb` files to read, each one past election; each becomes a budget with its projects and ballots. */
  files: z
    .array(fileName)
    .min(1)
    .max(1000)
    .refine((f) => new Set(f).size === f.length, 'a file is listed twice'),
});

export type PabulibSourceConfig = z.infer<typeof sourceSchema>;
