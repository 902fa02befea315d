/* @opentelemetry/semantic-conventions/incubating, which the alias of @opentelemetry/semantic-conventions resolves here (see index.js). */
'use strict';
module.exports = require('./index.js');
