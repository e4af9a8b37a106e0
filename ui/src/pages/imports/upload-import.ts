/**
 * @module ui/pages/imports/upload-import: POST /api/imports/{kind} by XHR, so a large workbook shows upload
 * progress (fetch has none); once the bytes are sent the server parses, which the caller shows as a spinner.
 * A 422 IMPORT_INVALID carries the same report as a dry run: it resolves, not rejects.
 */
import { ApiError, authHeaders } from '../../api';

export type ImportKind = 'units' | 'users' | 'catalog' | 'systems';

export interface ImportReport {
  kind: ImportKind;
  dryRun: boolean;
  rows: number;
  created: number;
  updated: number;
  unchanged: number;
  errors: { sheet: string; row: number; column: string; message: string }[];
  oneTimePasswords?: { username: string; oneTimePassword: string }[];
}

export function uploadImport(
  kind: ImportKind,
  file: File,
  dryRun: boolean,
  onProgress: (phase: { uploading: number } | 'parsing') => void,
): Promise<ImportReport> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', `/api/imports/${kind}?dryRun=${dryRun}`);
    xhr.withCredentials = true;
    for (const [k, v] of Object.entries(authHeaders())) xhr.setRequestHeader(k, v);
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable) onProgress({ uploading: Math.round((e.loaded / e.total) * 100) });
    };
    xhr.upload.onload = () => onProgress('parsing');
    xhr.onload = () => {
      let body: any;
      try {
        body = JSON.parse(xhr.responseText);
      } catch {
        body = undefined;
      }
      if (xhr.status === 200) resolve(body as ImportReport);
      else if (xhr.status === 422 && body?.error?.code === 'IMPORT_INVALID')
        resolve(body.error.details as ImportReport);
      else {
        const e = body?.error;
        reject(
          new ApiError(
            xhr.status,
            e?.code ?? `HTTP_${xhr.status}`,
            e?.message ?? `导入失败（HTTP ${xhr.status}）`,
            e?.details,
          ),
        );
      }
    };
    xhr.onerror = () => reject(new ApiError(0, 'NETWORK', '无法连接服务器'));
    const data = new FormData();
    data.append('file', file);
    xhr.send(data);
  });
}

/** The one-time passwords as a CSV file (UTF-8 with BOM, so Excel shows the Chinese header). */
export function passwordsCsv(
  rows: { username: string; oneTimePassword: string }[],
  headers: [string, string],
): Blob {
  const quote = (s: string) => `"${s.replace(/"/g, '""')}"`;
  const lines = [
    headers.map(quote).join(','),
    ...rows.map((r) => [r.username, r.oneTimePassword].map(quote).join(',')),
  ];
  return new Blob([`\uFEFF${lines.join('\r\n')}\r\n`], { type: 'text/csv;charset=utf-8' });
}
