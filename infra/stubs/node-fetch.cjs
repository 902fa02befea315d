/*
 * Bundled in place of node-fetch v2, which @apollo/gateway uses only for its Headers and Request classes
 * (executeQueryPlan.js, RemoteGraphQLDataSource.js). Node 22, our only runtime, has both built in;
 * node-fetch would add ≈0.3 MB (whatwg-url with tr46's Unicode tables) to every bundle.
 */
'use strict';
module.exports = globalThis.fetch;
module.exports.default = globalThis.fetch;
module.exports.Headers = globalThis.Headers;
module.exports.Request = globalThis.Request;
module.exports.Response = globalThis.Response;
