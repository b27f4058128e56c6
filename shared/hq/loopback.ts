// Whether a host name is this machine's loopback: the only place an unencrypted connection to head office's
// database is accepted (a test cluster, a tunnel's local end). One rule for the backend and the settings form.
export function isLoopback(host: string): boolean {
  return host === 'localhost' || host === '::1' || /^127\./.test(host);
}
