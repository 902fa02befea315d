/**
 * The images among a Decidim resource's attachments (data-model §4.1): an attachment is an image when
 * Decidim made a thumbnail for it or its extension (`Attachment.type` is Decidim's `file_type`, the
 * file's extension) is an image format; documents (PDF, …) are left out. URLs are kept as the
 * installation gives them (made absolute against its base URL) and never fetched; only http(s) URLs
 * are kept. The alt text is the attachment's title (0.28+) in the record's language, else null.
 */
import type { Image } from '../../../core/model';
import { nameOf } from './translations';
import type { AttachmentsValue } from './upstreamSchemas';

const IMAGE_EXTENSIONS = new Set(['jpg', 'jpeg', 'png', 'gif', 'webp', 'avif', 'bmp', 'tif', 'tiff']);

export function imagesOf(attachments: AttachmentsValue, baseUrl: string, locale: string): Image[] {
  const images: Image[] = [];
  for (const a of attachments ?? []) {
    if (!a) continue;
    const isImage = Boolean(a.thumbnail) || IMAGE_EXTENSIONS.has(a.type.trim().toLowerCase().replace(/^\./, ''));
    if (!isImage) continue;
    const url = absoluteHttpUrl(a.url, baseUrl);
    if (!url) continue;
    images.push({ url, alt: nameOf(a.title, locale) });
  }
  return images;
}

function absoluteHttpUrl(url: string, baseUrl: string): string | null {
  try {
    const u = new URL(url, baseUrl);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.href : null;
  } catch {
    return null;
  }
}
