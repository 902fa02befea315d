/**
 * A function's environment, typed and checked by the configuration schema of the process it runs: only
 * variables that schema reads can be set (a typo is a compile error), and every value known at synth is
 * parsed with the variable's own zod schema (a bad value stops synth, naming the variable). Values that
 * are CloudFormation tokens (a table name, a queue URL) are known only at deploy and pass unchecked.
 */
import { Token } from 'aws-cdk-lib';
import type { z } from 'zod';
import { ConfigError } from '../services/core/errors';

declare const checked: unique symbol;

/** An environment made by `environmentFor`; ServiceFunction accepts no other. */
export type FunctionEnvironment = Readonly<Record<string, string>> & { readonly [checked]: true };

/** The variables `schema` reads, each optional, as the strings a Lambda environment holds. */
export type EnvironmentOf<S extends z.ZodObject> = { readonly [K in keyof S['shape'] & string]?: string };

/**
 * The environment that configures a process whose configuration schema is `schema`.
 * @example environmentFor(gatewayConfigSchema, { INSPRAAK_TABLE: table.tableName, INSPRAAK_SUBGRAPH_TIMEOUT_MS: '5000' })
 */
export function environmentFor<S extends z.ZodObject>(schema: S, values: EnvironmentOf<S>): FunctionEnvironment {
  const env: Record<string, string> = {};
  const problems: string[] = [];
  for (const [name, value] of Object.entries(values as Record<string, string | undefined>)) {
    if (value === undefined) continue;
    const variable = (schema.shape as Record<string, z.ZodType | undefined>)[name];
    if (!variable) problems.push(`${name}: not a variable this function reads`);
    else if (!Token.isUnresolved(value)) {
      const parsed = variable.safeParse(value);
      if (!parsed.success) problems.push(`${name}: ${parsed.error.issues[0]?.message} (got "${value}")`);
    }
    env[name] = value;
  }
  if (problems.length) throw new ConfigError(`Invalid function environment:\n  ${problems.join('\n  ')}`);
  return env as FunctionEnvironment;
}
