import { App, Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { RateLimitedWebAcl } from '../../infra/constructs/RateLimitedWebAcl';

describe('RateLimitedWebAcl', () => {
  it('limits each IP with a rate-based rule answering 429, on CloudFront scope', () => {
    const stack = new Stack(new App(), 'Waf', { env: { region: 'us-east-1', account: '123456789012' } });
    new RateLimitedWebAcl(stack, 'Acl', { requestsPerIp: 500 });
    const template = Template.fromStack(stack);
    template.resourceCountIs('AWS::WAFv2::WebACL', 1);
    template.hasResourceProperties('AWS::WAFv2::WebACL', {
      Scope: 'CLOUDFRONT',
      DefaultAction: { Allow: {} },
      Rules: [
        {
          Name: 'RatePerIp',
          Statement: { RateBasedStatement: { AggregateKeyType: 'IP', Limit: 500, EvaluationWindowSec: 300 } },
          Action: { Block: { CustomResponse: { ResponseCode: 429, CustomResponseBodyKey: 'tooMany' } } },
        },
        { Name: 'AmazonIpReputation' },
      ],
    });
  });
});
