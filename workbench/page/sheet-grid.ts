/**
 * The sheet grid: column and row headers, frozen rows and columns, embedded charts drawn where they are anchored,
 * and only the rows in view in the DOM (fetched from the server
 * in blocks), so a sheet of 10,000 rows scrolls like a short one. Selection, in-cell editing, dropdowns, checkboxes.
 */

import { drawChart } from './chart-drawing';
import { openDropdown } from './dropdown';
import { RowLayout } from './row-layout';
import { api, type CellView, type SheetWindow, type ValidationView } from './server-api';

const ROW_HEIGHT = 21;
const HEADER_HEIGHT = 24;
const BLOCK = 100;
const BUFFER_ROWS = 15;
const SCROLLBAR_ROOM = 40;

type Cell = CellView & { valid?: ValidationView };

export interface GridHooks {
  /** The selection moved. */
  select(row: number, column: number): void;
  /** The user typed `text` into a cell (Enter, Tab, a dropdown pick or a checkbox click). */
  commit(row: number, column: number, text: string): Promise<boolean>;
  /** Right click on a cell, a row header or a column header. */
  contextMenu(x: number, y: number, row: number | undefined, column: number | undefined): void;
}

export function columnName(column: number): string {
  let name = '';
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26)) name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  return name;
}

const el = <K extends keyof HTMLElementTagNameMap>(tag: K, className?: string, text?: string) => {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
};

export class Grid {
  sheet = '';
  row = 1;
  column = 1;
  private meta:
    | Pick<SheetWindow, 'maxRows' | 'maxColumns' | 'frozenRows' | 'frozenColumns' | 'columnWidths' | 'lastRow'>
    | undefined;
  /** The sheet's charts, drawn once per change of their data: the key is the charts' JSON. */
  private charts: { key: string; nodes: { row: number; column: number; node: HTMLElement }[] } = {
    key: '[]',
    nodes: [],
  };
  /** The rows drawn below the frozen ones: all of them, or those the sheet's filter leaves. */
  private layout = new RowLayout(0, 0);
  /** The sheet's filter (column and value), when it has one. */
  filter: { column: number; value: string } | undefined;
  private lefts: number[] = [0];
  private readonly cells = new Map<number, (Cell | null)[] | null>();
  private readonly loaded = new Map<number, Promise<void>>();
  private generation = 0;
  private frame = 0;
  private editor: HTMLInputElement | undefined;

  private readonly corner = el('div', 'corner');
  private readonly colHeads = el('div', 'col-heads');
  private readonly colHeadsInner = el('div', 'pane-inner');
  private readonly frozen = el('div', 'frozen');
  private readonly frozenInner = el('div', 'pane-inner');
  private readonly frozenHeads = el('div', 'frozen-heads');
  private readonly rowHeads = el('div', 'row-heads');
  private readonly rowHeadsInner = el('div', 'pane-inner');
  readonly body = el('div', 'body');
  private readonly canvas = el('div', 'canvas');
  private readonly outline = el('div', 'selection');

  constructor(
    private readonly root: HTMLElement,
    private readonly hooks: GridHooks,
  ) {
    this.colHeads.append(this.colHeadsInner);
    this.frozen.append(this.frozenInner);
    this.rowHeads.append(this.rowHeadsInner);
    this.body.append(this.canvas);
    this.body.tabIndex = 0;
    root.replaceChildren(this.corner, this.colHeads, this.frozen, this.frozenHeads, this.rowHeads, this.body);
    this.body.addEventListener('scroll', () => {
      this.syncPanes();
      this.schedule();
    });
    // Something may scroll a header pane itself (focus, find-in-page, a test tool bringing a cell into view).
    for (const pane of [this.colHeads, this.frozen]) {
      pane.addEventListener('scroll', () => {
        if (pane.scrollLeft !== this.body.scrollLeft) this.body.scrollLeft = pane.scrollLeft;
      });
    }
    this.rowHeads.addEventListener('scroll', () => {
      if (this.rowHeads.scrollTop !== this.body.scrollTop) this.body.scrollTop = this.rowHeads.scrollTop;
    });
    new ResizeObserver(() => this.schedule()).observe(this.body);
    this.body.addEventListener('keydown', (event) => this.onKey(event));
    for (const pane of [this.canvas, this.frozenInner]) {
      pane.addEventListener('mousedown', (event) => this.onCellMouse(event));
      pane.addEventListener('dblclick', (event) => {
        const target = this.cellOf(event);
        if (target) this.startEdit();
      });
      pane.addEventListener('contextmenu', (event) => {
        const target = this.cellOf(event);
        if (!target) return;
        event.preventDefault();
        this.moveTo(target.row, target.column);
        this.hooks.contextMenu(event.clientX, event.clientY, target.row, target.column);
      });
    }
    for (const heads of [this.rowHeadsInner, this.frozenHeads]) {
      heads.addEventListener('contextmenu', (event) => {
        const row = Number((event.target as HTMLElement).dataset.row);
        if (!row) return;
        event.preventDefault();
        this.moveTo(row, this.column);
        this.hooks.contextMenu(event.clientX, event.clientY, row, undefined);
      });
      heads.addEventListener('mousedown', (event) => {
        const row = Number((event.target as HTMLElement).dataset.row);
        if (row && event.button === 0) this.moveTo(row, this.column);
      });
    }
    this.colHeadsInner.addEventListener('contextmenu', (event) => {
      const column = Number((event.target as HTMLElement).dataset.column);
      if (!column) return;
      event.preventDefault();
      this.moveTo(this.row, column);
      this.hooks.contextMenu(event.clientX, event.clientY, undefined, column);
    });
    this.colHeadsInner.addEventListener('mousedown', (event) => {
      const column = Number((event.target as HTMLElement).dataset.column);
      if (column && event.button === 0) this.moveTo(this.row, column);
    });
  }

  /** Shows a sheet from its top, or at a given cell. */
  async show(sheet: string, row = 1, column = 1): Promise<void> {
    this.sheet = sheet;
    this.row = row;
    this.column = column;
    this.invalidate();
    this.meta = undefined;
    this.layout = new RowLayout(0, 0);
    this.filter = undefined;
    this.body.scrollTop = 0;
    this.body.scrollLeft = 0;
    await this.ensure(Math.max(1, row - BUFFER_ROWS), row + 60);
    this.scrollIntoView();
    this.render();
    this.hooks.select(this.row, this.column);
  }

  /** The workbook changed: drop what is cached and draw the rows in view again. */
  async refresh(): Promise<void> {
    if (!this.sheet) return;
    this.invalidate();
    const layout = this.layout;
    await this.ensureRows(this.visibleRows());
    // A filter set or removed changes which rows are in view: load those too.
    if (this.layout !== layout) await this.ensureRows(this.visibleRows());
    if (this.layout.isHidden(this.row)) this.row = this.layout.rowAt(this.layout.indexOf(this.row));
    this.render();
    this.hooks.select(this.row, this.column);
  }

  /** The number of frozen rows at the top (the header rows). */
  get frozenRows(): number {
    return this.meta?.frozenRows ?? 0;
  }

  /** The number of frozen columns at the left (Leads: Lead and Company). */
  get frozenColumns(): number {
    return this.meta?.frozenColumns ?? 0;
  }

  cell(row: number, column: number): Cell | null {
    return this.cells.get(row)?.[column - 1] ?? null;
  }

  /** Where a cell is on screen (for popups), or undefined when it is scrolled away. */
  cellRect(row: number, column: number): DOMRect | undefined {
    const node = this.root.querySelector<HTMLElement>(`[data-cell="${row}:${column}"]`);
    return node?.getBoundingClientRect();
  }

  moveTo(row: number, column: number): void {
    if (!this.meta) return;
    this.row = Math.max(1, Math.min(this.meta.maxRows, row));
    if (this.layout.isHidden(this.row)) this.row = this.layout.rowAt(this.layout.indexOf(this.row));
    this.column = Math.max(1, Math.min(this.meta.maxColumns, column));
    this.scrollIntoView();
    this.render();
    this.hooks.select(this.row, this.column);
  }

  /** Opens the in-cell editor, with `initial` replacing the content when typing started it. */
  startEdit(initial?: string): void {
    const pane = this.row <= (this.meta?.frozenRows ?? 0) ? this.frozenInner : this.canvas;
    const cell = this.cell(this.row, this.column);
    const input = el('input', 'cell-editor');
    input.value = initial ?? cell?.f ?? cell?.r ?? cell?.t ?? '';
    this.placeAt(input, this.row, this.column);
    input.style.minWidth = `${this.width(this.column)}px`;
    this.editor?.remove();
    this.editor = input;
    pane.append(input);
    input.focus();
    input.setSelectionRange(input.value.length, input.value.length);
    const finish = async (save: boolean, move: [number, number]) => {
      if (this.editor !== input) return;
      this.editor = undefined;
      const text = input.value;
      input.remove();
      this.body.focus({ preventScroll: true });
      if (save) await this.hooks.commit(this.row, this.column, text);
      this.moveTo(this.layout.step(this.row, move[0]), this.column + move[1]);
    };
    input.addEventListener('keydown', (event) => {
      if (event.key === 'Enter') {
        event.preventDefault();
        void finish(true, [1, 0]);
      } else if (event.key === 'Tab') {
        event.preventDefault();
        void finish(true, [0, event.shiftKey ? -1 : 1]);
      } else if (event.key === 'Escape') {
        event.preventDefault();
        void finish(false, [0, 0]);
      }
    });
    input.addEventListener('blur', () => void finish(true, [0, 0]));
  }

  get editing(): boolean {
    return this.editor !== undefined;
  }

  // ---- data ----

  private invalidate(): void {
    this.generation++;
    this.cells.clear();
    this.loaded.clear();
  }

  /** Loads the blocks covering rows first..last (once each). */
  private ensure(first: number, last: number): Promise<void> {
    const rows: number[] = [];
    for (let row = Math.max(1, first); row <= Math.max(1, last); row++) rows.push(row);
    return this.ensureRows(rows);
  }

  /** Loads the blocks holding these rows (once each), and always the first block (the headers, the frozen rows). */
  private async ensureRows(rows: readonly number[]): Promise<void> {
    if (!this.sheet) return;
    const generation = this.generation;
    const sheet = this.sheet;
    const blocks = new Set([0, ...rows.map((row) => Math.floor((Math.max(1, row) - 1) / BLOCK))]);
    const waits: Promise<void>[] = [];
    for (const block of blocks) {
      if (this.meta && block * BLOCK + 1 > this.meta.maxRows) continue;
      let loading = this.loaded.get(block);
      if (!loading) {
        loading = api.window(sheet, block * BLOCK + 1, BLOCK).then((window) => {
          if (generation !== this.generation || sheet !== this.sheet) return;
          this.store(window);
        });
        loading.catch(() => this.loaded.delete(block));
        this.loaded.set(block, loading);
      }
      waits.push(loading);
    }
    await Promise.all(waits);
  }

  private store(window: SheetWindow): void {
    if (
      !this.meta ||
      this.meta.columnWidths.join() !== window.columnWidths.join() ||
      this.meta.maxRows !== window.maxRows
    ) {
      this.lefts = [0];
      for (const width of window.columnWidths) this.lefts.push(this.lefts[this.lefts.length - 1] + width);
    }
    this.meta = window;
    const hidden = window.filter?.hiddenRows ?? [];
    if (
      this.layout.frozen !== window.frozenRows ||
      this.layout.maxRows !== window.maxRows ||
      this.layout.hiddenKey !== hidden.join(',')
    ) {
      this.layout = new RowLayout(window.frozenRows, window.maxRows, hidden);
    }
    this.filter = window.filter ? { column: window.filter.column, value: window.filter.value } : undefined;
    const key = JSON.stringify(window.charts ?? []);
    if (key !== this.charts.key) {
      this.charts = {
        key,
        nodes: (window.charts ?? []).map((chart) => {
          const node = el('div', 'chart-box');
          node.dataset.chart = String(chart.id);
          node.dataset.anchor = `${chart.anchorRow}:${chart.anchorColumn}`;
          node.append(drawChart(chart));
          node.style.marginLeft = `${chart.offsetX}px`;
          node.style.marginTop = `${chart.offsetY}px`;
          return { row: chart.anchorRow, column: chart.anchorColumn, node };
        }),
      };
    }
    window.rows.forEach((line, i) => {
      const cells =
        line?.map((cell) => (cell && cell.v !== undefined ? { ...cell, valid: window.validations[cell.v] } : cell)) ??
        null;
      this.cells.set(window.firstRow + i, cells);
    });
  }

  // ---- drawing ----

  private schedule(): void {
    if (this.frame) return;
    this.frame = requestAnimationFrame(() => {
      this.frame = 0;
      const rows = this.visibleRows();
      this.render();
      this.ensureRows(rows).then(
        () => this.render(),
        () => {},
      );
    });
  }

  /** The rows below the frozen ones that are in view, with a buffer above and below. */
  private visibleRows(): number[] {
    const first = Math.max(0, Math.floor(this.body.scrollTop / ROW_HEIGHT) - BUFFER_ROWS);
    const last = Math.min(
      this.layout.count - 1,
      Math.floor(this.body.scrollTop / ROW_HEIGHT) + Math.ceil(this.body.clientHeight / ROW_HEIGHT) + BUFFER_ROWS,
    );
    const rows: number[] = [];
    for (let index = first; index <= last; index++) rows.push(this.layout.rowAt(index));
    // Before the first window arrives there is no layout yet: ask for the rows at the top.
    if (rows.length === 0 && !this.meta) for (let row = 1; row <= 60; row++) rows.push(row);
    return rows;
  }

  private width(column: number): number {
    return this.lefts[column] - this.lefts[column - 1];
  }

  private placeAt(node: HTMLElement, row: number, column: number): void {
    const frozen = this.meta?.frozenRows ?? 0;
    node.style.left = `${this.lefts[column - 1]}px`;
    node.style.top = `${(row <= frozen ? row - 1 : this.layout.indexOf(row)) * ROW_HEIGHT}px`;
    node.style.width = `${this.width(column)}px`;
    node.style.height = `${ROW_HEIGHT}px`;
    node.classList.toggle('frozen-col', column <= this.frozenColumns);
  }

  private render(): void {
    const meta = this.meta;
    if (!meta) return;
    const frozen = meta.frozenRows;
    const totalWidth = this.lefts[meta.maxColumns] ?? 0;
    const frozenHeight = frozen * ROW_HEIGHT;
    const top = HEADER_HEIGHT + frozenHeight;
    this.root.style.setProperty('--frozen-height', `${frozenHeight}px`);
    this.root.style.setProperty('--body-top', `${top}px`);
    this.canvas.style.width = `${totalWidth}px`;
    this.canvas.style.height = `${this.layout.count * ROW_HEIGHT}px`;
    // The panes beside the body scroll with it; room for its scroll bars lets them scroll as far.
    this.frozenInner.style.width = `${totalWidth + SCROLLBAR_ROOM}px`;
    this.rowHeadsInner.style.height = `${this.layout.count * ROW_HEIGHT + SCROLLBAR_ROOM}px`;

    const heads = Array.from({ length: meta.maxColumns }, (_, i) => {
      const head = el('div', `col-head${i + 1 === this.column ? ' active' : ''}`, columnName(i + 1));
      head.dataset.column = String(i + 1);
      head.style.left = `${this.lefts[i]}px`;
      head.style.width = `${this.width(i + 1)}px`;
      if (i < meta.frozenColumns) head.classList.add('frozen-col');
      return head;
    });
    this.colHeadsInner.replaceChildren(...heads);
    this.colHeadsInner.style.width = `${totalWidth + SCROLLBAR_ROOM}px`;

    const rows: HTMLElement[] = [];
    const rowHeads: HTMLElement[] = [];
    for (const row of this.visibleRows()) {
      rows.push(...this.rowCells(row));
      rowHeads.push(this.rowHead(row, this.layout.indexOf(row) * ROW_HEIGHT));
    }
    const frozenCells: HTMLElement[] = [];
    const frozenHeads: HTMLElement[] = [];
    for (let row = 1; row <= frozen; row++) {
      frozenCells.push(...this.rowCells(row));
      frozenHeads.push(this.rowHead(row, (row - 1) * ROW_HEIGHT));
    }
    const lines = (): HTMLElement[] =>
      this.lefts.slice(1).map((left) => {
        const line = el('div', 'col-line');
        line.style.left = `${left - 1}px`;
        return line;
      });
    const frozenWidth = this.lefts[Math.min(meta.frozenColumns, meta.maxColumns)] ?? 0;
    this.root.style.setProperty('--frozen-width', `${frozenWidth}px`);
    const strip = () => {
      const node = el('div', 'frozen-cols');
      node.hidden = meta.frozenColumns === 0;
      return node;
    };
    const frozenLines = () => {
      const all = lines();
      all.forEach((line, i) => {
        line.classList.toggle('frozen-col', i < meta.frozenColumns);
      });
      return all;
    };
    rows.unshift(...frozenLines(), strip());
    frozenCells.unshift(...frozenLines(), strip());
    for (const { row, column, node } of this.charts.nodes) {
      node.style.left = `${this.lefts[column - 1] ?? 0}px`;
      node.style.top = `${(row <= frozen ? 0 : this.layout.indexOf(row)) * ROW_HEIGHT}px`;
      rows.push(node);
    }
    this.outline.hidden = false;
    this.placeAt(this.outline, this.row, this.column);
    (this.row <= frozen ? frozenCells : rows).push(this.outline);
    if (this.editor) (this.row <= frozen ? frozenCells : rows).push(this.editor);
    this.canvas.replaceChildren(...rows);
    this.frozenInner.replaceChildren(...frozenCells);
    this.rowHeadsInner.replaceChildren(...rowHeads);
    this.frozenHeads.replaceChildren(...frozenHeads);
    this.syncPanes();
  }

  private syncPanes(): void {
    const { scrollLeft, scrollTop } = this.body;
    // Frozen columns stay put: their cells move right by as much as the panes scroll left.
    this.root.style.setProperty('--frozen-shift', `${scrollLeft}px`);
    if (this.colHeads.scrollLeft !== scrollLeft) this.colHeads.scrollLeft = scrollLeft;
    if (this.frozen.scrollLeft !== scrollLeft) this.frozen.scrollLeft = scrollLeft;
    if (this.rowHeads.scrollTop !== scrollTop) this.rowHeads.scrollTop = scrollTop;
  }

  private rowHead(row: number, top: number): HTMLElement {
    const head = el('div', `row-head${row === this.row ? ' active' : ''}`, String(row));
    head.dataset.row = String(row);
    head.style.top = `${top}px`;
    return head;
  }

  private rowCells(row: number): HTMLElement[] {
    const line = this.cells.get(row);
    if (!line) return [];
    const nodes: HTMLElement[] = [];
    line.forEach((cell, index) => {
      if (!cell) return;
      const column = index + 1;
      const node = el('div', 'cell');
      node.dataset.cell = `${row}:${column}`;
      this.placeAt(node, row, column);
      if (cell.valid?.kind === 'checkbox') {
        node.classList.add('checkbox');
        node.textContent = cell.t === 'TRUE' ? '☑' : '☐';
      } else {
        node.append(el('span', 'text', cell.t));
      }
      if (cell.a) node.classList.add(`align-${cell.a}`);
      else if (!cell.valid) {
        // Text spills into the empty cells to its right, as in Sheets.
        const needed = this.lefts[column - 1] + cell.t.length * 7 + 8;
        let end = column;
        const limit = column <= this.frozenColumns ? this.frozenColumns : line.length;
        while (end < limit && this.lefts[end] < needed && !line[end]?.t && !line[end]?.valid) end++;
        if (end > column) {
          node.style.width = `${this.lefts[end] - this.lefts[column - 1]}px`;
          node.classList.add('overflow');
        }
      }
      if (cell.b) node.classList.add('bold');
      if (cell.i) node.classList.add('italic');
      if (cell.bg) node.style.background = cell.bg;
      if (cell.c) node.style.color = cell.c;
      if (cell.e !== undefined) {
        node.classList.add('error');
        node.title = `Error\n${cell.e}`;
      }
      if (cell.n) {
        node.classList.add('has-note');
        node.title = node.title ? `${node.title}\n\n${cell.n}` : cell.n;
        node.setAttribute('aria-description', cell.n);
      }
      if (cell.valid?.kind === 'list' && (cell.t !== '' || (row === this.row && column === this.column))) {
        const arrow = el('button', 'dropdown', '▾');
        arrow.tabIndex = -1;
        arrow.dataset.dropdown = `${row}:${column}`;
        node.append(arrow);
        node.classList.add('has-dropdown');
      }
      nodes.push(node);
    });
    return nodes;
  }

  private scrollIntoView(): void {
    if (!this.meta) return;
    const frozen = this.meta.frozenRows;
    if (this.row > frozen) {
      const top = this.layout.indexOf(this.row) * ROW_HEIGHT;
      if (top < this.body.scrollTop) this.body.scrollTop = top;
      else if (top + ROW_HEIGHT > this.body.scrollTop + this.body.clientHeight)
        this.body.scrollTop = top + ROW_HEIGHT - this.body.clientHeight;
    }
    if (this.column <= this.frozenColumns) return;
    // Columns right of the frozen ones show from the frozen columns' right edge.
    const frozenWidth = this.lefts[this.frozenColumns] ?? 0;
    const left = this.lefts[this.column - 1] - frozenWidth;
    const right = this.lefts[this.column];
    if (left < this.body.scrollLeft) this.body.scrollLeft = left;
    else if (right > this.body.scrollLeft + this.body.clientWidth) this.body.scrollLeft = right - this.body.clientWidth;
  }

  // ---- input ----

  private cellOf(event: MouseEvent): { row: number; column: number } | undefined {
    const node = (event.target as HTMLElement).closest<HTMLElement>('[data-cell]');
    if (node?.dataset.cell) {
      const [row, column] = node.dataset.cell.split(':').map(Number);
      return { row, column };
    }
    // An empty cell has no element: find it from the position.
    const pane = event.currentTarget as HTMLElement;
    const box = pane.getBoundingClientRect();
    let x = event.clientX - box.left;
    const y = event.clientY - box.top;
    // Over the frozen columns, the pane's scrolled-away content is under them: the position is on screen.
    const shifted = x - this.body.scrollLeft;
    if (shifted < (this.lefts[this.frozenColumns] ?? 0)) x = shifted;
    const column = this.lefts.findIndex((left, i) => i > 0 && x < left);
    if (column < 1 || !this.meta) return undefined;
    const row =
      pane === this.frozenInner ? Math.floor(y / ROW_HEIGHT) + 1 : this.layout.rowAt(Math.floor(y / ROW_HEIGHT));
    return { row, column };
  }

  private onCellMouse(event: MouseEvent): void {
    if (event.button !== 0 || (event.target as HTMLElement).classList.contains('cell-editor')) return;
    const dropdown = (event.target as HTMLElement).dataset.dropdown;
    const target = this.cellOf(event);
    if (!target) return;
    event.preventDefault();
    this.body.focus({ preventScroll: true });
    const wasSelected = target.row === this.row && target.column === this.column;
    this.moveTo(target.row, target.column);
    const cell = this.cell(target.row, target.column);
    if (dropdown && cell?.valid?.kind === 'list') this.openList(target.row, target.column, cell.valid.values);
    else if (cell?.valid?.kind === 'checkbox' && wasSelected)
      void this.hooks.commit(target.row, target.column, cell.t === 'TRUE' ? 'FALSE' : 'TRUE');
  }

  private openList(row: number, column: number, values: readonly string[]): void {
    const rect = this.cellRect(row, column);
    if (!rect) return;
    openDropdown(rect, `Choices for ${columnName(column)}${row}`, values, (value) => {
      void this.hooks.commit(row, column, value).then(() => this.body.focus({ preventScroll: true }));
    });
  }

  private onKey(event: KeyboardEvent): void {
    if (this.editor || event.target !== this.body) return;
    const moves: Record<string, [number, number]> = {
      ArrowUp: [-1, 0],
      ArrowDown: [1, 0],
      ArrowLeft: [0, -1],
      ArrowRight: [0, 1],
      Tab: [0, event.shiftKey ? -1 : 1],
    };
    const move = moves[event.key];
    if (move) {
      event.preventDefault();
      this.moveTo(this.layout.step(this.row, move[0]), this.column + move[1]);
    } else if (event.key === 'PageDown' || event.key === 'PageUp') {
      event.preventDefault();
      const page = Math.max(1, Math.floor(this.body.clientHeight / ROW_HEIGHT) - 1);
      this.moveTo(this.layout.step(this.row, event.key === 'PageDown' ? page : -page), this.column);
    } else if (event.key === 'Enter' || event.key === 'F2') {
      event.preventDefault();
      this.startEdit();
    } else if (event.key === 'Delete' || event.key === 'Backspace') {
      event.preventDefault();
      void this.hooks.commit(this.row, this.column, '');
    } else if (event.key.length === 1 && !event.ctrlKey && !event.metaKey && !event.altKey) {
      event.preventDefault();
      this.startEdit(event.key);
    }
  }
}
