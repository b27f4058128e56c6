// Where CLI commands write, so tests can run them in-process and read what they printed.
export interface CliIo {
  out: (line: string) => void;
  err: (line: string) => void;
  /** One line of standard input (for secrets that must not be arguments); absent where there is none. */
  readLine?: () => Promise<string>;
}

export const EXIT_OK = 0;
export const EXIT_FINDINGS = 1;
export const EXIT_USAGE = 2;

export class UsageError extends Error {}
