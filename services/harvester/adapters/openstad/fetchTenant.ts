/**
 * Reads the tenant — project (H) or site (A) — and so verifies the configured generation: H answers
 * `/api/project/{id}`, A answers `/api/site/{id}` (openstad.md §7 note 1). When the configured path is
 * not found, the other generation's path is tried once, so that a wrong `generation` in the source
 * configuration fails with a message that says which generation answered.
 */
import { UpstreamHttpError, UpstreamSchemaError } from '../../errors';
import type { HttpClient } from '../../http/HttpClient';

const PATHS = {
  headless: (id: number) => `/api/project/${id}`,
  legacy: (id: number) => `/api/site/${id}`,
} as const;

const NAMES = { headless: 'headless (openstad-headless)', legacy: 'legacy (openstad-api)' } as const;

/** The tenant JSON for `id` in `generation` (H with `includeConfig=1`, openstad.md §2.7). */
export async function fetchTenant(http: HttpClient, generation: 'headless' | 'legacy', id: number): Promise<unknown> {
  const path = PATHS[generation](id);
  try {
    return await http.getJson(path, generation === 'headless' ? { includeConfig: 1 } : {});
  } catch (e) {
    if (!(e instanceof UpstreamHttpError && e.status === 404)) throw e;
    const other = generation === 'headless' ? 'legacy' : 'headless';
    const otherPath = PATHS[other](id);
    const answered = await http.getJson(otherPath).then(
      (body) => typeof (body as { id?: unknown } | null)?.id === 'number',
      () => false,
    );
    if (answered) {
      throw new UpstreamSchemaError(
        `The source is configured as OpenStad ${NAMES[generation]}, but ${path} is not found while ${otherPath} answers: the installation runs the ${NAMES[other]} generation; set generation: '${other}'`,
        { cause: e },
      );
    }
    throw e;
  }
}
