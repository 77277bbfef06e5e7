export interface FileSize {
  readonly file: string;
  readonly bytes: number;
  readonly gzip: number;
}
export interface WebBuild {
  readonly out: string;
  readonly sizes: readonly FileSize[];
  readonly firstLoad: readonly string[];
  readonly firstLoadGzip: number;
  readonly totalGzip: number;
}
export declare function bundledExamples(): { path: string; text: string }[];
export declare function measure(dir: string): FileSize[];
export declare function buildWeb(options?: { out?: string; quiet?: boolean }): Promise<WebBuild>;
