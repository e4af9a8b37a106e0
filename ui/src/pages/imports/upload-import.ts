/**
 * @module ui/pages/imports/upload-import: POST /api/imports/{kind} by XHR, so a large workbook shows upload
 * progress (fetch has none); once the bytes are sent the server parses, which the caller shows as a spinner.
 * A 422 IMPORT_INVALID carries the same report as a dry run: it resolves, not rejects.
 */
import { postFile, uploadError } from '../../api';

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

export async function uploadImport(
  kind: ImportKind,
  file: File,
  dryRun: boolean,
  onProgress: (phase: { uploading: number } | 'parsing') => void,
): Promise<ImportReport> {
  const answer = await postFile(
    `/api/imports/${kind}?dryRun=${dryRun}`,
    file,
    (uploading) => onProgress({ uploading }),
    () => onProgress('parsing'),
  );
  if (answer.status === 200) return answer.body as ImportReport;
  if (answer.status === 422 && answer.body?.error?.code === 'IMPORT_INVALID') {
    return answer.body.error.details as ImportReport;
  }
  throw uploadError(answer, '导入失败');
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
