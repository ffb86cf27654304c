// Progress of a long run on stderr: conversations done, the rate, the files, and an ETA when the input's size is
// known. Only for a person watching: off when stderr is not a terminal, in CI (CI set), and with --quiet. Never
// on stdout, which carries the report.

export interface ProgressState {
  conversations: number;
  filesDone: number;
  filesListed: number;
  bytesRead: number;
  bytesListed: number;
  file?: string;
}

export interface Progress {
  update(state: ProgressState): void;
  /** Write a line of its own (a skipped item, a note) without tearing the progress line. */
  log(line: string): void;
  done(): void;
}

export function progressEnabled(quiet: boolean | undefined, stream: NodeJS.WriteStream = process.stderr, env: NodeJS.ProcessEnv = process.env): boolean {
  return !quiet && Boolean(stream.isTTY) && !env.CI;
}

function duration(seconds: number): string {
  if (!Number.isFinite(seconds)) return '?';
  const s = Math.round(seconds);
  if (s < 60) return `${s}s`;
  if (s < 3600) return `${Math.floor(s / 60)}m${String(s % 60).padStart(2, '0')}s`;
  return `${Math.floor(s / 3600)}h${String(Math.floor((s % 3600) / 60)).padStart(2, '0')}m`;
}

/** The progress line for a state, `elapsed` seconds into the run. */
export function progressLine(state: ProgressState, elapsed: number): string {
  const rate = elapsed > 0 ? state.conversations / elapsed : 0;
  const parts = [`heard: ${state.conversations.toLocaleString('en-US')} conversations`, `${Math.round(rate).toLocaleString('en-US')}/s`];
  if (state.filesListed > 0) parts.push(`file ${Math.min(state.filesDone, state.filesListed)}/${state.filesListed}`);
  if (state.bytesListed > 0 && state.bytesRead > 0) {
    const share = Math.min(1, state.bytesRead / state.bytesListed);
    parts.push(`${Math.floor(share * 100)}%`, `ETA ${duration((elapsed * (1 - share)) / share)}`);
  }
  return parts.join(', ');
}

export function createProgress(enabled: boolean, stream: NodeJS.WriteStream = process.stderr): Progress {
  if (!enabled) return { update: () => undefined, log: (line) => void stream.write(line), done: () => undefined };
  const started = performance.now();
  let last = 0;
  let shown = false;
  let latest: ProgressState | undefined;
  const clear = (): void => {
    if (shown) stream.write('\r\u001b[K');
    shown = false;
  };
  const draw = (): void => {
    if (!latest) return;
    const columns = stream.columns || 100;
    stream.write(`\r\u001b[K${progressLine(latest, (performance.now() - started) / 1000).slice(0, columns - 1)}`);
    shown = true;
  };
  return {
    update(state) {
      latest = state;
      const now = performance.now();
      if (now - last < 200) return;
      last = now;
      draw();
    },
    log(line) {
      clear();
      stream.write(line);
      draw();
    },
    done() {
      clear();
    },
  };
}
