/**
 * CSV as RFC 4180 describes it: records end in CRLF, and a field holding a comma, a double quote,
 * CR or LF is quoted, its quotes doubled. A field a spreadsheet would run as a formula (starting
 * with =, +, - or @) is not: these files hold figures and names from our own data only, and a
 * negative number must stay a number.
 */
export type CsvField = string | number | null;

export function csvField(value: CsvField): string {
  if (value === null) return '';
  const text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function toCsv(rows: readonly (readonly CsvField[])[]): string {
  return rows.map((row) => `${row.map(csvField).join(',')}\r\n`).join('');
}
