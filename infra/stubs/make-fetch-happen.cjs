/*
 * Bundled in place of make-fetch-happen (≈0.9 MB with iconv-lite, cacache, glob, socks…). @apollo/gateway's
 * RemoteGraphQLDataSource builds a default fetcher from it in its constructor and then replaces it with
 * the `fetcher` it is given; Inspraak's HttpDataSource always gives one (Node's fetch), so the default is
 * never called. If it ever is, fail loudly rather than silently fetch without our timeouts.
 */
'use strict';
function unavailable() {
  return Promise.reject(new Error('make-fetch-happen is not bundled: give RemoteGraphQLDataSource a fetcher (see infra/stubs/make-fetch-happen.cjs).'));
}
module.exports = { defaults: function defaults() { return unavailable; } };
