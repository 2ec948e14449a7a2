"""XLSX (openpyxl) and XLS (xlrd): each sheet one table, numbers as the sheet shows them.

A number is written as its cell format displays it (``#,##0.00`` gives
``1,096.47``, ``0.00%`` gives ``96.28%``) because the report's reader sees
that, and a percentage stored as 0.9628 is 96.28 in the report.  Cells covered
by a merged range are empty cells.  Formulas give their cached value (what
the program that saved the file computed); a file saved without them has
empty cells there.
"""
from __future__ import annotations

import datetime as dt
import io

import regex

from .document import Document, DocumentBuilder

_DECIMALS = regex.compile(r"\.(0{1,30})")
_DEFAULT_SHEET = regex.compile(r"(?:Sheet|工作表|Лист)\s{0,2}\d{0,4}", regex.IGNORECASE)
MAX_CELLS = 2_000_000  # a sheet beyond this is refused rather than read into memory


def format_number(value, number_format: str | None = None) -> str:
    """A cell's number as its format shows it (decimals, thousands, percent); a plain form otherwise."""
    if isinstance(value, bool):
        return "是" if value else "否"
    fmt = (number_format or "General").split(";")[0]
    fmt = regex.sub(r'"[^"]{0,64}"|\[[^\]]{0,32}\]|\\.', "", fmt)  # quoted text, [Red], escapes
    if isinstance(value, (int, float)) and fmt.lower() != "general" and regex.search(r"[0#]", fmt):
        number = float(value) * (100 if "%" in fmt else 1)
        m = _DECIMALS.search(fmt)
        decimals = len(m.group(1)) if m else 0
        text = f"{number:,.{decimals}f}" if "," in fmt else f"{number:.{decimals}f}"
        return text + ("%" if "%" in fmt else "")
    if isinstance(value, float):
        if value.is_integer() and abs(value) < 1e15:
            return str(int(value))
        return f"{value:.15g}"
    return str(value)


def _show(value, number_format: str | None) -> str | None:
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        return value.date().isoformat() if value.time() == dt.time() else value.isoformat(sep=" ")
    if isinstance(value, (dt.date, dt.time)):
        return value.isoformat()
    if isinstance(value, (int, float)):
        return format_number(value, number_format)
    return str(value)


def _sheet_caption(build: DocumentBuilder, title: str) -> None:
    if title and not _DEFAULT_SHEET.fullmatch(title.strip()):
        build.line(title.strip())


def read_xlsx(data: bytes, name: str, encoding: str | None = None) -> Document:
    import openpyxl

    book = openpyxl.load_workbook(io.BytesIO(data), data_only=True)
    build = DocumentBuilder(name, "xlsx")
    for sheet in book.worksheets:
        # Only the cells that hold a value: a sheet formatted down to row 1,048,576 costs nothing.
        values = {(r - 1, c - 1): _show(cell.value, cell.number_format)
                  for (r, c), cell in sheet._cells.items() if cell.value is not None}
        height = 1 + max((r for r, _ in values), default=-1)
        width = 1 + max((c for _, c in values), default=-1)
        if height * width > MAX_CELLS:
            build.warn(f"{name}: sheet {sheet.title!r} spans {height}×{width} cells: not read")
            continue
        covered = set()
        for rng in sheet.merged_cells.ranges:
            for r in range(rng.min_row - 1, min(rng.max_row, height)):
                for c in range(rng.min_col - 1, min(rng.max_col, width)):
                    if (r, c) != (rng.min_row - 1, rng.min_col - 1):
                        covered.add((r, c))
        grid = [[values.get((r, c)) for c in range(width)] for r in range(height)]
        _sheet_caption(build, sheet.title)
        build.table(grid, covered, sheet=sheet.title)
    return build.build()


def read_xls(data: bytes, name: str, encoding: str | None = None) -> Document:
    import xlrd

    try:
        book = xlrd.open_workbook(file_contents=data, formatting_info=True)
        formats = True
    except NotImplementedError:
        book, formats = xlrd.open_workbook(file_contents=data), False
    build = DocumentBuilder(name, "xls")
    for sheet in book.sheets():
        if sheet.nrows * sheet.ncols > MAX_CELLS:
            build.warn(f"{name}: sheet {sheet.name!r} has {sheet.nrows}×{sheet.ncols} cells: not read")
            continue
        covered = {(r, c) for rlo, rhi, clo, chi in sheet.merged_cells
                   for r in range(rlo, min(rhi, sheet.nrows)) for c in range(clo, min(chi, sheet.ncols))
                   if (r, c) != (rlo, clo)}
        grid = []
        for r in range(sheet.nrows):
            row = []
            for c in range(sheet.ncols):
                cell = sheet.cell(r, c)
                number_format = None
                if formats:
                    xf = book.xf_list[cell.xf_index]
                    number_format = book.format_map[xf.format_key].format_str if xf.format_key in book.format_map else None
                if cell.ctype == xlrd.XL_CELL_DATE:
                    row.append(_show(xlrd.xldate_as_datetime(cell.value, book.datemode), None))
                elif cell.ctype in (xlrd.XL_CELL_EMPTY, xlrd.XL_CELL_BLANK):
                    row.append(None)
                elif cell.ctype == xlrd.XL_CELL_BOOLEAN:
                    row.append(_show(bool(cell.value), None))
                elif cell.ctype == xlrd.XL_CELL_ERROR:
                    row.append(None)
                else:
                    row.append(_show(cell.value, number_format))
            grid.append(row)
        _sheet_caption(build, sheet.name)
        build.table(grid, covered, sheet=sheet.name)
    return build.build()
