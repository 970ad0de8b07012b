import { spawn, type SpawnOptions } from 'node:child_process';

export interface Exited {
  code: number | null;
  /** stdout and stderr, interleaved as they came. */
  output: string;
}

/** Runs a command to its end (killed after `timeoutMs`) and returns its exit code and output. */
export function runToExit(command: string, args: string[], options: SpawnOptions = {}, timeoutMs = 20_000): Promise<Exited> {
  return new Promise((done) => {
    const child = spawn(command, args, { ...options, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout!.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
    child.stderr!.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.once('exit', (code) => {
      clearTimeout(timer);
      done({ code, output });
    });
  });
}
