// Types of the electron-builder hook for the configuration test (the hook is plain JS: electron-builder loads it).
export declare const FUSES: Record<string | number, unknown>;
export declare function electronBinary(context: unknown): string;
export default function afterPack(context: unknown): Promise<void>;
