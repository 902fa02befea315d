/** CloudFront in front of the HTTP API: what it caches, on what key, and how it serves. */
import { Match } from 'aws-cdk-lib/assertions';
import { CDN_CACHE_KEY_HEADERS, CDN_LOG_DAYS, EXPORT_PATH_PATTERN } from '../../infra/constructs/PublicCdn';
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
        Origins: Match.arrayWith([
          Match.objectLike({
            DomainName: {
              'Fn::Join': ['.', [{ Ref: Match.stringLikeRegexp('HttpApi') }, 'execute-api.eu-west-1.amazonaws.com']],
            },
            CustomOriginConfig: Match.objectLike({
              OriginProtocolPolicy: 'https-only',
              OriginSSLProtocols: ['TLSv1.2'],
            }),
          }),
        ]),
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

  it('serves /export/* from the export bucket through OAC, falling back to the API when a file is missing', () => {
    const distribution = Object.values(s.api.findResources('AWS::CloudFront::Distribution'))[0]!;
    const config = distribution.Properties.DistributionConfig;
    const [behaviour] = config.CacheBehaviors;
    expect(behaviour).toMatchObject({
      PathPattern: EXPORT_PATH_PATTERN,
      AllowedMethods: ['GET', 'HEAD'],
      ViewerProtocolPolicy: 'https-only',
      Compress: true,
    });
    expect(behaviour.OriginRequestPolicyId).toBeUndefined(); // S3 gets no viewer headers
    const group = config.OriginGroups.Items.find((g: { Id: string }) => g.Id === behaviour.TargetOriginId);
    expect(group.FailoverCriteria.StatusCodes.Items).toEqual([403, 404]);
    const [primary, fallback] = group.Members.Items.map((m: { OriginId: string }) =>
      config.Origins.find((o: { Id: string }) => o.Id === m.OriginId),
    );
    expect(primary).toMatchObject({
      DomainName: 'inspraak-exports-123456789012-eu-west-1.s3.eu-west-1.amazonaws.com',
      OriginAccessControlId: { 'Fn::GetAtt': [expect.stringMatching(/OriginAccessControl/), 'Id'] },
    });
    expect(fallback.DomainName['Fn::Join'][1][1]).toBe('execute-api.eu-west-1.amazonaws.com');
    s.api.hasResourceProperties('AWS::CloudFront::CachePolicy', {
      CachePolicyConfig: Match.objectLike({
        DefaultTTL: 0,
        ParametersInCacheKeyAndForwardedToOrigin: Match.objectLike({
          QueryStringsConfig: { QueryStringBehavior: 'none' },
          HeadersConfig: { HeaderBehavior: 'none' },
          EnableAcceptEncodingGzip: true,
        }),
      }),
    });
  });

  it("lets CloudFront read the export bucket's export/* only, and only for this account's distributions", () => {
    s.data.hasResourceProperties('AWS::S3::BucketPolicy', {
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({
            Effect: 'Allow',
            Principal: { Service: 'cloudfront.amazonaws.com' },
            Action: 's3:GetObject',
            Resource: {
              'Fn::Join': ['', [{ 'Fn::GetAtt': [Match.stringLikeRegexp('^Exports'), 'Arn'] }, '/export/*']],
            },
            Condition: {
              StringEquals: { 'AWS:SourceAccount': '123456789012' },
              ArnLike: { 'AWS:SourceArn': 'arn:aws:cloudfront::123456789012:distribution/*' },
            },
          }),
        ]),
      },
    });
  });

  it('runs the export job every 15 minutes, one run at a time, writing only export/* and its manifest', () => {
    s.harvest.hasResourceProperties('AWS::Scheduler::Schedule', {
      ScheduleExpression: 'rate(15 minutes)',
      Target: Match.objectLike({ Arn: { 'Fn::GetAtt': [Match.stringLikeRegexp('^ExportFunction'), 'Arn'] } }),
    });
    s.harvest.hasResourceProperties('AWS::Lambda::Function', {
      Description: Match.stringLikeRegexp('export job'),
      ReservedConcurrentExecutions: 1,
      EphemeralStorage: { Size: 2048 },
      Environment: {
        Variables: Match.objectLike({ INSPRAAK_EXPORT_BUCKET: 'inspraak-exports-123456789012-eu-west-1' }),
      },
    });
    const bucket = 'arn:aws:s3:::inspraak-exports-123456789012-eu-west-1';
    const statements = Object.values(s.harvest.findResources('AWS::IAM::Policy'))
      .filter((p) => JSON.stringify(p.Properties.Roles).includes('ExportRole'))
      .flatMap((p) => p.Properties.PolicyDocument.Statement)
      .filter((st: { Action: string | string[] }) => [st.Action].flat().some((a) => a.startsWith('s3:')));
    expect(statements).toEqual([
      expect.objectContaining({
        Action: ['s3:DeleteObject', 's3:PutObject'],
        Resource: [`${bucket}/export/*`, `${bucket}/manifests/export.json`],
      }),
      expect.objectContaining({ Action: 's3:GetObject', Resource: `${bucket}/manifests/export.json` }),
    ]);
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
