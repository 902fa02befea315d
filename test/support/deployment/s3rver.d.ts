// biome-ignore-all lint/style/noDefaultExport: s3rver's module has a default export; this declares it as it is.
/** s3rver ships no types: the part of its API the deploy-shaped test uses (s3rver 3.x README). */
declare module 's3rver' {
  interface S3rverOptions {
    port?: number;
    address?: string;
    silent?: boolean;
    directory: string;
  }
  export default class S3rver {
    constructor(options: S3rverOptions);
    run(): Promise<{ address: string; port: number }>;
    close(): Promise<void>;
  }
}
