/**
 * The adapter registry: one adapter per platform of services/core/platforms.ts, in its order. Everything
 * that needs "all the adapters" reads it: the sources file's schema (config.ts), the harvest run
 * (runtime.ts), the adapter contract suite (adapters/__tests__/contract.test.ts).
 */
import type { PlatformKey } from '../../core/platforms';
import type { PlatformAdapter } from '../adapter';
import type { SourceConfigBase } from '../sourceFields';
import { consulAdapter } from './consul';
import { decidimAdapter } from './decidim';
import { openstadAdapter } from './openstad';
import { pabulibAdapter } from './pabulib';

export const PLATFORM_ADAPTERS = [consulAdapter, decidimAdapter, openstadAdapter, pabulibAdapter] as const;

type Missing = Exclude<PlatformKey, (typeof PLATFORM_ADAPTERS)[number]['platform']>;
/** Fails to compile, naming the platform, when a platform of the registry has no adapter here. */
const everyPlatformHasAnAdapter: [Missing] extends [never] ? true : { missingAdapterFor: Missing } = true;
void everyPlatformHasAnAdapter;

type Adapter = (typeof PLATFORM_ADAPTERS)[number];

/** The adapter of each platform key. */
export const ADAPTERS = Object.fromEntries(PLATFORM_ADAPTERS.map((a) => [a.platform, a])) as unknown as Readonly<
  Record<PlatformKey, PlatformAdapter<SourceConfigBase>>
> &
  Readonly<{ [A in Adapter as A['platform']]: A }>;
