/** @module ui/api/download: fetch a file from /api with the session (cookie + Bearer), with progress, and save it under the server's name. */
import { ApiError, authHeaders, toApiError } from './client';

/** The file name of a Content-Disposition header, preferring the UTF-8 `filename*` (Chinese names). */
export function fileNameOf(disposition: string | null, fallback: string): string {
  if (!disposition) return fallback;
  const star = /filename\*\s*=\s*(?:UTF-8|utf-8)''([^;]+)/.exec(disposition);
  if (star) {
    try {
      return decodeURIComponent(star[1].trim());
    } catch {
      // a malformed escape: fall through to the plain name
    }
  }
  const plain = /filename\s*=\s*"?([^";]+)"?/.exec(disposition);
  return plain ? plain[1] : fallback;
}

/**
 * Downloads `url` and offers it to the browser as a file. `onProgress` gets a fraction 0..1 when the length is
 * known, else undefined (an indeterminate spinner). Failures are ApiErrors with the API's localized message.
 */
export async function downloadFile(
  url: string,
  fallbackName: string,
  onProgress?: (fraction: number | undefined) => void,
): Promise<string> {
  let res: Response;
  try {
    res = await fetch(url, { headers: authHeaders(), credentials: 'same-origin' });
  } catch {
    throw new ApiError(0, 'NETWORK', '无法连接服务器 / Cannot reach the server');
  }
  if (!res.ok) throw await toApiError(res);
  const total = Number(res.headers.get('content-length')) || 0;
  const chunks: Uint8Array[] = [];
  if (res.body) {
    const reader = res.body.getReader();
    let received = 0;
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      chunks.push(value);
      received += value.length;
      onProgress?.(total ? Math.min(1, received / total) : undefined);
    }
  } else {
    chunks.push(new Uint8Array(await res.arrayBuffer()));
  }
  const name = fileNameOf(res.headers.get('content-disposition'), fallbackName);
  const blob = new Blob(chunks as BlobPart[], { type: res.headers.get('content-type') ?? 'application/octet-stream' });
  const href = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = href;
  a.download = name;
  document.body.appendChild(a);
  a.click();
  a.remove();
  // Revoke later: some browsers read the blob after click() returns.
  setTimeout(() => URL.revokeObjectURL(href), 10_000);
  return name;
}
