// CSV export of any table on the page (RFC 4180: comma-separated, CRLF line ends, fields quoted
// when they hold a comma, a quote, a line break or leading/trailing space; quotes doubled).

export type Cell = string | number | null | undefined;

export function csvField(value: Cell): string {
  if (value === null || value === undefined) return "";
  const text = typeof value === "number" ? (Number.isFinite(value) ? String(value) : "") : value;
  // A leading =, +, - or @ in text makes spreadsheets run a formula: prefix a quote (OWASP CSV injection).
  const safe = typeof value === "string" && /^[=+\-@\t\r]/.test(text) && !/^[-+]?\d/.test(text) ? `'${text}` : text;
  return /[",\r\n]|^\s|\s$/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function toCsv(header: string[], rows: Cell[][]): string {
  return [header, ...rows].map((row) => row.map(csvField).join(",")).join("\r\n") + "\r\n";
}

/** "Forecasts: US–Russia (flagship)" → "forecasts-us-russia-flagship.csv". */
export function csvFileName(title: string): string {
  const slug = title
    .normalize("NFKD")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
  return `${slug || "table"}.csv`;
}
