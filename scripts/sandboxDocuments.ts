/**
 * The sandbox's items as search documents: the seven simulated installations of `npm start` (dev/), started
 * on free ports, harvested by the real adapters in memory (no DynamoDB), and turned into documents as
 * the search index does. For the relevance part of `npm run bench:search`.
 */
import { startInstallations } from '../dev/installations';
import { loadSources } from '../services/harvester/config';
import { ADAPTERS } from '../services/harvester/adapters';
import { PoliteHttpClient } from '../services/harvester/http/HttpClient';
import { loadMunicipalities } from '../services/core/registry';
import {
  municipalityDirectory,
  projectDocument,
  proposalDocument,
  type SearchDocument,
} from '../services/search/documents';
import { budgetDate } from '../services/search/store/SearchFeed';

export async function sandboxDocuments(): Promise<SearchDocument[]> {
  const directory = municipalityDirectory(loadMunicipalities());
  const sources = loadSources('dev/sources.json');
  // The sandbox's own ports (4101–4107) may be in use by a running sandbox: start on free ones instead.
  const free = sources.map((s) => ({ ...s, baseUrl: 'http://127.0.0.1:0' }));
  const installations = await startInstallations(free);
  try {
    const urlOf = new Map(sources.map((s) => [s.baseUrl, s.baseUrl]));
    // startInstallations starts them in the order of dev/installations.ts, which follows the ports.
    const ports = [...new Set(sources.map((s) => s.baseUrl))].sort();
    for (const [i, inst] of installations.entries()) urlOf.set(ports[i]!, inst.server.url);
    const docs: SearchDocument[] = [];
    for (const source of sources) {
      const baseUrl = urlOf.get(source.baseUrl)!;
      const http = new PoliteHttpClient({
        baseUrl,
        timeoutMs: 10_000,
        maxResponseBytes: 20e6,
        requestsPerMinute: 6000,
      });
      const result = await ADAPTERS[source.platform].harvest({
        source: { ...source, baseUrl } as never,
        http,
        harvestedAt: new Date().toISOString(),
        report: () => {},
      });
      const dates = new Map(result.budgets.map((b) => [b.id, budgetDate(b)]));
      for (const p of result.proposals) if (!p.removedAt) docs.push(proposalDocument(p, directory));
      for (const p of result.projects)
        if (!p.removedAt) docs.push(projectDocument(p, directory, dates.get(p.budgetId) ?? null));
    }
    return docs;
  } finally {
    await Promise.all(installations.map((i) => i.server.close()));
  }
}
