/*
 * Bundled in place of packages that the gateway's dependencies import when they load but that Inspraak
 * never calls (the list and the reason for each is BUNDLE_ALIASES in infra/bundling.ts):
 * - @apollo/gateway's usage telemetry to Apollo (OpenTelemetry metrics SDK, OTLP exporter, resource
 *   detectors for AWS, GCP, Azure and Alibaba): only called unless APOLLO_TELEMETRY_DISABLED is "1"/"true";
 * - @apollo/composition: only for supergraph managers that compose at run time; the gateway reads a
 *   static supergraph;
 * - ts-graphviz: only for @apollo/query-graphs' debugging output (toDot).
 * Constant-like names (ATTR_CLOUD_PROVIDER, read when a module loads) give their own name; anything
 * else is a function that fails loudly if it is ever called.
 */
'use strict';
function unavailable(name) {
  return function () {
    throw new Error(`${name}() belongs to a package that is not bundled (see BUNDLE_ALIASES in infra/bundling.ts).`);
  };
}
module.exports = new Proxy({}, {
  get(_target, key) {
    if (typeof key !== 'string' || key === '__esModule' || key === 'then' || key === 'default') return undefined;
    return /^[A-Z][A-Z0-9_]*$/.test(key) ? key : unavailable(key);
  },
});
