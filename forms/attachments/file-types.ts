/**
 * @module Which files may be attached, recognised by extension *and* content (magic bytes), so a renamed
 * executable or an HTML page posing as a PDF is refused. The stored content type comes from here, not the client.
 */

interface FileType {
  contentType: string;
  /** Leading bytes the content must start with (any of); undefined for text, which must be NUL-free instead. */
  magic?: number[][];
}

const ZIP = [[0x50, 0x4b, 0x03, 0x04]];
const OLE = [[0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]];

export const FILE_TYPES: Record<string, FileType> = {
  pdf: { contentType: 'application/pdf', magic: [[0x25, 0x50, 0x44, 0x46, 0x2d]] },
  png: { contentType: 'image/png', magic: [[0x89, 0x50, 0x4e, 0x47]] },
  jpg: { contentType: 'image/jpeg', magic: [[0xff, 0xd8, 0xff]] },
  jpeg: { contentType: 'image/jpeg', magic: [[0xff, 0xd8, 0xff]] },
  gif: { contentType: 'image/gif', magic: [[0x47, 0x49, 0x46, 0x38]] },
  webp: { contentType: 'image/webp', magic: [[0x52, 0x49, 0x46, 0x46]] },
  docx: {
    contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    magic: ZIP,
  },
  xlsx: { contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', magic: ZIP },
  pptx: {
    contentType: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
    magic: ZIP,
  },
  doc: { contentType: 'application/msword', magic: OLE },
  xls: { contentType: 'application/vnd.ms-excel', magic: OLE },
  ofd: { contentType: 'application/ofd', magic: ZIP },
  zip: { contentType: 'application/zip', magic: ZIP },
  txt: { contentType: 'text/plain; charset=utf-8' },
  csv: { contentType: 'text/csv; charset=utf-8' },
};

export const ALLOWED_EXTENSIONS = Object.keys(FILE_TYPES);

export function extensionOf(name: string): string {
  const m = /\.([A-Za-z0-9]+)$/.exec(name);
  return m ? m[1].toLowerCase() : '';
}

/** The content type to store, or undefined when the name's type is not allowed or the bytes do not match it. */
export function recogniseFile(name: string, content: Uint8Array): string | undefined {
  const type = FILE_TYPES[extensionOf(name)];
  if (!type) return undefined;
  if (type.magic) {
    const matches = type.magic.some((sig) => sig.every((b, i) => content[i] === b));
    return matches ? type.contentType : undefined;
  }
  const head = content.subarray(0, 8192);
  return head.includes(0) ? undefined : type.contentType;
}
