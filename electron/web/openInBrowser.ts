// Opens a URL in the default browser, where the platform has one; silently does nothing otherwise.
import { spawn } from 'node:child_process';

export function openInBrowser(url: string): void {
  const [command, args] =
    process.platform === 'win32'
      ? ['cmd', ['/c', 'start', '""', url]]
      : process.platform === 'darwin'
        ? ['open', [url]]
        : ['xdg-open', [url]];
  try {
    const child = spawn(command, args as string[], { stdio: 'ignore', detached: true });
    child.on('error', () => {}); // no opener (a server, CI): the printed URL is enough
    child.unref();
  } catch {
    // as above
  }
}
