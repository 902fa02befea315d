/** The plain pages Rails answers with outside the API (docs/upstreams/consul.md §2: RecordNotFound → 404 page). */
import type { SimResponse } from '../simServer';

const html = { 'content-type': 'text/html; charset=utf-8' };

/** Rails' public/404.html, as sent for ActiveRecord::RecordNotFound and unknown routes. */
export function notFoundPage(): SimResponse {
  return {
    status: 404,
    headers: html,
    text: '<!DOCTYPE html>\n<html>\n<head>\n  <title>The page you were looking for doesn\'t exist (404)</title>\n</head>\n<body>\n  <div class="dialog">\n    <h1>The page you were looking for doesn\'t exist.</h1>\n    <p>You may have mistyped the address or the page may have moved.</p>\n  </div>\n</body>\n</html>\n',
  };
}

/** FeatureFlags::FeatureDisabled, mapped to 403 (docs/upstreams/consul.md §2 "Feature flag"). */
export function forbiddenPage(): SimResponse {
  return { status: 403, headers: html, text: '<!DOCTYPE html>\n<html><body><h1>Forbidden</h1></body></html>\n' };
}

/** CanCan::AccessDenied on an HTML page: a redirect to the home page with a flash message. */
export function redirectHome(base: string): SimResponse {
  return {
    status: 302,
    headers: { ...html, location: `${base}/` },
    text: `<html><body>You are being <a href="${base}/">redirected</a>.</body></html>`,
  };
}

/** The home page. */
export function homePage(title: string): SimResponse {
  return {
    status: 200,
    headers: html,
    text: `<!DOCTYPE html>\n<html lang="nl"><head><title>${title}</title></head><body><main><h1>${title}</h1></main></body></html>\n`,
  };
}

/** Escapes text for HTML. */
export function esc(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}
