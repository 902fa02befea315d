/**
 * The answer a custom resource's function owes CloudFormation: a PUT of a JSON document to the
 * pre-signed S3 URL in the event (AWS CloudFormation User Guide, "Custom resource response objects").
 * Without it the stack waits for an hour, so every path of the handler ends here.
 */
import type { CloudFormationCustomResourceEvent } from 'aws-lambda';
import { DependencyError } from '../core/errors';

export interface CfnOutcome {
  status: 'SUCCESS' | 'FAILED';
  physicalResourceId: string;
  reason?: string;
  data?: Record<string, string | number>;
}

export async function sendCfnResponse(event: CloudFormationCustomResourceEvent, outcome: CfnOutcome): Promise<void> {
  const body = JSON.stringify({
    Status: outcome.status,
    // CloudFormation shows the reason in the stack's events; 4 KB is its limit for the whole document.
    Reason: (outcome.reason ?? outcome.status).slice(0, 2000),
    PhysicalResourceId: outcome.physicalResourceId,
    StackId: event.StackId,
    RequestId: event.RequestId,
    LogicalResourceId: event.LogicalResourceId,
    Data: outcome.data ?? {},
  });
  // The pre-signed URL is signed without a content type: sending one would break the signature.
  const res = await fetch(event.ResponseURL, {
    method: 'PUT',
    headers: { 'content-type': '', 'content-length': String(Buffer.byteLength(body)) },
    body,
    signal: AbortSignal.timeout(30_000),
  });
  if (!res.ok) throw new DependencyError('CloudFormation', `CloudFormation's response URL answered ${res.status}`);
}
