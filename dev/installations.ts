/**
 * The sandbox's simulated installations (dev/simulators): two each of CONSUL, Decidim and OpenStad, and
 * a host of Pabulib files, with invented Dutch content, on the loopback ports that dev/sources.json names.
 */
import { startConsulSimulator } from './simulators/consul';
import { startDecidimSimulator } from './simulators/decidim';
import { startOpenstadSimulator } from './simulators/openstad';
import { startPabulibSimulator } from './simulators/pabulib';
import type { SimServer } from './simulators/simServer';
import type { SourceConfig } from '../services/harvester/config';
import { ConfigError } from '../services/core/errors';

export interface Installation {
  name: string;
  server: SimServer;
}

const portOf = (sources: readonly SourceConfig[], id: string) => {
  const source = sources.find((s) => s.id === id);
  if (!source) throw new ConfigError(`dev/sources.json has no source ${id}`);
  return Number(new URL(source.baseUrl).port);
};

/** Starts the seven installations on the ports the sandbox's sources name; fails clearly when one is taken. */
export async function startInstallations(sources: readonly SourceConfig[]): Promise<Installation[]> {
  const specs: [string, () => Promise<SimServer>][] = [
    [
      'CONSUL 2.4.1, Assen',
      () => startConsulSimulator({ municipality: 'GM0106', port: portOf(sources, 'gm0106-consul') }),
    ],
    [
      'CONSUL 2.4.1, Tilburg',
      () => startConsulSimulator({ municipality: 'GM0855', port: portOf(sources, 'gm0855-consul') }),
    ],
    [
      'Decidim 0.31, Rotterdam',
      () => startDecidimSimulator({ municipality: 'GM0599', version: '0.31', port: portOf(sources, 'gm0599-decidim') }),
    ],
    [
      'Decidim 0.27, Utrecht',
      () => startDecidimSimulator({ municipality: 'GM0344', version: '0.27', port: portOf(sources, 'gm0344-decidim') }),
    ],
    [
      'OpenStad headless, Amsterdam',
      () => startOpenstadSimulator({ municipality: 'GM0363', port: portOf(sources, 'gm0363-openstad-ideeen') }),
    ],
    [
      'OpenStad headless, Den Haag',
      () => startOpenstadSimulator({ municipality: 'GM0518', port: portOf(sources, 'gm0518-openstad-begroot') }),
    ],
    ['Pabulib files, Assen', () => startPabulibSimulator({ port: portOf(sources, 'gm0106-pabulib') })],
  ];
  const started: Installation[] = [];
  try {
    for (const [name, start] of specs) started.push({ name, server: await start() });
  } catch (e) {
    await Promise.all(started.map((i) => i.server.close()));
    const code = (e as { code?: string }).code;
    throw new ConfigError(
      code === 'EADDRINUSE'
        ? `A port of the simulated installations (4101–4107, see dev/sources.json) is in use: is another sandbox running? (${(e as Error).message})`
        : (e as Error).message,
      { cause: e },
    );
  }
  return started;
}
