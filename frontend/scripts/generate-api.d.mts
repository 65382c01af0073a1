// Types of generate-api.mjs for the stale check (src/types/api-generated.test.ts).
export type ApiFiles = { types: string; limits: string };
export declare const documentPath: string;
export declare const typesPath: string;
export declare const limitsPath: string;
export declare function generateApiFiles(): Promise<ApiFiles>;
export declare function committedApiFiles(): Promise<ApiFiles>;
