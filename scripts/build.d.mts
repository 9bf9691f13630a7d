/** Builds every process into `<root>/build` (root: the project this script belongs to). */
export declare function buildAll(root?: string): Promise<void>;
