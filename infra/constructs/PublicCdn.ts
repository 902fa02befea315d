/**
 * CloudFront in front of the public HTTP API. The gateway's answers say how long they may be kept
 * (`Cache-Control: public, max-age, stale-while-revalidate`, tied to the harvest interval, and a weak
 * ETag; errors are `no-store`), so the cache policy honours the origin's headers (default TTL 0: nothing
 * without them is kept) and keys on what the answer depends on: the whole query string (a GET query,
 * its variables, an APQ hash) and `Accept` (which media type the gateway answers with). POST requests
 * pass through uncached; revalidations reach the gateway as conditional requests and cost a 304.
 * Compression (gzip, Brotli) at the edge, HTTP/2 and HTTP/3, HTTPS only.
 *
 * `/export/*` is served from the export bucket (the export job's files, services/gateway/exportJob.ts)
 * through origin access control, with the objects' own Cache-Control, ETag and Last-Modified; the key
 * is the path only. A file the bucket does not hold yet (a fresh deployment before its first export, a
 * budget newer than the last export) falls back to the HTTP API's streamed route (origin failover on
 * 403/404: without s3:ListBucket a missing object is a 403).
 *
 * A web application firewall (per-IP rate rules) attaches through `webAclId`, a web ACL in us-east-1.
 */
import { Duration, Fn, RemovalPolicy, Stack, Validations } from 'aws-cdk-lib';
import type { HttpApi } from 'aws-cdk-lib/aws-apigatewayv2';
import {
  AccessLevel,
  AllowedMethods,
  CachedMethods,
  CacheHeaderBehavior,
  CachePolicy,
  CacheQueryStringBehavior,
  CacheCookieBehavior,
  Distribution,
  HttpVersion,
  OriginProtocolPolicy,
  OriginRequestPolicy,
  OriginSslPolicy,
  PriceClass,
  ViewerProtocolPolicy,
} from 'aws-cdk-lib/aws-cloudfront';
import { HttpOrigin, OriginGroup, S3BucketOrigin } from 'aws-cdk-lib/aws-cloudfront-origins';
import { BlockPublicAccess, Bucket, BucketEncryption, type IBucket, ObjectOwnership } from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';

/** The paths served from the export bucket (its keys are these paths without the leading slash). */
export const EXPORT_PATH_PATTERN = '/export/*';

/** The request headers an answer depends on, and so the cache key's. */
export const CDN_CACHE_KEY_HEADERS = ['accept'];

/** Days CloudFront's access logs (with viewers' IP addresses, personal data) are kept: as the API's own. */
export const CDN_LOG_DAYS = 30;

export interface PublicCdnProps {
  readonly api: HttpApi;
  /** The export bucket (data stack): served at /export/*; its bucket policy lets CloudFront read export/*. */
  readonly exports: IBucket;
  /** ARN of an AWS WAF web ACL (scope CLOUDFRONT, in us-east-1) to attach; none when unset. */
  readonly webAclId?: string;
}

export class PublicCdn extends Construct {
  readonly distribution: Distribution;
  readonly cachePolicy: CachePolicy;
  readonly exportCachePolicy: CachePolicy;

  constructor(scope: Construct, id: string, props: PublicCdnProps) {
    super(scope, id);
    const region = Stack.of(this).region;
    // The API's own host name: API Gateway routes on Host, so the viewer's Host is not forwarded.
    const origin = new HttpOrigin(Fn.join('.', [props.api.apiId, 'execute-api', region, 'amazonaws.com']), {
      protocolPolicy: OriginProtocolPolicy.HTTPS_ONLY,
      originSslProtocols: [OriginSslPolicy.TLS_V1_2],
    });
    this.cachePolicy = new CachePolicy(this, 'AnswerCache', {
      comment: 'Inspraak GraphQL answers: as long as their Cache-Control says, keyed on query string and Accept',
      defaultTtl: Duration.seconds(0),
      minTtl: Duration.seconds(0),
      maxTtl: Duration.days(1),
      queryStringBehavior: CacheQueryStringBehavior.all(),
      headerBehavior: CacheHeaderBehavior.allowList(...CDN_CACHE_KEY_HEADERS),
      cookieBehavior: CacheCookieBehavior.none(),
      enableAcceptEncodingGzip: true,
      enableAcceptEncodingBrotli: true,
    });
    this.exportCachePolicy = new CachePolicy(this, 'ExportCache', {
      comment: "Inspraak bulk exports: as long as the object's Cache-Control says, keyed on the path only",
      defaultTtl: Duration.seconds(0),
      minTtl: Duration.seconds(0),
      maxTtl: Duration.days(1),
      queryStringBehavior: CacheQueryStringBehavior.none(),
      headerBehavior: CacheHeaderBehavior.none(),
      cookieBehavior: CacheCookieBehavior.none(),
      enableAcceptEncodingGzip: true,
      enableAcceptEncodingBrotli: true,
    });
    // The bucket is the data stack's: its policy (DataStack.ts) lets CloudFront read export/*.
    const exportsOrigin = new OriginGroup({
      primaryOrigin: S3BucketOrigin.withOriginAccessControl(props.exports, {
        originAccessLevels: [AccessLevel.READ],
      }),
      fallbackOrigin: origin,
      fallbackStatusCodes: [403, 404],
    });
    const logs = new Bucket(this, 'AccessLogs', {
      encryption: BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      // CloudFront's standard logs are delivered with an ACL.
      objectOwnership: ObjectOwnership.BUCKET_OWNER_PREFERRED,
      lifecycleRules: [{ expiration: Duration.days(CDN_LOG_DAYS) }],
      // Emptied by its lifecycle rule; kept if the stack goes, rather than deleted with logs in it.
      removalPolicy: RemovalPolicy.RETAIN,
    });
    Validations.of(logs).acknowledge({
      id: 'AwsSolutions-S1',
      reason: 'This bucket holds CloudFront access logs; logging access to the log bucket itself would recurse.',
    });
    this.distribution = new Distribution(this, 'Distribution', {
      comment: 'Inspraak public GraphQL API',
      defaultBehavior: {
        origin,
        viewerProtocolPolicy: ViewerProtocolPolicy.HTTPS_ONLY,
        allowedMethods: AllowedMethods.ALLOW_ALL,
        cachedMethods: CachedMethods.CACHE_GET_HEAD,
        cachePolicy: this.cachePolicy,
        originRequestPolicy: OriginRequestPolicy.ALL_VIEWER_EXCEPT_HOST_HEADER,
        compress: true,
      },
      additionalBehaviors: {
        [EXPORT_PATH_PATTERN]: {
          origin: exportsOrigin,
          viewerProtocolPolicy: ViewerProtocolPolicy.HTTPS_ONLY,
          allowedMethods: AllowedMethods.ALLOW_GET_HEAD,
          cachedMethods: CachedMethods.CACHE_GET_HEAD,
          cachePolicy: this.exportCachePolicy,
          compress: true,
        },
      },
      httpVersion: HttpVersion.HTTP2_AND_3,
      // Edges in Europe and North America: the audience is Dutch; the rest of the world is served from there.
      priceClass: PriceClass.PRICE_CLASS_100,
      enableLogging: true,
      logBucket: logs,
      logFilePrefix: 'cloudfront/',
      ...(props.webAclId && { webAclId: props.webAclId }),
    });
    Validations.of(this.distribution).acknowledge(
      {
        id: 'AwsSolutions-CFR1',
        reason:
          'Open data for everyone: researchers and civic developers anywhere may query it; there is no legal reason to restrict by country.',
      },
      {
        id: 'AwsSolutions-CFR4',
        reason:
          "The distribution uses CloudFront's default certificate (*.cloudfront.net), whose security policy CloudFront fixes; a custom domain with its own certificate (TLSv1.2_2021) is the operator's choice at deployment.",
      },
      ...(props.webAclId
        ? []
        : [
            {
              id: 'AwsSolutions-CFR2',
              reason:
                'The web ACL is attached through PublicCdn.webAclId (AWS WAF, scope CLOUDFRONT, us-east-1); until one is given, the stage throttle and the per-request limits bound abuse.',
            },
          ]),
    );
  }

  /** The public GraphQL endpoint through CloudFront. */
  get graphqlUrl(): string {
    return `https://${this.distribution.distributionDomainName}/graphql`;
  }
}
