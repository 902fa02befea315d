/** The bootstrap function's configuration: the table's settings only. */
import { z } from 'zod';
import { tableConfigShape } from '../core/config';

export const bootstrapConfigSchema = z.object(tableConfigShape);
