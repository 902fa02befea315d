/**
 * An AWS WAF web ACL for the public CloudFront distribution (PublicCdn.webAclId): a rate-based rule per
 * client IP, and AWS's managed IP-reputation list. WAF cannot attach to an API Gateway HTTP API, only to
 * CloudFront (or REST APIs and ALBs); a web ACL for CloudFront has scope CLOUDFRONT and must be created in
 * us-east-1, so this construct belongs in a stack of that region, whose ACL ARN the API stack passes to
 * PublicCdn (cross-region reference). See docs/operations.md.
 */
import { CfnWebACL } from 'aws-cdk-lib/aws-wafv2';
import { Construct } from 'constructs';

export interface RateLimitedWebAclProps {
  /** Requests one IP may send in `windowSeconds` before WAF answers 429 to it; default 1000 per 5 minutes. */
  readonly requestsPerIp?: number;
  /** The window WAF counts in: 60, 120, 300 or 600 seconds; default 300. */
  readonly windowSeconds?: 60 | 120 | 300 | 600;
}

export class RateLimitedWebAcl extends Construct {
  readonly webAcl: CfnWebACL;

  constructor(scope: Construct, id: string, props: RateLimitedWebAclProps = {}) {
    super(scope, id);
    const visibility = (metricName: string) => ({
      cloudWatchMetricsEnabled: true,
      metricName,
      sampledRequestsEnabled: true,
    });
    this.webAcl = new CfnWebACL(this, 'WebAcl', {
      scope: 'CLOUDFRONT',
      defaultAction: { allow: {} },
      visibilityConfig: visibility('InspraakWebAcl'),
      customResponseBodies: {
        tooMany: {
          contentType: 'APPLICATION_JSON',
          content:
            '{"errors":[{"message":"Too many requests from your address; slow down.","extensions":{"code":"RATE_LIMITED"}}]}',
        },
      },
      rules: [
        {
          name: 'RatePerIp',
          priority: 0,
          statement: {
            rateBasedStatement: {
              aggregateKeyType: 'IP',
              limit: props.requestsPerIp ?? 1000,
              evaluationWindowSec: props.windowSeconds ?? 300,
            },
          },
          action: { block: { customResponse: { responseCode: 429, customResponseBodyKey: 'tooMany' } } },
          visibilityConfig: visibility('RatePerIp'),
        },
        {
          name: 'AmazonIpReputation',
          priority: 1,
          statement: {
            managedRuleGroupStatement: { vendorName: 'AWS', name: 'AWSManagedRulesAmazonIpReputationList' },
          },
          overrideAction: { none: {} },
          visibilityConfig: visibility('AmazonIpReputation'),
        },
      ],
    });
  }
}
