/** @module The import report (docs/api.md "Import and export"): counts and every bad cell as (sheet, row, column, message). */

export type ImportKind = 'units' | 'users' | 'catalog' | 'systems';
export const IMPORT_KINDS: readonly ImportKind[] = ['units', 'users', 'catalog', 'systems'];

/** One bad cell (or row, or sheet: row 0 and column '' when the whole sheet or file is meant). */
export interface ImportIssue {
  sheet: string;
  /** The row number Excel shows (the header is row 1). */
  row: number;
  /** The column's Chinese header. */
  column: string;
  message: string;
  messageEn: string;
}

export interface ImportReport {
  kind: ImportKind;
  dryRun: boolean;
  rows: number;
  created: number;
  updated: number;
  unchanged: number;
  errors: ImportIssue[];
  /** Users import only, after a commit: each created account's one-time password, shown once. */
  oneTimePasswords?: { username: string; oneTimePassword: string }[];
}

/** A report lists at most this many cells, then one line with how many more: enough to fix a file, bounded to send. */
export const MAX_LISTED_ISSUES = 1000;

/** Collects issues; past the limit it only counts them. */
export class Issues {
  readonly list: ImportIssue[] = [];
  private extra = 0;

  add(sheet: string, row: number, column: string, message: string, messageEn: string) {
    if (this.list.length < MAX_LISTED_ISSUES) this.list.push({ sheet, row, column, message, messageEn });
    else this.extra++;
  }

  get count() {
    return this.list.length + this.extra;
  }

  /** The list with, when cut, a last line saying how many more there are. */
  finish(): ImportIssue[] {
    if (!this.extra) return this.list;
    return [
      ...this.list,
      {
        sheet: '',
        row: 0,
        column: '',
        message: `另有 ${this.extra} 处错误未列出，请先修改以上错误后再次检查`,
        messageEn: `${this.extra} more errors not listed; fix the ones above and check again`,
      },
    ];
  }
}

export function emptyReport(kind: ImportKind, dryRun: boolean): ImportReport {
  return { kind, dryRun, rows: 0, created: 0, updated: 0, unchanged: 0, errors: [] };
}
