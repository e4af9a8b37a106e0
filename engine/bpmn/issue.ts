/** @module Building validation issues: one per element and rule, Chinese first with English beside. */
import type { ValidationIssue } from '../contract';

export function issue(
  elementId: string | null,
  code: string,
  message: string,
  messageEn: string,
): ValidationIssue {
  return { elementId, code, message, messageEn, severity: 'error' };
}

export function warning(
  elementId: string | null,
  code: string,
  message: string,
  messageEn: string,
): ValidationIssue {
  return { elementId, code, message, messageEn, severity: 'warning' };
}

export const isError = (i: ValidationIssue) => i.severity !== 'warning';
