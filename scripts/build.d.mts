export declare const ENTRIES: Record<string, string>;
export declare const DEV_ENTRIES: Record<string, string>;
export declare function build(options?: { quiet?: boolean }): Promise<unknown>;
