/** The request path: HTTP API → gateway Lambda (→ subgraph Lambdas in the split topology) → table. */
import { CfnOutput, Stack, type StackProps } from 'aws-cdk-lib';
import type { Construct } from 'constructs';
import { GraphqlGateway } from '../constructs/GraphqlGateway';
import { PublicHttpApi } from '../constructs/PublicHttpApi';
import { importAlarmTopic, importTable } from '../names';
import type { InspraakSettings } from '../settings';

export interface ApiStackProps extends StackProps {
  readonly settings: InspraakSettings;
}

export class ApiStack extends Stack {
  readonly gateway: GraphqlGateway;
  readonly http: PublicHttpApi;

  constructor(scope: Construct, id: string, props: ApiStackProps) {
    super(scope, id, props);
    const { settings } = props;
    const table = importTable(this, settings.prefix);
    const alarmTopic = importAlarmTopic(this, settings.prefix);
    this.gateway = new GraphqlGateway(this, 'Gateway', { table, alarmTopic, settings });
    this.http = new PublicHttpApi(this, 'Http', { handler: this.gateway.gateway.fn, alarmTopic, settings });
    new CfnOutput(this, 'GraphqlUrl', { value: `${this.http.url}graphql`, description: 'The public GraphQL endpoint' });
  }
}
