/**
 * The public endpoint: an API Gateway HTTP API with every route of services/gateway/routes.ts
 * (`GET|POST /graphql`, `GET /export/budgets/{file}`, …) to the gateway Lambda, CORS for
 * browsers (any origin: the API is public and read-only, and sends no credentials), stage throttling,
 * JSON access logs, and an alarm on server errors.
 */
import { Duration, RemovalPolicy, Validations } from 'aws-cdk-lib';
import { AccessLogFormat } from 'aws-cdk-lib/aws-apigateway';
import {
  CorsHttpMethod,
  HttpApi,
  HttpMethod,
  LogGroupLogDestination,
  type HttpStage,
} from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import { LogGroup } from 'aws-cdk-lib/aws-logs';
import type { ITopic } from 'aws-cdk-lib/aws-sns';
import { Construct } from 'constructs';
import { ROUTES, type Route } from '../../services/gateway/routes';
import type { InspraakSettings } from '../settings';
import { alarm } from './alarm';
import { LOG_RETENTION } from './ServiceFunction';

/** One JSON object per request; HTTP API's $context variables (no request or response bodies). */
export const ACCESS_LOG_FIELDS = {
  requestId: '$context.requestId',
  time: '$context.requestTime',
  ip: '$context.identity.sourceIp',
  userAgent: '$context.identity.userAgent',
  method: '$context.httpMethod',
  path: '$context.path',
  status: '$context.status',
  protocol: '$context.protocol',
  responseLength: '$context.responseLength',
  latencyMs: '$context.responseLatency',
  integrationLatencyMs: '$context.integrationLatency',
  integrationStatus: '$context.integrationStatus',
  integrationError: '$context.integrationErrorMessage',
  error: '$context.error.message',
} as const;

/** Headers browsers may send: JSON bodies, and the headers Apollo's CSRF prevention accepts for GET. */
export const CORS_ALLOW_HEADERS = ['content-type', 'apollo-require-preflight', 'x-apollo-operation-name'];

export interface PublicHttpApiProps {
  readonly handler: IFunction;
  readonly alarmTopic: ITopic;
  readonly settings: Pick<InspraakSettings, 'throttleRate' | 'throttleBurst' | 'integrationTimeoutSeconds'>;
}

export class PublicHttpApi extends Construct {
  readonly api: HttpApi;
  readonly stage: HttpStage;

  constructor(scope: Construct, id: string, props: PublicHttpApiProps) {
    super(scope, id);
    const { settings } = props;
    this.api = new HttpApi(this, 'Api', {
      description: 'Inspraak: one public GraphQL API over the participation platforms of Dutch municipalities',
      createDefaultStage: false,
      corsPreflight: {
        allowOrigins: ['*'],
        allowMethods: [CorsHttpMethod.GET, CorsHttpMethod.POST, CorsHttpMethod.OPTIONS],
        allowHeaders: CORS_ALLOW_HEADERS,
        maxAge: Duration.days(1),
      },
    });
    const accessLogs = new LogGroup(this, 'AccessLogs', {
      retention: LOG_RETENTION,
      removalPolicy: RemovalPolicy.DESTROY,
    });
    this.stage = this.api.addStage('DefaultStage', {
      stageName: '$default',
      autoDeploy: true,
      throttle: { rateLimit: settings.throttleRate, burstLimit: settings.throttleBurst },
      accessLogSettings: {
        destination: new LogGroupLogDestination(accessLogs),
        format: AccessLogFormat.custom(JSON.stringify(ACCESS_LOG_FIELDS)),
      },
    });
    const integration = new HttpLambdaIntegration('Gateway', props.handler, {
      timeout: Duration.seconds(settings.integrationTimeoutSeconds),
    });
    // The one route table (routes.ts), which the Lambda handler and the local server dispatch on too.
    const routes = Object.values(ROUTES as Record<string, Route>).flatMap((route) =>
      this.api.addRoutes({ path: route.path, methods: route.methods.map((m) => HttpMethod[m]), integration }),
    );
    for (const route of routes) {
      Validations.of(route).acknowledge({
        id: 'AwsSolutions-APIG4',
        reason:
          "Inspraak is a public, read-only open-data API: anyone may query it without credentials. Abuse is bounded by stage throttling and the gateway's per-request limits (depth, cost, page size).",
      });
    }

    alarm(this, 'ServerErrors', {
      metric: this.api.metricServerError({ period: Duration.minutes(5), statistic: 'Sum' }),
      threshold: 5,
      description:
        'Inspraak API: 5 or more HTTP 5xx answers in 5 minutes (gateway crashes, timeouts or throttling). See docs/operations.md, "API 5xx".',
      topic: props.alarmTopic,
    });
  }

  /** The API's base URL; the GraphQL endpoint is `${url}graphql`. */
  get url(): string {
    return this.stage.url;
  }
}
