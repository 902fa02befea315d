/** `npm run compose`: writes services/gateway/supergraph.graphql, or fails with the composition errors. */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEFAULT_SCHEMA_DIR, prebuiltFileName } from '../services/core/schema';
import { prebuildSubgraphSchema } from '../services/core/subgraphSchema';
import { apiSchemaSdl, composeSupergraph, CompositionError, loadPartners } from '../services/gateway/compose';
import { SUBGRAPHS } from '../services/gateway/subgraphs';

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
  // Composition has validated every subgraph: what buildSubgraphSchema makes of each, for cold starts.
  for (const { name } of SUBGRAPHS) {
    const sdl = readFileSync(join(DEFAULT_SCHEMA_DIR, `${name}.graphql`), 'utf8');
    writeFileSync(
      join(DEFAULT_SCHEMA_DIR, prebuiltFileName(name)),
      `${JSON.stringify(prebuildSubgraphSchema(sdl), null, 2)}\n`,
    );
  }
  console.log(`Wrote the prebuilt subgraph schemas into ${DEFAULT_SCHEMA_DIR}/*.prebuilt.json`);
} catch (e) {
  console.error(e instanceof CompositionError ? e.message : e);
  process.exit(1);
}
