/** `npm run compose`: writes services/gateway/supergraph.graphql, or fails with the composition errors. */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { apiSchemaSdl, composeSupergraph, CompositionError } from '../services/gateway/compose';

try {
  const sdl = composeSupergraph();
  const out = join(__dirname, '..', 'services', 'gateway', 'supergraph.graphql');
  writeFileSync(out, sdl);
  console.log(`Composed the supergraph into ${out}`);
  const api = join(__dirname, '..', 'client', 'schema.graphql');
  writeFileSync(api, apiSchemaSdl());
  console.log(`Wrote the API schema for clients into ${api}`);
} catch (e) {
  console.error(e instanceof CompositionError ? e.message : e);
  process.exit(1);
}
