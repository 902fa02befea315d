import { municipalityRef } from '../../core/refs';
import type { ProposalResolvers } from '../generated/resolvers';
import { inLocale } from '../inLocale';

export const Proposal: ProposalResolvers = {
  __resolveReference: (ref, { stores }) => stores.proposals.byId.load(ref.id),
  municipality: (p) => municipalityRef(p.municipalityCode),
  title: (p, { locale }) => inLocale(p, locale).title,
  summary: (p, { locale }) => inLocale(p, locale).summary,
  body: (p, { locale }) => inLocale(p, locale).body,
  textLocale: (p, { locale }) => inLocale(p, locale).locale,
};
