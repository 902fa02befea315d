/** Configuration of a subgraph process served on its own (HTTP server or Lambda). */
import { z } from 'zod';
import { parseConfig, portVar, schemaConfigShape, tableConfigShape } from './config';
import type { SubgraphDefinition } from './subgraph';

/** What every subgraph process reads: the table, the SDL directory, where to listen. */
export const subgraphConfigSchema = z.object({
  ...tableConfigShape,
  ...schemaConfigShape,
  PORT: portVar(4001),
  HOST: z.string().min(1).default('127.0.0.1'),
});
export type SubgraphConfig = z.infer<typeof subgraphConfigSchema>;
export const subgraphConfig = (env: Record<string, string | undefined> = process.env) =>
  parseConfig(subgraphConfigSchema, env);

/** The configuration schema of `definition`'s own process: the common settings plus its `configShape`. */
export function subgraphConfigSchemaFor<S extends z.ZodRawShape>(definition: SubgraphDefinition<string, S>) {
  return subgraphConfigSchema.extend(definition.configShape);
}
