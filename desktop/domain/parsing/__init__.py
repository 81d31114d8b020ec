"""The plan parser: extracted text and tables → a `Plan` of measures (standard library only).

Where to start reading:

- `lines`: one line of text — page furniture, `HeadingLevel` (一、（一）1.（1）①), dates, label lines.
- `front_matter`: title, 文号, 成文日期; the covering notice and the 版记 cut away.
- `outline`: the tree of numbered items a text plan is made of.
- `clauses`, `units`, `deadlines`: responsibility clauses, unit names and 完成时限 inside a measure.
- `vocabulary`: the one list of role, person, deadline and header words (label lines and table headers).
- `tables`, `flat_tables`, `glued_tables`, `grid_tables`: task tables from Word/Excel cells, from text
  flattened by a PDF or a copy, from glued cells, and from positioned words (borderless PDF, scans, OFD).
- `guided`: the clerk's own reading (指定读法): column roles or a chosen numbering.
- `doubts`, `ocr_text`: where a measure may be wrong, and what recognition left unsure.
- `plan_parser`: the one entry point; it tries each reading and keeps the one that explains most.

To add a layout: write its plan (a few lines are enough) under tests/fixtures, make its test in
tests/domain/parsing fail, then add the rule to the module above whose job it is — with a docstring
saying which case it serves and a named constant for any threshold.
"""
