/**
 * What CloudFront needs from us-east-1: the WAF web ACL of the public distribution (a CloudFront web ACL
 * has scope CLOUDFRONT and exists only in that region). The api stack, in the data's region, reads its
 * ARN through CDK's cross-region references (`crossRegionReferences` on both stacks): CDK writes it to
 * an SSM parameter in the api stack's region and reads it back there, and refuses to drop it while the
 * api stack still uses it.
 */
import { CfnOutput, Stack, type StackProps } from 'aws-cdk-lib';
import type { Construct } from 'constructs';
import { RateLimitedWebAcl } from '../constructs/RateLimitedWebAcl';

/** CloudFront's web ACLs, certificates and Lambda@Edge functions live in this region only. */
export const CLOUDFRONT_REGION = 'us-east-1';

export interface EdgeStackProps extends StackProps {
  /** Requests one client IP may send in 5 minutes before WAF answers it 429. */
  readonly requestsPerIp: number;
}

export class EdgeStack extends Stack {
  /** The web ACL's ARN, for PublicCdn's `webAclId` (a cross-region reference). */
  readonly webAclArn: string;

  constructor(scope: Construct, id: string, props: EdgeStackProps) {
    super(scope, id, { ...props, crossRegionReferences: true });
    const acl = new RateLimitedWebAcl(this, 'Waf', { requestsPerIp: props.requestsPerIp, windowSeconds: 300 });
    this.webAclArn = acl.webAcl.attrArn;
    new CfnOutput(this, 'WebAclArn', { value: this.webAclArn, description: "The public distribution's WAF web ACL" });
  }
}
