// Types of the electron-builder hook for the configuration test (the hook is plain JS: electron-builder loads it).
export declare function isSigned(platform: string, env: Record<string, string | undefined>): boolean;
export default function beforePack(context: unknown): Promise<void>;
