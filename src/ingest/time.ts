// Timestamps → seconds. Clock times become seconds since midnight; dates become epoch seconds
// (read as UTC when no offset is given, so results never depend on the machine's time zone).

/** A timestamp as written in chat logs: optional date, then H:MM[:SS[.fff]] [AM|PM], optional zone. */
export const TIMESTAMP_SOURCE =
  String.raw`(?:\d{4}[-/.]\d{1,2}[-/.]\d{1,2}(?:T|\s+))?\d{1,2}:\d{2}(?::\d{2}(?:[.,]\d{1,6})?)?(?:\s?[AaPp]\.?[Mm]\.?(?![A-Za-z]))?(?:Z|[+-]\d{2}:?\d{2})?`;

const CLOCK = /^(\d{1,2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,6}))?)?(?:\s?([AaPp])\.?[Mm]\.?)?$/;
const DATE_TIME =
  /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:(?:T|\s+)(\d{1,2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,6}))?)?(?:\s?([AaPp])\.?[Mm]\.?)?)?\s*(Z|[+-]\d{2}:?\d{2})?$/;

function hour12(h: number, ampm: string | undefined): number {
  if (!ampm) return h;
  const pm = ampm.toLowerCase() === 'p';
  if (h === 12) return pm ? 12 : 0;
  return pm ? h + 12 : h;
}

function frac(digits: string | undefined): number {
  return digits ? Number(`0.${digits}`) : 0;
}

/**
 * Seconds from a timestamp string, or undefined when it is not one.
 * - `10:32`, `10:32:05`, `00:01:23.5`, `2:05 PM` → seconds since midnight (or since the call started);
 * - `2024-03-01 10:32:05`, `2024-03-01T10:32:05Z`, `2024/03/01` → epoch seconds;
 * - a plain number → seconds (13 digits or more are read as epoch milliseconds).
 */
export function parseTimestamp(value: string): number | undefined {
  const s = value.normalize('NFKC').trim();
  if (s === '') return undefined;
  if (/^\d+(?:\.\d+)?$/.test(s)) {
    const n = Number(s);
    return /^\d{13,}/.test(s) ? n / 1000 : n;
  }
  const clock = CLOCK.exec(s);
  if (clock) {
    const [, h, m, sec, f, ampm] = clock;
    const hours = hour12(Number(h), ampm);
    if (Number(m) > 59 || Number(sec ?? 0) > 59) return undefined;
    return hours * 3600 + Number(m) * 60 + Number(sec ?? 0) + frac(f);
  }
  const dt = DATE_TIME.exec(s);
  if (dt) {
    const [, y, mo, d, h, mi, sec, f, ampm, zone] = dt;
    const month = Number(mo);
    const day = Number(d);
    if (month < 1 || month > 12 || day < 1 || day > 31) return undefined;
    const ms = Date.UTC(Number(y), month - 1, day, hour12(Number(h ?? 0), ampm), Number(mi ?? 0), Number(sec ?? 0));
    let seconds = ms / 1000 + frac(f);
    if (zone && zone !== 'Z') {
      const sign = zone.startsWith('-') ? -1 : 1;
      const digits = zone.slice(1).replace(':', '');
      seconds -= sign * (Number(digits.slice(0, 2)) * 3600 + Number(digits.slice(2)) * 60);
    }
    return seconds;
  }
  // Anything else Date understands (e.g. "Fri, 01 Mar 2024 10:32:05 GMT"), only when it names a zone.
  if (/(?:Z|GMT|UTC|[+-]\d{2}:?\d{2})$/i.test(s)) {
    const ms = Date.parse(s);
    if (!Number.isNaN(ms)) return ms / 1000;
  }
  return undefined;
}
