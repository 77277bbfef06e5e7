export declare const ENTRIES: Record<string, string>;
export declare const DEV_ENTRIES: Record<string, string>;
export declare function build(options?: { quiet?: boolean }): Promise<unknown>;
export declare function sourceLinks(pkg: { repository?: string | { url?: string; directory?: string }; homepage?: string }): { informationUri?: string; docsBase?: string };
