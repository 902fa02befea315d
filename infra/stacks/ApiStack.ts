/**
 * The request path: CloudFront → HTTP API → gateway Lambda (→ subgraph Lambdas in the split topology)
 * → table.
 */
import { CfnOutput, Stack, type StackProps } from 'aws-cdk-lib';
import type { Construct } from 'constructs';
import { GraphqlGateway } from '../constructs/GraphqlGateway';
import { PublicCdn } from '../constructs/PublicCdn';
import { PublicHttpApi } from '../constructs/PublicHttpApi';
import { importAlarmTopic, importExportBucket, importSearchSnapshots, importTable } from '../names';
import type { InspraakSettings } from '../settings';

export interface ApiStackProps extends StackProps {
  readonly settings: InspraakSettings;
  /** ARN of the WAF web ACL (us-east-1, EdgeStack) that CloudFront applies; a cross-region reference. */
  readonly webAclArn?: string;
}

export class ApiStack extends Stack {
  readonly gateway: GraphqlGateway;
  readonly http: PublicHttpApi;
  readonly cdn: PublicCdn;

  constructor(scope: Construct, id: string, props: ApiStackProps) {
    super(scope, id, props);
    const { settings } = props;
    const table = importTable(this, settings.prefix);
    const alarmTopic = importAlarmTopic(this, settings.prefix);
    const searchSnapshots = importSearchSnapshots(this, settings.prefix);
    this.gateway = new GraphqlGateway(this, 'Gateway', { table, alarmTopic, settings, searchSnapshots });
    this.http = new PublicHttpApi(this, 'Http', { handler: this.gateway.gateway.fn, alarmTopic, settings });
    this.cdn = new PublicCdn(this, 'Cdn', {
      api: this.http.api,
      exports: importExportBucket(this, settings.prefix),
      webAclId: props.webAclArn,
    });
    new CfnOutput(this, 'GraphqlUrl', {
      value: `${this.http.url}graphql`,
      description: 'The GraphQL endpoint at API Gateway (uncached)',
    });
    new CfnOutput(this, 'CdnGraphqlUrl', {
      value: this.cdn.graphqlUrl,
      description: 'The public GraphQL endpoint, through CloudFront',
    });
  }
}
