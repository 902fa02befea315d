/**
 * Checks an API Gateway v2 event before Apollo sees it, answering the same GraphQL-shaped errors as the
 * local HTTP front (core/http.ts) for a body that is too large or is not valid JSON.
 */
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { type ErrorCode, errorAnswer } from './errors';
import { MAX_BODY_BYTES } from './http';

export async function lambdaGuard(
  event: APIGatewayProxyEventV2,
  next: () => Promise<APIGatewayProxyStructuredResultV2>,
): Promise<APIGatewayProxyStructuredResultV2> {
  if (event.body) {
    const raw = event.isBase64Encoded ? Buffer.from(event.body, 'base64').toString('utf8') : event.body;
    if (Buffer.byteLength(raw) > MAX_BODY_BYTES)
      return errorResult('REQUEST_TOO_LARGE', `The request body is larger than ${MAX_BODY_BYTES} bytes.`);
    const type = Object.entries(event.headers ?? {}).find(([k]) => k.toLowerCase() === 'content-type')?.[1] ?? '';
    if (type.includes('json')) {
      try {
        JSON.parse(raw);
      } catch {
        return errorResult('BAD_REQUEST', 'The request body is not valid JSON. Send {"query": "…", "variables": {…}}.');
      }
    }
  }
  return next();
}

/** A GraphQL-shaped error answer with the catalogue's status for `code`. */
export function errorResult(code: ErrorCode, message?: string): APIGatewayProxyStructuredResultV2 {
  const answer = errorAnswer(code, message);
  return {
    statusCode: answer.status,
    headers: { 'content-type': 'application/json; charset=utf-8' },
    body: answer.body,
  };
}
