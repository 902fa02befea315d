/** An image src made absolute on the installation's own host; null for anything that is not http(s) there. */
export function onOwnHost(src: string, base: string): string | null {
  try {
    const url = new URL(src, `${base}/`);
    return url.origin === new URL(base).origin ? url.href : null;
  } catch {
    return null;
  }
}
