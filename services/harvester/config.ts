/**
 * The sources file: the installations to harvest, as JSON at the path in INSPRAAK_SOURCES. Validated at
 * start; every error names the entry (by index and id) and the field.
 */
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { z } from 'zod';
import { ConfigError } from '../core/errors';
import { PLATFORM_ADAPTERS } from './adapters';

/**
 * One entry of the sources file: the schema of the adapter its `platform` names (each adapter's
 * sourceSchema.ts), joined from the adapter registry.
 */
export const sourceConfigSchema = z.discriminatedUnion(
  'platform',
  PLATFORM_ADAPTERS.map((a) => a.sourceSchema) as unknown as SourceSchemas,
);
type SourceSchemas = [
  (typeof PLATFORM_ADAPTERS)[number]['sourceSchema'],
  ...(typeof PLATFORM_ADAPTERS)[number]['sourceSchema'][],
];
export type SourceConfig = z.infer<typeof sourceConfigSchema>;
export type { ConsulSourceConfig } from './adapters/consul/sourceSchema';
export type { DecidimSourceConfig } from './adapters/decidim/sourceSchema';
export type { OpenstadSourceConfig } from './adapters/openstad/sourceSchema';
export type { PabulibSourceConfig } from './adapters/pabulib/sourceSchema';

const fileSchema = z.array(sourceConfigSchema).superRefine((sources, ctx) => {
  const seen = new Set<string>();
  sources.forEach((s, i) => {
    if (seen.has(s.id)) ctx.addIssue({ code: 'custom', path: [i, 'id'], message: `duplicate source id "${s.id}"` });
    seen.add(s.id);
    if ((s.outcomeRule === 'greedy-threshold') !== (s.outcomeThreshold !== undefined))
      ctx.addIssue({
        code: 'custom',
        path: [i, 'outcomeThreshold'],
        message: 'outcomeThreshold goes with outcomeRule "greedy-threshold", and only with it',
      });
  });
});

/**
 * Parses the sources file's content; `where` names the file in errors. A `baseUrl` that is a local
 * directory path (which only some platforms accept: Pabulib's files) becomes a `file:` URL, resolved
 * against `dir`, the sources file's directory.
 */
export function parseSources(json: unknown, where: string, dir = process.cwd()): SourceConfig[] {
  const result = fileSchema.safeParse(json);
  if (result.success)
    return result.data.map((s) =>
      /^[a-z][a-z0-9+.-]*:/i.test(s.baseUrl) ? s : { ...s, baseUrl: pathToFileURL(resolve(dir, s.baseUrl)).href },
    );
  const lines = result.error.issues.map((issue) => {
    const [index, ...rest] = issue.path;
    const entry = typeof index === 'number' ? (json as { id?: unknown }[])[index] : undefined;
    const label =
      typeof index === 'number'
        ? `sources[${index}]${typeof entry?.id === 'string' ? ` (${entry.id})` : ''}`
        : 'the file';
    return `  ${label}${rest.length ? `.${rest.join('.')}` : ''}: ${issue.message}`;
  });
  throw new ConfigError(`Invalid sources file ${where}:\n${lines.join('\n')}`);
}

/** Reads and validates the sources file at `path`. */
export function loadSources(path: string): SourceConfig[] {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    throw new ConfigError(`Cannot read the sources file ${path} (INSPRAAK_SOURCES): ${(e as Error).message}`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    throw new ConfigError(`The sources file ${path} (INSPRAAK_SOURCES) is not valid JSON: ${(e as Error).message}`);
  }
  return parseSources(json, path, dirname(resolve(path)));
}
