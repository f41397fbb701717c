import { stringify } from 'csv-stringify/sync';
import ExcelJS from 'exceljs';

// Tables for download (CSV and XLSX). A cell that a spreadsheet would read as a formula (starting with
// =, +, -, @, tab or carriage return) is prefixed with an apostrophe: a text typed by someone can never
// run in the spreadsheet of the person who opens the export.

export type Cell = string | number | boolean | null | undefined;

export function safeCell(value: Cell): string | number | boolean {
  if (value === null || value === undefined) return '';
  if (typeof value !== 'string') return value;
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

export function toCsv(header: string[], rows: Cell[][]): string {
  // A BOM so that spreadsheet programs read the accents correctly.
  return '\uFEFF' + stringify([header, ...rows.map((r) => r.map(safeCell))], { record_delimiter: 'windows' });
}

export async function toXlsx(sheetName: string, header: string[], rows: Cell[][]): Promise<ArrayBuffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Passerelle';
  const sheet = workbook.addWorksheet(sheetName.slice(0, 31));
  sheet.addRow(header).font = { bold: true };
  for (const row of rows) sheet.addRow(row.map(safeCell));
  sheet.columns.forEach((col) => {
    col.width = Math.min(60, Math.max(10, ...(col.values ?? []).map((v) => String(v ?? '').length + 2)));
  });
  sheet.views = [{ state: 'frozen', ySplit: 1 }];
  return Uint8Array.from(new Uint8Array(await workbook.xlsx.writeBuffer())).buffer;
}
