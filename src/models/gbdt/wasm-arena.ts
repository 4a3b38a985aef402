import { type WasmMemory, wasmApi } from './wasm-api.js';

/** Bytes of a WebAssembly page. */
const PAGE = 65536;
/** The largest arena: wasm32 addresses 4 GiB, and V8 reserves the whole maximum up front. */
export const MAX_ARENA_BYTES = 2 ** 31;

type View = Uint8Array | Uint16Array | Uint32Array | Int32Array | Float64Array;
type ViewCtor<T extends View> = {
  new (buffer: SharedArrayBuffer, byteOffset: number, length: number): T;
  readonly BYTES_PER_ELEMENT: number;
};

/** Bytes an arena needs for views of these sizes (each aligned to 64 bytes). */
export function arenaBytes(sizes: readonly number[]): number {
  return sizes.reduce((a, b) => a + Math.ceil(b / 64) * 64, 0);
}

/**
 * Typed arrays carved out of one shared WebAssembly memory, so the wasm kernels address them by their
 * byteOffset and worker threads see the same bytes. Fixed size (initial = maximum pages): views are
 * never detached by a grow. Allocated arrays start zeroed.
 */
export class WasmArena {
  readonly memory: WasmMemory;
  private next = 0;
  private readonly size: number;

  constructor(bytes: number) {
    if (bytes > MAX_ARENA_BYTES)
      throw new RangeError(`wasm arena of ${bytes} bytes exceeds ${MAX_ARENA_BYTES}`);
    const pages = Math.max(1, Math.ceil(bytes / PAGE));
    this.size = pages * PAGE;
    this.memory = new wasmApi.Memory({ initial: pages, maximum: pages, shared: true });
  }

  /** A zeroed view of `length` elements, 64-byte aligned. */
  alloc<T extends View>(ctor: ViewCtor<T>, length: number): T {
    const bytes = Math.ceil((length * ctor.BYTES_PER_ELEMENT) / 64) * 64;
    if (this.next + bytes > this.size) throw new RangeError('wasm arena exhausted');
    const view = new ctor(this.memory.buffer, this.next, length);
    this.next += bytes;
    return view;
  }
}
