// GFM tables for turndown: a data table (rows of cells, no table inside) becomes pipe rows under a
// header separator; layout tables are left to turndown's block handling. Cells are one line each.

import type TurndownService from 'turndown';
import type { DomElement } from './dom.ts';

interface TableShape {
  /** Rows and columns of data (not a page laid out with a table). */
  data: boolean;
  columns: number;
  /** The row written as the header: the first with a cell (GFM requires one). */
  header: DomElement | null;
}

const shapes = new WeakMap<DomElement, TableShape>();

function shapeOf(table: DomElement): TableShape {
  let shape = shapes.get(table);
  if (!shape) {
    const rows = Array.from(table.querySelectorAll('tr'));
    const widths = rows.map(rowWidth);
    const columns = Math.max(0, ...widths);
    const nested = table.querySelector('table') !== null;
    const hasHeading = table.querySelector('th') !== null;
    shape = {
      data: !nested && columns > 0 && ((columns >= 2 && rows.length >= 2) || hasHeading),
      columns,
      header: rows.find((_row, index) => (widths[index] ?? 0) > 0) ?? null,
    };
    shapes.set(table, shape);
  }
  return shape;
}

function rowWidth(row: DomElement): number {
  let width = 0;
  for (const cell of row.children) if (cell.tagName === 'TD' || cell.tagName === 'TH') width += span(cell);
  return width;
}

function span(cell: DomElement): number {
  const value = Number.parseInt(cell.getAttribute('colspan') ?? '1', 10);
  return Number.isFinite(value) ? Math.min(Math.max(value, 1), 50) : 1;
}

/** The data table an element belongs to, or null when it is in none (or in a layout table). */
function dataTableOf(node: DomElement): TableShape | null {
  const table = node.tagName === 'TABLE' ? node : node.closest('table');
  if (!table) return null;
  const shape = shapeOf(table);
  return shape.data ? shape : null;
}

const within =
  (...tags: string[]) =>
  (node: unknown): boolean => {
    const element = node as DomElement;
    return tags.includes(element.tagName) && dataTableOf(element) !== null;
  };

/** Rules to add to a TurndownService, by name. */
export function tableRules(): Record<string, TurndownService.Rule> {
  return {
    tableCell: {
      filter: within('TH', 'TD'),
      replacement(content, node) {
        const cell = node as unknown as DomElement;
        const text = content.replace(/\s+/g, ' ').trim().replace(/\|/g, '\\|');
        const first = cell.previousElementSibling === null;
        return `${first ? '|' : ''} ${text} |${' |'.repeat(span(cell) - 1)}`;
      },
    },
    tableRow: {
      filter: within('TR'),
      replacement(content, node) {
        const row = node as unknown as DomElement;
        const shape = dataTableOf(row) as TableShape;
        const width = rowWidth(row);
        if (width === 0) return '';
        const line = `\n${content}${' |'.repeat(Math.max(0, shape.columns - width))}`;
        return row === shape.header ? `${line}\n|${' --- |'.repeat(shape.columns)}` : line;
      },
    },
    tableSection: { filter: within('THEAD', 'TBODY', 'TFOOT'), replacement: (content) => content },
    tableCaption: { filter: within('CAPTION'), replacement: () => '' },
    table: {
      filter: within('TABLE'),
      replacement(content, node) {
        const caption = (node as unknown as DomElement)
          .querySelector('caption')
          ?.textContent?.replace(/\s+/g, ' ')
          .trim();
        return `\n\n${caption ? `${caption}\n\n` : ''}${content.replace(/^\n+/, '')}\n\n`;
      },
    },
  };
}
