export declare const DOUBLING_SHAPES: Readonly<Record<string, (n: number) => string>>;
