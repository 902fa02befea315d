/**
 * Reading a synthesised cloud assembly as CloudFormation would: the templates of every stack, their
 * resources, and intrinsic functions (Ref, Fn::GetAtt, Fn::Join, Fn::Sub, Fn::Select, Fn::Split) resolved
 * to the values of local stand-ins. Anything the harness cannot resolve throws, naming it: a deployment
 * shape it does not understand must fail the test, not pass silently.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export interface Resource {
  Type: string;
  Properties?: Record<string, unknown>;
  DependsOn?: string | string[];
}

export interface StackTemplate {
  name: string;
  resources: Record<string, Resource>;
}

/** Every stack of the assembly in `outdir`, in deployment order (manifest dependencies first). */
export function readAssembly(outdir: string): StackTemplate[] {
  const manifest = JSON.parse(readFileSync(join(outdir, 'manifest.json'), 'utf8')) as {
    artifacts: Record<string, { type: string; properties?: { templateFile?: string }; dependencies?: string[] }>;
  };
  const stacks = Object.entries(manifest.artifacts).filter(([, a]) => a.type === 'aws:cloudformation:stack');
  const ordered: string[] = [];
  const visit = (name: string) => {
    if (ordered.includes(name)) return;
    for (const dep of manifest.artifacts[name]?.dependencies ?? [])
      if (manifest.artifacts[dep]?.type === 'aws:cloudformation:stack') visit(dep);
    ordered.push(name);
  };
  for (const [name] of stacks) visit(name);
  return ordered.map((name) => {
    const file = manifest.artifacts[name]!.properties!.templateFile!;
    const template = JSON.parse(readFileSync(join(outdir, file), 'utf8')) as { Resources: Record<string, Resource> };
    return { name, resources: template.Resources };
  });
}

/** The resources of a type across the stacks, as [stack, logical id, resource]. */
export function resourcesOf(stacks: readonly StackTemplate[], type: string): [StackTemplate, string, Resource][] {
  return stacks.flatMap((s) =>
    Object.entries(s.resources)
      .filter(([, r]) => r.Type === type)
      .map(([id, r]) => [s, id, r] as [StackTemplate, string, Resource]),
  );
}

export interface Pseudo {
  region: string;
  account: string;
}

/** What a logical id stands for locally: its Ref value and its attributes. */
export interface Physical {
  ref: string;
  attributes?: Record<string, string>;
}

/** Resolves intrinsics against `physical(stack, logicalId)`; throws on anything unknown. */
export class Resolver {
  constructor(
    private readonly pseudo: Pseudo,
    private readonly physical: (stack: StackTemplate, logicalId: string) => Physical | undefined,
  ) {}

  resolve(stack: StackTemplate, value: unknown): unknown {
    if (value === null || typeof value !== 'object') return value;
    if (Array.isArray(value)) return value.map((v) => this.resolve(stack, v));
    const entries = Object.entries(value as Record<string, unknown>);
    if (entries.length === 1) {
      const [fn, arg] = entries[0]!;
      switch (fn) {
        case 'Ref':
          return this.ref(stack, String(arg));
        case 'Fn::GetAtt': {
          const [id, attr] = (Array.isArray(arg) ? arg : String(arg).split('.')) as [string, string];
          const p = this.need(stack, id);
          const v = p.attributes?.[attr];
          if (v === undefined) throw new Error(`${stack.name}: no stand-in for ${id}.${attr}`);
          return v;
        }
        case 'Fn::Join': {
          const [sep, parts] = arg as [string, unknown[]];
          return (this.resolve(stack, parts) as unknown[]).map(String).join(sep);
        }
        case 'Fn::Select': {
          const [i, list] = arg as [unknown, unknown];
          return (this.resolve(stack, list) as unknown[])[Number(this.resolve(stack, i))];
        }
        case 'Fn::Split': {
          const [sep, s] = arg as [string, unknown];
          return String(this.resolve(stack, s)).split(sep);
        }
        case 'Fn::Sub': {
          const [text, vars] = (Array.isArray(arg) ? arg : [arg, {}]) as [string, Record<string, unknown>];
          return text.replace(/\$\{([^}]+)\}/g, (_, name: string) => {
            if (name in vars) return String(this.resolve(stack, vars[name]));
            if (name.includes('.')) return String(this.resolve(stack, { 'Fn::GetAtt': name.split('.') }));
            return this.ref(stack, name);
          });
        }
        default:
          if (fn.startsWith('Fn::')) throw new Error(`${stack.name}: the harness does not resolve ${fn}`);
      }
    }
    return Object.fromEntries(entries.map(([k, v]) => [k, this.resolve(stack, v)]));
  }

  /** Resolves and requires a string. */
  string(stack: StackTemplate, value: unknown): string {
    const v = this.resolve(stack, value);
    if (typeof v !== 'string') throw new Error(`${stack.name}: expected a string, got ${JSON.stringify(v)}`);
    return v;
  }

  private ref(stack: StackTemplate, name: string): string {
    switch (name) {
      case 'AWS::Region':
        return this.pseudo.region;
      case 'AWS::AccountId':
        return this.pseudo.account;
      case 'AWS::Partition':
        return 'aws';
      case 'AWS::URLSuffix':
        return 'amazonaws.com';
      case 'AWS::StackName':
        return stack.name;
      case 'AWS::StackId':
        return `arn:aws:cloudformation:${this.pseudo.region}:${this.pseudo.account}:stack/${stack.name}/${stackUuid(stack.name)}`;
      default:
        return this.need(stack, name).ref;
    }
  }

  private need(stack: StackTemplate, id: string): Physical {
    const p = this.physical(stack, id);
    if (!p) throw new Error(`${stack.name}: no stand-in for ${id} (${stack.resources[id]?.Type ?? 'not a resource'})`);
    return p;
  }
}

/** A stack's id as CloudFormation draws it (a UUID), stable for one stack name as it is for one stack. */
function stackUuid(name: string): string {
  const h = createHash('sha256').update(name).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
}
