/**
 * Reads one public HTML page of the installation through the polite client. CONSUL publishes budget
 * membership, winners and ballot counts only in HTML (docs/upstreams/consul.md §5.1, §5.3, §8 note 13).
 */
import type { HarvestContext } from '../../adapter';
import type { ConsulSourceConfig } from './sourceSchema';
import type { Query } from '../../http/HttpClient';

/** GET `path` with `query` as text; throws the client's typed errors for a non-2xx answer. */
export function fetchHtml(ctx: HarvestContext<ConsulSourceConfig>, path: string, query: Query = {}): Promise<string> {
  return ctx.http.getText(path, query);
}
