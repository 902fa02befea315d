/** The adapter of each platform. */
import type { PlatformAdapter } from '../adapter';
import type { SourceConfig } from '../config';
import { consulAdapter } from './consul';
import { decidimAdapter } from './decidim';
import { openstadAdapter } from './openstad';

export const ADAPTERS: Readonly<Record<SourceConfig['platform'], PlatformAdapter<SourceConfig>>> = {
  consul: consulAdapter,
  decidim: decidimAdapter,
  openstad: openstadAdapter,
};
