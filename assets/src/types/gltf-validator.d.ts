// The Khronos glTF validator's npm build ships no types: what the tour tests use of it.
declare module 'gltf-validator' {
  export interface ValidationMessage {
    code: string;
    message: string;
    /** 0 error, 1 warning, 2 information, 3 hint. */
    severity: number;
    pointer?: string;
  }
  export interface ValidationReport {
    issues: { numErrors: number; numWarnings: number; numInfos: number; numHints: number; messages: ValidationMessage[]; truncated: boolean };
    info?: Record<string, unknown>;
  }
  export function validateBytes(data: Uint8Array, options?: { maxIssues?: number; uri?: string; format?: 'glb' | 'gltf' }): Promise<ValidationReport>;
  const validator: { validateBytes: typeof validateBytes };
  export default validator;
}
