/**
 * @module ui/api/upload: multipart uploads with progress (fetch has no upload progress, XHR does): attachments, and
 * the one XHR helper the Excel imports use too.
 */
import { ApiError, authHeaders } from './client';
import type { Schemas } from './generated';

/** `POST /api/attachments`'s 201 answer. */
export type UploadedAttachment = Schemas['Attachment'];

/** The answer of a file upload: its status and parsed JSON body (undefined when the body is not JSON). */
export interface UploadAnswer {
  status: number;
  body: any;
}

/**
 * POSTs `file` as the multipart field `file`, reporting upload progress in percent and, once every byte is sent,
 * `onSent` (the server then parses). Resolves with any HTTP answer; rejects only when the server cannot be reached.
 */
export function postFile(
  url: string,
  file: File,
  onProgress: (percent: number) => void,
  onSent?: () => void,
): Promise<UploadAnswer> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', url);
    xhr.withCredentials = true;
    for (const [k, v] of Object.entries(authHeaders())) xhr.setRequestHeader(k, v);
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable) onProgress(Math.round((e.loaded / e.total) * 100));
    };
    if (onSent) xhr.upload.onload = onSent;
    xhr.onload = () => {
      let body: any;
      try {
        body = JSON.parse(xhr.responseText);
      } catch {
        body = undefined;
      }
      resolve({ status: xhr.status, body });
    };
    xhr.onerror = () => reject(new ApiError(0, 'NETWORK', '无法连接服务器'));
    const data = new FormData();
    data.append('file', file);
    xhr.send(data);
  });
}

/** The error of a failed upload answer, in the API's error shape. */
export function uploadError({ status, body }: UploadAnswer, fallback: string): ApiError {
  const e = body?.error;
  return new ApiError(
    status,
    e?.code ?? `HTTP_${status}`,
    e?.message ?? `${fallback}（HTTP ${status}）`,
    e?.details,
  );
}

export async function uploadAttachment(
  file: File,
  onProgress: (percent: number) => void,
): Promise<UploadedAttachment> {
  const answer = await postFile('/api/attachments', file, onProgress);
  if (answer.status >= 200 && answer.status < 300) {
    return { name: file.name, size: file.size, contentType: file.type, ...answer.body };
  }
  throw uploadError(answer, '上传失败');
}
