/**
 * An RFC 4180 CSV reader: quoted fields may hold separators, doubled quotes and line breaks.
 * The published files use `,` (ROME, certifications) or `;` (La Poste), so the separator is
 * a parameter. Yields each record as a header-keyed object.
 */
export function* parseCsv(text: string, separator = ','): Generator<Record<string, string>> {
  let header: string[] | null = null;
  for (const row of parseRows(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text, separator)) {
    if (!header) {
      header = row.map((h) => h.trim());
      continue;
    }
    if (row.length === 1 && row[0] === '') continue;
    const record: Record<string, string> = {};
    for (let i = 0; i < header.length; i++) record[header[i]] = row[i] ?? '';
    yield record;
  }
}

export function* parseRows(text: string, separator: string): Generator<string[]> {
  let field = '';
  let row: string[] = [];
  let inQuotes = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (inQuotes) {
      if (c === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i++;
        } else inQuotes = false;
      } else field += c;
    } else if (c === '"') inQuotes = true;
    else if (c === separator) {
      row.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      yield row;
      row = [];
      field = '';
    } else field += c;
  }
  if (field !== '' || row.length) {
    row.push(field);
    yield row;
  }
}
