import type { ZodError } from 'zod';

/** A content file that does not fit its schema or the cross-file rules: fails fast with file and field. */
export class ContentError extends Error {
  constructor(
    readonly file: string,
    readonly field: string,
    message: string,
  ) {
    super(`${file}: ${field}: ${message}`);
    this.name = 'ContentError';
  }

  static fromZod(file: string, error: ZodError): ContentError {
    const issue = error.issues[0];
    const field = issue ? issue.path.join('.') || '(root)' : '(root)';
    return new ContentError(file, field, issue?.message ?? 'invalid');
  }
}
