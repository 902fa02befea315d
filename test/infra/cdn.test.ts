/** CloudFront in front of the HTTP API: what it caches, on what key, and how it serves. */
import { Match } from 'aws-cdk-lib/assertions';
import { CDN_CACHE_KEY_HEADERS, CDN_LOG_DAYS } from '../../infra/constructs/PublicCdn';
import { nagFindings, removeAssembly, synthInspraak, type Synthesised } from './support';

let s: Synthesised;
beforeAll(() => {
  s = synthInspraak({ topology: 'single' }, { bundle: false });
});
afterAll(() => removeAssembly(s));

describe('the CDN', () => {
  it('puts one CloudFront distribution in front of the HTTP API, over HTTPS, with HTTP/2 and HTTP/3', () => {
    s.api.resourceCountIs('AWS::CloudFront::Distribution', 1);
    s.api.hasResourceProperties('AWS::CloudFront::Distribution', {
      DistributionConfig: Match.objectLike({
        HttpVersion: 'http2and3',
        Enabled: true,
        Origins: [
          Match.objectLike({
            DomainName: {
              'Fn::Join': ['.', [{ Ref: Match.stringLikeRegexp('HttpApi') }, 'execute-api.eu-west-1.amazonaws.com']],
            },
            CustomOriginConfig: Match.objectLike({
              OriginProtocolPolicy: 'https-only',
              OriginSSLProtocols: ['TLSv1.2'],
            }),
          }),
        ],
        DefaultCacheBehavior: Match.objectLike({
          Compress: true,
          ViewerProtocolPolicy: 'https-only',
          AllowedMethods: Match.arrayWith(['GET', 'HEAD', 'POST']),
          CachedMethods: ['GET', 'HEAD'],
        }),
        Logging: Match.objectLike({ Prefix: 'cloudfront/' }),
      }),
    });
  });

  it("caches on the query string and Accept, compressed, for as long as the gateway's Cache-Control says", () => {
    s.api.hasResourceProperties('AWS::CloudFront::CachePolicy', {
      CachePolicyConfig: Match.objectLike({
        DefaultTTL: 0,
        MinTTL: 0,
        ParametersInCacheKeyAndForwardedToOrigin: {
          QueryStringsConfig: { QueryStringBehavior: 'all' },
          HeadersConfig: { HeaderBehavior: 'whitelist', Headers: CDN_CACHE_KEY_HEADERS },
          CookiesConfig: { CookieBehavior: 'none' },
          EnableAcceptEncodingGzip: true,
          EnableAcceptEncodingBrotli: true,
        },
      }),
    });
  });

  it('keeps its access logs (viewer IP addresses) no longer than the API keeps its own', () => {
    s.api.hasResourceProperties('AWS::S3::Bucket', {
      LifecycleConfiguration: { Rules: [Match.objectLike({ ExpirationInDays: CDN_LOG_DAYS, Status: 'Enabled' })] },
      PublicAccessBlockConfiguration: Match.objectLike({ BlockPublicAcls: true, RestrictPublicBuckets: true }),
    });
  });

  it('names the endpoint through CloudFront in the stack outputs', () => {
    s.api.hasOutput('CdnGraphqlUrl', {
      Value: { 'Fn::Join': ['', ['https://', { 'Fn::GetAtt': [Match.anyValue(), 'DomainName'] }, '/graphql']] },
    });
  });

  it('leaves cdk-nag nothing unacknowledged', () => {
    expect(nagFindings(s.app)).toEqual([]);
  });
});
