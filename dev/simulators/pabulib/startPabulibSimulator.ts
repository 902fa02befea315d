/**
 * A simulated Pabulib directory (docs/upstreams/pabulib.md §1): a static web server that answers
 * `GET /<file>.pb` with the file as UTF-8 text, and 404 for anything else, as pabulib.org and any plain
 * file host do. It serves either its seed (written with the project's Pabulib writer) or, with `dir`, the
 * `.pb` files of a local directory, read when asked (so tests can serve real files without copying them).
 * Faults come from the shared shell (simServer.ts); `drift` renames PROJECTS' `cost` column, as a file
 * written by a tool that does not follow the format would.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { writePabulib } from '../../../services/core/pabulib/write';
import { type SimServer, type SimServerOptions, startSimServer } from '../simServer';
import { buildPabulibSeed } from './buildPabulibSeed';
import type { PabulibSeed } from './seedTypes';

export interface PabulibSimulatorOptions extends SimServerOptions {
  seed?: PabulibSeed;
  /** Serve the `.pb` files of this directory instead of a seed. */
  dir?: string;
}

export interface PabulibSimulator extends SimServer {
  /** The names of the files served. */
  files(): Promise<string[]>;
}

export async function startPabulibSimulator(options: PabulibSimulatorOptions = {}): Promise<PabulibSimulator> {
  const seed = options.dir ? null : (options.seed ?? buildPabulibSeed());
  const seeded = new Map(Object.entries(seed?.files ?? {}).map(([name, file]) => [name, writePabulib(file)]));
  const files = async () =>
    options.dir ? (await readdir(options.dir)).filter((f) => f.endsWith('.pb')).sort() : [...seeded.keys()];

  const server = await startSimServer(async (req) => {
    const name = decodeURIComponent(req.path.slice(1));
    if (req.method !== 'GET' || name.includes('/') || !(await files()).includes(name))
      return { status: 404, text: 'Not Found\n', headers: { 'content-type': 'text/plain' } };
    let text = options.dir ? await readFile(join(options.dir, name), 'utf8') : seeded.get(name)!;
    if (req.fault?.kind === 'drift') text = text.replace(/^project_id;cost;/m, 'project_id;price;');
    return { status: 200, text, headers: { 'content-type': 'text/plain; charset=utf-8' } };
  }, options);
  return { ...server, files };
}
