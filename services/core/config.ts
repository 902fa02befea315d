/**
 * Configuration is one zod schema per process, parsed once at start. `parseConfig` fails fast with a
 * ConfigError that names every offending environment variable and what it expected.
 */
import { z } from 'zod';
import { ConfigError } from './errors';

/**
 * Parses `env` with `schema`, whose keys are environment variable names.
 * @example parseConfig(z.object({ PORT: portVar(4000) }), process.env)
 */
export function parseConfig<S extends z.ZodObject>(schema: S, env: Record<string, string | undefined>): z.infer<S> {
  const result = schema.safeParse(env);
  if (result.success) return result.data;
  const lines = result.error.issues.map((issue) => {
    const name = issue.path.join('.') || '(environment)';
    const value = env[String(issue.path[0])];
    const shown = value === undefined ? 'it is not set' : `got "${value.slice(0, 80)}"`;
    return `  ${name}: ${issue.message} (${shown})`;
  });
  return failConfig(`Invalid configuration:\n${lines.join('\n')}`);
}

function failConfig(message: string): never {
  throw new ConfigError(message);
}

/** A TCP port; empty or unset gives the default. */
export const portVar = (fallback: number) =>
  z.preprocess(
    (v) => (v === undefined || v === '' ? fallback : v),
    z.coerce
      .number({ message: 'expected a port number' })
      .int('expected a whole number')
      .min(0)
      .max(65535, 'expected a port from 0 to 65535'),
  );

/** A positive whole number of milliseconds; empty or unset gives the default. */
export const millisVar = (fallback: number, max = 600_000) =>
  z.preprocess(
    (v) => (v === undefined || v === '' ? fallback : v),
    z.coerce
      .number({ message: 'expected milliseconds' })
      .int('expected whole milliseconds')
      .min(1, 'expected at least 1 ms')
      .max(max, `expected at most ${max} ms`),
  );

/** A positive whole number of bytes; empty or unset gives the default. */
export const bytesVar = (fallback: number, max: number) =>
  z.preprocess(
    (v) => (v === undefined || v === '' ? fallback : v),
    z.coerce
      .number({ message: 'expected a number of bytes' })
      .int('expected whole bytes')
      .min(1024, 'expected at least 1024 bytes')
      .max(max, `expected at most ${max} bytes`),
  );

/** An http(s) URL, or unset. */
export const optionalUrlVar = z.preprocess(
  (v) => (v === '' ? undefined : v),
  z.url({ protocol: /^https?$/, message: 'expected an http(s) URL' }).optional(),
);

/** Where a process finds the subgraphs' SDL files: schema/ by default, the bundle's copy on Lambda. */
export const schemaConfigShape = {
  INSPRAAK_SCHEMA_DIR: z.string().min(1, 'expected the directory of the subgraph SDL files').optional(),
};

/** The settings every process that reads or writes the table shares. */
export const tableConfigShape = {
  INSPRAAK_TABLE: z
    .string()
    .regex(/^[a-zA-Z0-9_.-]{3,255}$/, 'expected a DynamoDB table name (3–255 of a-z A-Z 0-9 _ . -)')
    .default('inspraak'),
  DYNAMODB_ENDPOINT: optionalUrlVar,
  AWS_REGION: z.string().min(1).default('eu-west-1'),
  /**
   * The deployment's secret that seals pagination cursors (services/core/cursor.ts); every process of a
   * deployment shares it. Unset: a development secret (local only; the CDK app sets the stack's id).
   */
  INSPRAAK_CURSOR_SECRET: z.string().min(16, 'expected a secret of at least 16 characters').optional(),
};
