// A public key's fingerprint as the backend and the CLI print it (electron/journal/signingKey.ts fingerprintOf):
// SHA-256 of the key's bytes (base64 SPKI DER), in hex, in groups of four, so an administrator can compare the key
// they typed in with head office's letter group by group. Web Crypto: the renderer has no Node.

export async function keyFingerprint(base64Key: string): Promise<string> {
  const bytes = Uint8Array.from(atob(base64Key), (c) => c.charCodeAt(0));
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes));
  const hex = Array.from(digest, (b) => b.toString(16).padStart(2, '0')).join('');
  return hex.match(/.{4}/g)!.join(' ');
}
