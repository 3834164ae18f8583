"""Reads DOCX papers back with python-docx, as the paper tests (Tests/EndToEnd) need them.

For each file named on the command line it prints one JSON object per line:
{"file": ..., "headings": [[level, text], ...], "tables": [[[cell, ...], ...], ...],
 "title": ..., "header_rows": [bool, ...]}
where level 0 is the Title style and 1-9 are Heading 1-9; "header_rows" says, per table,
whether its first row is marked to repeat on every page (w:tblHeader).

Usage: read_docx.py FILE.docx ...
"""

from __future__ import annotations

import json
import sys

import docx
from docx.oxml.ns import qn


def read(path: str) -> dict:
    document = docx.Document(path)
    headings = []
    for paragraph in document.paragraphs:
        name = paragraph.style.name if paragraph.style is not None else ""
        if name == "Title":
            headings.append([0, paragraph.text])
        elif name.startswith("Heading "):
            headings.append([int(name.split(" ")[1]), paragraph.text])
    tables = []
    header_rows = []
    for table in document.tables:
        tables.append([[cell.text for cell in row.cells] for row in table.rows])
        first = table.rows[0]._tr if table.rows else None
        properties = first.trPr if first is not None else None
        header_rows.append(properties is not None and properties.find(qn("w:tblHeader")) is not None)
    return {"file": path, "headings": headings, "tables": tables, "header_rows": header_rows}


def main() -> int:
    for path in sys.argv[1:]:
        print(json.dumps(read(path)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
