/** @module ui/api/upload: multipart upload to POST /api/attachments with progress (fetch has no upload progress, XHR does). */
import { ApiError, authHeaders } from './client';
import type { Schemas } from './generated';

/** `POST /api/attachments`'s 201 answer. */
export type UploadedAttachment = Schemas['Attachment'];

export function uploadAttachment(file: File, onProgress: (percent: number) => void): Promise<UploadedAttachment> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', '/api/attachments');
    xhr.withCredentials = true;
    for (const [k, v] of Object.entries(authHeaders())) xhr.setRequestHeader(k, v);
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable) onProgress(Math.round((e.loaded / e.total) * 100));
    };
    xhr.onload = () => {
      let body: any;
      try {
        body = JSON.parse(xhr.responseText);
      } catch {
        body = undefined;
      }
      if (xhr.status >= 200 && xhr.status < 300) {
        resolve({ name: file.name, size: file.size, contentType: file.type, ...body });
      } else {
        const e = body?.error;
        reject(new ApiError(xhr.status, e?.code ?? `HTTP_${xhr.status}`, e?.message ?? `上传失败（HTTP ${xhr.status}）`, e?.details));
      }
    };
    xhr.onerror = () => reject(new ApiError(0, 'NETWORK', '无法连接服务器'));
    const data = new FormData();
    data.append('file', file);
    xhr.send(data);
  });
}
