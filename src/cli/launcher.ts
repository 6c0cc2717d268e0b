// npm (npx, npm exec, npm run) runs a command under `sh -c` and passes SIGINT and SIGTERM only to
// that shell, which ends without passing them on: `kill <npx pid>` would leave the command (and the
// mock's Prism, or verify's half-done --write) running. So under npm, the shell going away counts as
// the signal. (Not otherwise: a command started with nohup outlives its shell on purpose.) Both
// `commerce-variants mock` and `verify --write` stop through this one watch.

/** Calls `onGone` once when the npm shell that started this process has ended; returns the unwatch. */
export function watchLauncher(onGone: () => void): () => void {
  if (!process.env.npm_command) return () => {};
  const launcher = process.ppid;
  const timer = setInterval(() => {
    if (process.ppid === launcher) return;
    clearInterval(timer);
    onGone();
  }, 200);
  return () => clearInterval(timer);
}
