/**
 * The part of the WebAssembly JS API the GBDT uses, typed here: @types/node 20 declares the
 * `WebAssembly` namespace without its classes (they live in TypeScript's DOM lib, which a Node
 * project does not load).
 */
export interface WasmMemory {
  readonly buffer: SharedArrayBuffer;
}
/** A compiled module (structured-cloneable, so it can be posted to a worker). */
export type WasmModule = object;

interface WasmApi {
  Memory: new (d: { initial: number; maximum: number; shared: true }) => WasmMemory;
  Module: new (bytes: Uint8Array) => WasmModule;
  Instance: new (module: WasmModule, imports: object) => { exports: unknown };
}

/** Node's global WebAssembly object. */
export const wasmApi = (globalThis as unknown as { WebAssembly: WasmApi }).WebAssembly;
