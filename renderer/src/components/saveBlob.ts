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

/** Saves a file the API answered as base64 (a PDF the desktop host printed). */
export function saveBase64File(file: { base64: string; mime: string; fileName: string }): void {
  saveBlob(new Blob([Uint8Array.from(atob(file.base64), (c) => c.charCodeAt(0))], { type: file.mime }), file.fileName);
}
