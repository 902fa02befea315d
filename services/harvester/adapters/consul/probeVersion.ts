import { z } from 'zod';
import type { HarvestContext } from '../../adapter';
import type { ConsulSourceConfig } from './sourceSchema';
import { UpstreamHttpError, UpstreamSchemaError } from '../../errors';
import { consulGraphql } from './consulGraphql';
import { QUERY_FIELDS } from './queries';

const installationSchema = z.object({
  release: z.string().nullable().optional(),
  features: z.record(z.string(), z.string().nullable()).optional(),
});

const typeSchema = z.object({ __type: z.object({ fields: z.array(z.object({ name: z.string() })) }) });

export interface ConsulVersion {
  /** The release from /consul.json when the schema agrees with it, else the generation's range. */
  platformVersion: string;
  /** 2.2.1+: budgets, investments and query limits (docs/upstreams/consul.md §1). */
  hasBudgets: boolean;
  /** `features` of /consul.json; a process set to null is switched off. Empty when unknown. */
  features: Record<string, string | null>;
}

function atLeast221(release: string): boolean | null {
  const m = /^(\d+)\.(\d+)\.(\d+)/.exec(release);
  if (!m) return null;
  const [maj, min, patch] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return maj !== 2 ? maj > 2 : min !== 2 ? min > 2 : patch >= 1;
}

/**
 * Detects the API generation (docs/upstreams/consul.md §1, §7.2, §8 note 1): `GET /consul.json` for the release and the
 * enabled processes, then `{ __type(name: "Query") { fields { name } } }`, because forks leave the release
 * string unchanged. `budgets` → 2.2.1+; `proposalNotifications` → 1.5.0 – 2.2.0; snake_case only → ≤ 1.4,
 * which is not supported (integer ids, other names) and is thrown as UpstreamSchemaError. A missing or
 * unreadable /consul.json is tolerated; the schema probe decides.
 */
export async function probeConsulVersion(ctx: HarvestContext<ConsulSourceConfig>): Promise<ConsulVersion> {
  let release: string | null = null;
  let features: Record<string, string | null> = {};
  try {
    const parsed = installationSchema.safeParse(await ctx.http.getJson('consul.json'));
    if (parsed.success) {
      release = parsed.data.release ?? null;
      features = parsed.data.features ?? {};
    }
  } catch (e) {
    if (!(e instanceof UpstreamSchemaError || (e instanceof UpstreamHttpError && e.status === 404))) throw e;
  }
  const probe = typeSchema.safeParse(await consulGraphql(ctx, QUERY_FIELDS));
  if (!probe.success) throw new UpstreamSchemaError('CONSUL schema probe: __type(name: "Query") did not list fields');
  const names = new Set(probe.data.__type.fields.map((f) => f.name));
  if (!names.has('proposals'))
    throw new UpstreamSchemaError('CONSUL schema probe: the Query type has no proposals field');
  const hasBudgets = names.has('budgets');
  if (!hasBudgets && !names.has('proposalNotifications')) {
    throw new UpstreamSchemaError('CONSUL API generation ≤ 1.4 (snake_case names, integer ids) is not supported');
  }
  const agrees = release !== null && atLeast221(release) === hasBudgets;
  return { platformVersion: agrees ? release! : hasBudgets ? '2.2.1+' : '1.5.0-2.2.0', hasBudgets, features };
}
