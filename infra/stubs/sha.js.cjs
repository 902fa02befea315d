/*
 * Bundled in place of sha.js, the pure-JavaScript SHA family that @apollo/utils.createhash falls back to
 * when `module.require` is missing, as it is inside any esbuild bundle. Apollo hashes the supergraph at
 * start and every operation's text per request with it; Node's own (OpenSSL) hashes are ≈10× faster.
 * Same call shape: `shajs('sha256').update(text).digest('hex')`.
 */
'use strict';
const { createHash } = require('node:crypto');
module.exports = function shajs(algorithm) {
  return createHash(String(algorithm).toLowerCase());
};
