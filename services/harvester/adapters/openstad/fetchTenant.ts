/**
 * Reads the tenant — project (H) or site (A) — and so finds the installation's generation: H answers
 * `/api/project/{id}`, A answers `/api/site/{id}` (docs/upstreams/openstad.md §7 note 1).
 * - With `generation` configured, that path is read; when it is not found, the other generation's path
 *   is tried once, so that a wrong configuration fails with a message that says which generation answered.
 * - Without it, the generation is detected: H's path first (the current generation), then A's. Two
 *   requests at most, and the tenant read is the one the harvest needs anyway.
 */
import { UpstreamHttpError, UpstreamSchemaError } from '../../errors';
import type { HttpClient } from '../../http/HttpClient';

export type Generation = 'headless' | 'legacy';

const PATHS = {
  headless: (id: number) => `/api/project/${id}`,
  legacy: (id: number) => `/api/site/${id}`,
} as const;

const NAMES = { headless: 'headless (openstad-headless)', legacy: 'legacy (openstad-api)' } as const;
const OTHER = { headless: 'legacy', legacy: 'headless' } as const;

/** The tenant JSON for `id` (H with `includeConfig=1`, docs/upstreams/openstad.md §2.7) and the generation that served it. */
export async function fetchTenant(
  http: HttpClient,
  configured: Generation | undefined,
  id: number,
): Promise<{ generation: Generation; tenant: unknown }> {
  const generation = configured ?? 'headless';
  const path = PATHS[generation](id);
  try {
    return { generation, tenant: await read(http, generation, id) };
  } catch (e) {
    if (!(e instanceof UpstreamHttpError && e.status === 404)) throw e;
    const other = OTHER[generation];
    const otherPath = PATHS[other](id);
    if (!configured) {
      try {
        return { generation: other, tenant: await read(http, other, id) };
      } catch (e2) {
        if (!(e2 instanceof UpstreamHttpError && e2.status === 404)) throw e2;
        throw new UpstreamSchemaError(
          `Neither ${path} (OpenStad ${NAMES[generation]}) nor ${otherPath} (OpenStad ${NAMES[other]}) is found: check the source's baseUrl (the API's host) and projectId`,
          { cause: e2 },
        );
      }
    }
    const answered = await http.getJson(otherPath).then(
      (body) => typeof (body as { id?: unknown } | null)?.id === 'number',
      () => false,
    );
    if (answered) {
      throw new UpstreamSchemaError(
        `The source is configured as OpenStad ${NAMES[generation]}, but ${path} is not found while ${otherPath} answers: the installation runs the ${NAMES[other]} generation; set generation: '${other}' or leave generation out to detect it`,
        { cause: e },
      );
    }
    throw e;
  }
}

function read(http: HttpClient, generation: Generation, id: number): Promise<unknown> {
  return http.getJson(PATHS[generation](id), generation === 'headless' ? { includeConfig: 1 } : {});
}
