import { sourceRef } from '../../core/refs';
import type { ProvenanceResolvers } from '../generated/resolvers';

export const Provenance: ProvenanceResolvers = {
  source: (p) => sourceRef(p.sourceId),
};
