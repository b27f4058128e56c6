// Saves data as a file the user downloads: through a Blob and a hidden <a download>.
export function saveBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  try {
    const link = document.createElement('a');
    link.href = url;
    link.download = fileName;
    link.hidden = true;
    document.body.append(link);
    link.click();
    link.remove();
  } finally {
    // Revoked a little later, not at once: the browser reads the Blob after the click has returned.
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  }
}
