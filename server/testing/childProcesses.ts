import { spawn, type ChildProcess, type SpawnOptions } from 'node:child_process';

/** Everything a child writes on stdout and stderr, interleaved as it came. */
export interface CapturedOutput {
  readonly text: string;
}

export function captureOutput(child: ChildProcess): CapturedOutput {
  const captured = { text: '' };
  child.stdout?.setEncoding('utf8').on('data', (chunk: string) => (captured.text += chunk));
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => (captured.text += chunk));
  return captured;
}

export interface Exited {
  code: number | null;
  output: string;
}

/** Runs a command to its end (killed after `timeoutMs`) and returns its exit code and output. */
export function runToExit(command: string, args: string[], options: SpawnOptions = {}, timeoutMs = 20_000): Promise<Exited> {
  return new Promise((done) => {
    const child = spawn(command, args, { ...options, stdio: ['ignore', 'pipe', 'pipe'] });
    const output = captureOutput(child);
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.once('exit', (code) => {
      clearTimeout(timer);
      done({ code, output: output.text });
    });
  });
}

/**
 * Waits for a server child (the fake, or npm running it) to print its "listening on <url>"
 * line and returns that URL; fails with everything it printed if it exits or stays silent.
 */
export function listeningUrl(child: ChildProcess, output: CapturedOutput, timeoutMs = 30_000, from = 0): Promise<string> {
  return new Promise((found, fail) => {
    // Output before `from` is not looked at: a restarted child appends to the same output.
    const check = () => {
      const match = /listening on (http:\/\/[^\s]+)/.exec(output.text.slice(from));
      if (match) finish(() => found(match[1]!));
    };
    const onExit = (code: number | null) => finish(() => fail(new Error(`exited (${code}) before listening:\n${output.text}`)));
    const timer = setTimeout(() => finish(() => fail(new Error(`no "listening on" line within ${timeoutMs} ms:\n${output.text}`))), timeoutMs);
    const finish = (then: () => void) => {
      clearTimeout(timer);
      child.stdout!.off('data', check);
      child.off('exit', onExit);
      then();
    };
    // Registered after captureOutput's listener, so the chunk is already in `output.text`.
    child.stdout!.on('data', check);
    child.once('exit', onExit);
    check();
  });
}
