/**
 * Reads one `.pb` file of a source: over HTTP through the source's polite client (`<baseUrl>/<file>`),
 * or from the local directory a `file:` base URL names, with the same byte cap (docs/upstreams/pabulib.md §1).
 */
import { readFile, stat } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { ResponseTooLargeError, SourceUnavailableError } from '../../errors';
import type { HarvestContext } from '../../adapter';
import type { PabulibSourceConfig } from './sourceSchema';

export async function readPbFile(ctx: HarvestContext<PabulibSourceConfig>, file: string): Promise<string> {
  const base = ctx.source.baseUrl.endsWith('/') ? ctx.source.baseUrl : `${ctx.source.baseUrl}/`;
  if (!base.startsWith('file:')) return ctx.http.getText(encodeURIComponent(file));
  const path = fileURLToPath(new URL(encodeURIComponent(file), base));
  try {
    const { size } = await stat(path);
    if (size > ctx.source.maxResponseBytes)
      throw new ResponseTooLargeError(`${file} has ${size} bytes, more than the cap of ${ctx.source.maxResponseBytes}`);
    return await readFile(path, 'utf8');
  } catch (e) {
    if (e instanceof ResponseTooLargeError) throw e;
    const code = (e as { code?: unknown }).code;
    throw new SourceUnavailableError(`${file} could not be read (${typeof code === 'string' ? code : 'error'})`, {
      cause: e,
    });
  }
}
