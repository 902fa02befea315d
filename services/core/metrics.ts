/**
 * CloudWatch metrics as log lines in the embedded metric format (EMF): on Lambda, CloudWatch Logs turns
 * each such line into datapoints, with no SDK call, no IAM permission, no agent and nothing to flush. A
 * line is JSON with an `_aws` member naming the namespace, the dimension sets and the metric, and the
 * values as top-level members (CloudWatch's "Specification: Embedded metric format").
 *
 * Written by hand rather than with awslabs' aws-embedded-metrics: that library picks its sink by detecting
 * the environment at the first flush (outside Lambda it looks for a CloudWatch agent or EC2 metadata over
 * the network), flushes asynchronously per scope and brings its own configuration, all to print what is
 * one `JSON.stringify` here.
 */

/** The namespace of every Inspraak metric (the alarms in infra/ read the same). */
export const METRICS_NAMESPACE = 'Inspraak';

export interface MetricDatum {
  name: string;
  unit: 'Count' | 'Seconds' | 'Milliseconds' | 'Bytes';
  value: number;
  /** Each dimension's value on this datapoint. */
  dimensions: Record<string, string>;
  /** The aggregations CloudWatch keeps: subsets of the dimensions' names (`[]` for the overall series). */
  dimensionSets: readonly (readonly string[])[];
  /** The line's `message`, as in every log line (services/core/log.ts). */
  message: string;
}

/** The EMF line of one datapoint, without its newline. */
export function emfLine(d: MetricDatum, now: Date = new Date()): string {
  return JSON.stringify({
    _aws: {
      Timestamp: now.getTime(),
      CloudWatchMetrics: [
        { Namespace: METRICS_NAMESPACE, Dimensions: d.dimensionSets, Metrics: [{ Name: d.name, Unit: d.unit }] },
      ],
    },
    ...d.dimensions,
    [d.name]: d.value,
    level: 'info',
    message: d.message,
  });
}

/**
 * Writes the datapoint to stdout, as is (EMF lines must be raw JSON), whatever LOG_LEVEL says: an alarm
 * must not depend on how chatty the logs are.
 */
export function putMetric(d: MetricDatum): void {
  process.stdout.write(`${emfLine(d)}\n`);
}
