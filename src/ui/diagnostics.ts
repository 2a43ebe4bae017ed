// Print positioned problems as `file:line:col  message`, the form editors and CI logs understand.
import { formatLocation } from '../errors.js';
import { safeLine, safeText } from '../text-safety.js';
import type { Diagnostic } from '../yaml-source.js';
import { colours } from './colour.js';

export function formatDiagnostic(d: Diagnostic, colour = colours().err): string {
  const tag =
    d.severity === 'warning'
      ? colour.yellow('warning')
      : d.severity === 'info'
        ? colour.cyan('note')
        : colour.red('error');
  const line = `${colour.bold(safeLine(formatLocation(d)))}  ${tag}  ${safeText(d.message)}`;
  return d.hint ? `${line}\n    ${colour.dim('hint:')} ${safeText(d.hint)}` : line;
}
