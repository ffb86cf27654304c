// Escaping for the markup formats (HTML, JUnit XML). Transcripts are untrusted input: every piece of report text
// goes through here, in element content and in attribute values alike.

// Control characters other than tab, newline and carriage return are not allowed in XML 1.0, and are parse
// errors in HTML; lone surrogates cannot be encoded. They are dropped rather than escaped.
const FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/gu;
const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeMarkup(text: string | number): string {
  return String(text)
    .replace(FORBIDDEN, '')
    .replace(/[&<>"']/gu, (ch) => ENTITIES[ch]!);
}
