/**
 * The deploy-time bootstrap as a CloudFormation custom resource's function (infra/constructs/TableBootstrap.ts):
 * on Create and Update it runs every bootstrap step (steps.ts) against the table, then answers
 * CloudFormation; a failure answers FAILED with the reason, so the deployment stops and rolls back
 * instead of serving an empty registry. Delete does nothing: the table and its data are retained.
 */
import type { CloudFormationCustomResourceEvent } from 'aws-lambda';
import { parseConfig } from '../core/config';
import { createDynamo } from '../core/dynamo/client';
import { log } from '../core/log';
import { sendCfnResponse } from './cfnResponse';
import { bootstrapConfigSchema } from './config';
import { runBootstrap } from './steps';

const config = parseConfig(bootstrapConfigSchema, process.env);
const { doc } = createDynamo({ region: config.AWS_REGION, endpoint: config.DYNAMODB_ENDPOINT });

export async function handler(event: CloudFormationCustomResourceEvent): Promise<void> {
  const physicalResourceId = `${config.INSPRAAK_TABLE}/bootstrap`;
  if (event.RequestType === 'Delete') {
    await sendCfnResponse(event, { status: 'SUCCESS', physicalResourceId, reason: 'The table keeps its data.' });
    return;
  }
  try {
    const done = await runBootstrap({ doc, table: config.INSPRAAK_TABLE });
    log.info('bootstrap done', { request: event.RequestType, version: event.ResourceProperties.Version, ...done });
    const data = Object.fromEntries(
      Object.entries(done).flatMap(([step, out]) => Object.entries(out).map(([k, v]) => [`${step}.${k}`, v])),
    );
    await sendCfnResponse(event, { status: 'SUCCESS', physicalResourceId, data });
  } catch (e) {
    const reason = e instanceof Error ? `${e.name}: ${e.message}` : String(e);
    log.error('bootstrap failed', { error: reason });
    await sendCfnResponse(event, { status: 'FAILED', physicalResourceId, reason });
  }
}
