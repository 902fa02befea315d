/**
 * A Lambda function of the synthesised template, run locally: its asset folder loaded by runner.cjs in
 * a fresh Node process (one execution environment, kept warm across invocations like Lambda's), with
 * the environment the template gives it plus what Lambda's runtime adds. Records every AWS SDK command
 * it sends.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import type { RecordedCall } from './iam';

/** The Lambda runtime's own modules (it ships the AWS SDK v3, external to the bundles): the repository's. */
const RUNTIME_MODULES = join(__dirname, '..', '..', '..', 'node_modules');

export interface FunctionSpec {
  logicalId: string;
  stack: string;
  arn: string;
  /** The asset folder CDK would upload (cdk.out/asset.<hash>). */
  dir: string;
  /** `index.handler` → export `handler` of index.js. */
  handler: string;
  environment: Record<string, string>;
  memoryMb: number;
  timeoutSeconds: number;
  roleId: string;
}

export class FunctionHost {
  readonly calls: RecordedCall[] = [];
  private child: ChildProcess | null = null;
  private ready: Promise<number> | null = null;
  private readonly pending = new Map<string, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  private stderr = '';

  constructor(
    readonly spec: FunctionSpec,
    /** Endpoints of the stand-ins, credentials: what the harness adds to the template's environment. */
    private readonly runtimeEnv: Record<string, string>,
  ) {}

  /** Starts the execution environment (the cold start) if it is not running; resolves with the init time. */
  start(): Promise<number> {
    this.ready ??= new Promise<number>((resolve, reject) => {
      const { spec } = this;
      const exportName = spec.handler.split('.').at(-1)!;
      const env: Record<string, string> = {
        PATH: process.env.PATH ?? '',
        // What Lambda's Node runtime sets for every function.
        AWS_REGION: 'eu-west-1',
        AWS_DEFAULT_REGION: 'eu-west-1',
        AWS_LAMBDA_FUNCTION_NAME: spec.logicalId,
        AWS_LAMBDA_FUNCTION_MEMORY_SIZE: String(spec.memoryMb),
        AWS_LAMBDA_FUNCTION_VERSION: '$LATEST',
        LAMBDA_TASK_ROOT: spec.dir,
        NODE_PATH: RUNTIME_MODULES,
        TZ: ':UTC',
        ...this.runtimeEnv,
        // The template's own variables, with the bundle at its place of /var/task.
        ...Object.fromEntries(
          Object.entries(spec.environment).map(([k, v]) => [k, v.replaceAll('/var/task', spec.dir)]),
        ),
      };
      const child = fork(join(__dirname, 'runner.cjs'), [spec.dir, exportName], {
        env,
        execArgv: [],
        stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
      });
      this.child = child;
      child.stdout!.on('data', (d: Buffer) => (this.stderr = (this.stderr + d.toString()).slice(-20_000)));
      child.stderr!.on('data', (d: Buffer) => (this.stderr = (this.stderr + d.toString()).slice(-20_000)));
      child.on('message', (m: { type: string; [k: string]: unknown }) => {
        if (m.type === 'ready') resolve(m.initMs as number);
        else if (m.type === 'initError')
          reject(new Error(`${spec.logicalId} failed to initialise:\n${String(m.error)}`));
        else if (m.type === 'call') this.calls.push(m.call as RecordedCall);
        else if (m.type === 'result') {
          const p = this.pending.get(m.id as string);
          this.pending.delete(m.id as string);
          if (m.error) p?.reject(new Error(`${spec.logicalId} failed: ${String(m.error)}\n${this.logTail()}`));
          else p?.resolve(m.result);
        }
      });
      child.on('exit', (code) => {
        const error = new Error(`${spec.logicalId} exited with ${code}:\n${this.logTail()}`);
        reject(error);
        for (const p of this.pending.values()) p.reject(error);
        this.pending.clear();
      });
    });
    return this.ready;
  }

  /** Invokes the handler with `event`, as Lambda would; rejects when the handler throws or times out. */
  async invoke<T = unknown>(event: unknown): Promise<T> {
    await this.start();
    const id = randomUUID();
    const { spec } = this;
    const answer = new Promise<T>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(id);
        reject(new Error(`${spec.logicalId} timed out after ${spec.timeoutSeconds} s`));
      }, spec.timeoutSeconds * 1000);
      this.pending.set(id, {
        resolve: (v) => {
          clearTimeout(timer);
          resolve(v as T);
        },
        reject: (e) => {
          clearTimeout(timer);
          reject(e);
        },
      });
    });
    this.child!.send({
      type: 'invoke',
      id,
      event,
      requestId: id,
      functionName: spec.logicalId,
      functionArn: spec.arn,
      memoryMb: spec.memoryMb,
      timeoutMs: spec.timeoutSeconds * 1000,
    });
    return answer;
  }

  /** The last lines the function logged. */
  logTail(lines = 15): string {
    return this.stderr.split('\n').slice(-lines).join('\n');
  }

  /** Ends the execution environment (its recorded calls stay); the next invocation is a cold start. */
  async stop(): Promise<void> {
    const child = this.child;
    this.child = null;
    const ready = this.ready;
    this.ready = null;
    ready?.catch(() => undefined);
    if (!child || child.exitCode !== null) return;
    await new Promise<void>((resolve) => {
      child.once('exit', () => resolve());
      child.kill();
    });
  }
}
