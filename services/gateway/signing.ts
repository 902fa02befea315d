/**
 * SigV4 signing of subgraph calls, for the split topology on AWS: each subgraph is a Lambda behind a
 * function URL with AuthType AWS_IAM, so the gateway signs every request as service `lambda` with the
 * credentials of its own role (the default provider chain). @smithy/signature-v4 is the AWS SDK's own
 * signer.
 */
import { Sha256 } from '@aws-crypto/sha256-js';
import { defaultProvider } from '@aws-sdk/credential-provider-node';
import { SignatureV4 } from '@smithy/signature-v4';

export type SignRequest = (
  url: string,
  init: { method: string; headers: Record<string, string>; body: string },
) => Promise<Record<string, string>>;

/** A signer for Lambda function URLs in `region`; returns the headers to send (signature included). */
export function lambdaUrlSigner(region: string, credentials = defaultProvider()): SignRequest {
  const signer = new SignatureV4({ service: 'lambda', region, credentials, sha256: Sha256 });
  return async (url, init) => {
    const u = new URL(url);
    const signed = await signer.sign({
      method: init.method,
      protocol: u.protocol,
      hostname: u.hostname,
      ...(u.port && { port: Number(u.port) }),
      path: u.pathname,
      query: Object.fromEntries(u.searchParams),
      headers: { ...init.headers, host: u.host },
      body: init.body,
    });
    return signed.headers as Record<string, string>;
  };
}
