/** A CloudWatch alarm that notifies the operators' topic when it fires and when it recovers. */
import { Alarm, ComparisonOperator, TreatMissingData, type IMetric } from 'aws-cdk-lib/aws-cloudwatch';
import { SnsAction } from 'aws-cdk-lib/aws-cloudwatch-actions';
import type { ITopic } from 'aws-cdk-lib/aws-sns';
import type { Construct } from 'constructs';

export interface AlarmOptions {
  readonly metric: IMetric;
  /** Fires when the metric is at or above this value (or above it, with `strictlyAbove`). */
  readonly threshold: number;
  readonly strictlyAbove?: boolean;
  readonly description: string;
  readonly topic: ITopic;
  /** Default 1 of 1. */
  readonly evaluationPeriods?: number;
  /** Default: missing data is not breaching (no traffic is not a failure). */
  readonly treatMissingData?: TreatMissingData;
}

export function alarm(scope: Construct, id: string, o: AlarmOptions): Alarm {
  const a = new Alarm(scope, `${id}Alarm`, {
    metric: o.metric,
    threshold: o.threshold,
    comparisonOperator: o.strictlyAbove
      ? ComparisonOperator.GREATER_THAN_THRESHOLD
      : ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
    evaluationPeriods: o.evaluationPeriods ?? 1,
    treatMissingData: o.treatMissingData ?? TreatMissingData.NOT_BREACHING,
    alarmDescription: o.description,
  });
  const action = new SnsAction(o.topic);
  a.addAlarmAction(action);
  a.addOkAction(action);
  return a;
}
