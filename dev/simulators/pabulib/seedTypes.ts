/** What a simulated Pabulib directory serves: `.pb` files by name, in Pabulib's own shape (parsed). */
import type { PabulibFile } from '../../../services/core/pabulib/parse';

export interface PabulibSeed {
  /** Which municipality the elections are of (CBS code): the sources entry's `municipality`. */
  municipality: string;
  note: string;
  /** File name (`….pb`) → its content. */
  files: Record<string, PabulibFile>;
}
