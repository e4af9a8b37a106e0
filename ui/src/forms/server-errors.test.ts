/** @module ui/forms/server-errors.test: a 422's details land on the right fields whatever path notation the server uses. */
import { describe, expect, it } from 'vitest';
import { ApiError } from '../api/client';
import { fieldIssuesOf, toErrorSchema } from './server-errors';

describe('toErrorSchema', () => {
  it('given JSON-pointer and dotted paths, when converted, then messages nest under their fields', () => {
    const es = toErrorSchema([
      { path: '/shareCondition', message: '请填写“共享条件”' },
      { path: 'dataItems.0.name', message: '请填写“名称”' },
      { path: '/dataItems/0/name', message: '重复' },
    ]) as any;
    expect(es.shareCondition.__errors).toEqual(['请填写“共享条件”']);
    expect(es.dataItems['0'].name.__errors).toEqual(['请填写“名称”', '重复']);
  });
});

describe('fieldIssuesOf', () => {
  it('given a 422 with details, then returns them; given a 409, then nothing', () => {
    const details = [{ path: '/a', message: 'x' }];
    expect(fieldIssuesOf(new ApiError(422, 'VALIDATION_FAILED', 'bad', details))).toEqual(details);
    expect(fieldIssuesOf(new ApiError(409, 'CONFLICT', 'done'))).toBeUndefined();
  });
});
