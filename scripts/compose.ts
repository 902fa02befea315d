/** `npm run compose`: writes services/gateway/supergraph.graphql, or fails with the composition errors. */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { apiSchemaSdl, composeSupergraph, CompositionError, loadPartners } from '../services/gateway/compose';

try {
  // Partners' subgraphs, served over HTTP by their owners: partners.json, or the file INSPRAAK_PARTNERS names.
  const partners = loadPartners(process.env.INSPRAAK_PARTNERS ?? join(__dirname, '..', 'partners.json'));
  const sdl = composeSupergraph(partners);
  const out = join(__dirname, '..', 'services', 'gateway', 'supergraph.graphql');
  writeFileSync(out, sdl);
  console.log(
    `Composed the supergraph into ${out}${partners.length ? ` with partners ${partners.map((p) => p.name).join(', ')}` : ''}`,
  );
  const api = join(__dirname, '..', 'client', 'schema.graphql');
  writeFileSync(api, apiSchemaSdl(partners));
  console.log(`Wrote the API schema for clients into ${api}`);
} catch (e) {
  console.error(e instanceof CompositionError ? e.message : e);
  process.exit(1);
}
