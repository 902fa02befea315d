/** `npm run compose`: writes services/gateway/supergraph.graphql, or fails with the composition errors. */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { composeSupergraph, CompositionError } from '../services/gateway/compose';

try {
  const sdl = composeSupergraph();
  const out = join(__dirname, '..', 'services', 'gateway', 'supergraph.graphql');
  writeFileSync(out, sdl);
  console.log(`Composed the supergraph into ${out}`);
} catch (e) {
  console.error(e instanceof CompositionError ? e.message : e);
  process.exit(1);
}
