/** Configuration of a subgraph process served on its own. */
import { z } from 'zod';
import { parseConfig, portVar, tableConfigShape } from './config';

export const subgraphConfigSchema = z.object({
  ...tableConfigShape,
  PORT: portVar(4001),
  HOST: z.string().min(1).default('127.0.0.1'),
});
export type SubgraphConfig = z.infer<typeof subgraphConfigSchema>;
export const subgraphConfig = (env: Record<string, string | undefined> = process.env) =>
  parseConfig(subgraphConfigSchema, env);
