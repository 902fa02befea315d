/**
 * One Lambda execution environment for the deploy-shaped test (functionHost.ts): loads a function's
 * bundle in this fresh Node process, as Lambda's Node runtime does, and invokes its handler for each
 * event the parent sends over IPC. Before loading the bundle it adds a middleware to every AWS SDK
 * client (the runtime's SDK: @aws-sdk/* are external to the bundles) that reports each command sent,
 * so the parent can check it against the function's IAM policy.
 * argv: <bundle dir> <handler export>
 */
const { join } = require('node:path');

const reported = new WeakSet();
function patch(Client) {
  if (!Client || Client.prototype.__inspraakHarness) return;
  const send = Client.prototype.send;
  Client.prototype.__inspraakHarness = true;
  Client.prototype.send = function (command, ...rest) {
    const stack = this.middlewareStack;
    if (!reported.has(stack)) {
      reported.add(stack);
      stack.add(
        (next, context) => (args) => {
          const input = args.input || {};
          process.send({
            type: 'call',
            call: {
              client: String(context.clientName),
              command: String(context.commandName),
              // What IAM decides on: names of tables, indexes, queues, buckets and keys; never item data.
              input: {
                TableName: input.TableName,
                IndexName: input.IndexName,
                RequestItems: input.RequestItems
                  ? Object.fromEntries(Object.keys(input.RequestItems).map((k) => [k, 1]))
                  : undefined,
                TransactItems: input.TransactItems
                  ? input.TransactItems.map((t) =>
                      Object.fromEntries(Object.entries(t).map(([k, v]) => [k, { TableName: v.TableName }])),
                    )
                  : undefined,
                QueueUrl: input.QueueUrl,
                Bucket: input.Bucket,
                Key: input.Key,
              },
            },
          });
          return next(args);
        },
        { step: 'initialize', name: 'inspraakDeployedHarness', override: true },
      );
    }
    return send.call(this, command, ...rest);
  };
}
// Every copy of the SDK's client base class that the runtime's clients may load.
for (const pkg of ['@aws-sdk/client-dynamodb', '@aws-sdk/client-sqs', '@aws-sdk/client-s3', '@aws-sdk/lib-dynamodb']) {
  // Newer clients take their base class from @smithy/core/client, older ones from @smithy/smithy-client.
  for (const base of ['@smithy/core/client', '@smithy/smithy-client']) {
    try {
      patch(require(require.resolve(base, { paths: [require.resolve(pkg)] })).Client);
    } catch {
      // not installed: no client loads it either
    }
  }
}

const [dir, exportName] = process.argv.slice(2);
const started = performance.now();
let handler;
try {
  handler = require(join(dir, 'index.js'))[exportName];
  if (typeof handler !== 'function') throw new Error(`index.js exports no function ${exportName}`);
} catch (e) {
  process.send({ type: 'initError', error: String((e && e.stack) || e) });
  process.exit(1);
}
process.send({ type: 'ready', initMs: performance.now() - started });

process.on('message', async (m) => {
  if (m.type !== 'invoke') return;
  const deadline = Date.now() + m.timeoutMs;
  const context = {
    awsRequestId: m.requestId,
    functionName: m.functionName,
    functionVersion: '$LATEST',
    invokedFunctionArn: m.functionArn,
    memoryLimitInMB: String(m.memoryMb),
    logGroupName: `/aws/lambda/${m.functionName}`,
    logStreamName: 'harness',
    callbackWaitsForEmptyEventLoop: true,
    getRemainingTimeInMillis: () => Math.max(0, deadline - Date.now()),
  };
  try {
    const result = await handler(m.event, context);
    process.send({ type: 'result', id: m.id, result: result === undefined ? null : result });
  } catch (e) {
    process.send({ type: 'result', id: m.id, error: String((e && e.stack) || e) });
  }
});
