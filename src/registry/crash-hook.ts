/** Named points of promote / rollback at which the test crash hook is called. */
export const PROMOTE_CRASH_STEPS = [
  'lock-acquired',
  'after-recover',
  'after-staging',
  'after-fsync',
  'after-archive-rename',
  'after-verify',
  'before-switch',
  'after-temp-symlink',
  'after-switch',
  'before-audit',
  'after-audit',
] as const;

export const ROLLBACK_CRASH_STEPS = [
  'lock-acquired',
  'after-recover',
  'after-verify',
  'before-switch',
  'after-temp-symlink',
  'after-switch',
  'before-audit',
  'after-audit',
] as const;

export type RegistryCrashStep = (typeof PROMOTE_CRASH_STEPS)[number] | (typeof ROLLBACK_CRASH_STEPS)[number];

let hook: ((step: string) => void) | undefined;

/** Installs (or clears with undefined) a hook called at every registry step; tests only. */
export function setRegistryCrashHook(fn: ((step: string) => void) | undefined): void {
  hook = fn;
}

/** Calls the crash hook, if any, for `step`. */
export function crashPoint(step: RegistryCrashStep): void {
  hook?.(step);
}

/** Calls the hook inside `registry unlock`, between inspecting the lock and removing it; tests only. */
export function unlockPoint(step: 'unlock-inspected'): void {
  hook?.(step);
}
