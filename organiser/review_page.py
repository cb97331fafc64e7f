"""The frame of an exported review page: one HTML file, its styles inline, fit to print."""

from __future__ import annotations

STYLE = """
:root { color-scheme: light; }
body { font: 11pt/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif;
       color: #1b1b1b; max-width: 52rem; margin: 2rem auto; padding: 0 1rem; }
h1 { font-size: 1.6rem; margin: 0 0 .75rem; }
h2 { font-size: 1.15rem; margin: 1.6rem 0 .5rem; border-bottom: 1px solid #ccc;
     padding-bottom: .2rem; }
dl { display: grid; grid-template-columns: max-content 1fr; gap: .2rem 1rem; margin: 0; }
dt { font-weight: 600; }
dd { margin: 0; }
table { border-collapse: collapse; width: 100%; font-variant-numeric: tabular-nums; }
th, td { padding: .25rem .5rem; border-bottom: 1px solid #e3e3e3; }
th[scope=row] { text-align: left; font-weight: normal; }
thead th { text-align: right; border-bottom: 2px solid #999; }
thead th:first-child { text-align: left; }
td { text-align: right; }
td.good { color: #1a7f37; font-weight: 600; }
td.bad { color: #b42318; font-weight: 600; }
ul.actions { list-style: none; padding-left: 0; }
ul.actions .box { display: inline-block; width: 1.3em; }
li.done { color: #555; }
.none { color: #777; font-style: italic; }
footer { margin-top: 2rem; color: #777; font-size: .85rem; }
@media print {
  body { margin: 0; max-width: none; font-size: 10pt; }
  section { break-inside: avoid-page; }
  h2 { break-after: avoid; }
  a { color: inherit; text-decoration: none; }
}
"""


def page(title: str, facts: str, body: str) -> str:
    """A whole page; `title`, `facts` and `body` are HTML already escaped by the caller."""
    return (
        "<!DOCTYPE html>\n"
        '<html lang="en-GB">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{title}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n"
        f"<h1>{title}</h1>\n{facts}\n{body}\n"
        "<footer>Made with Organiser. This page holds personal data: keep it safe.</footer>\n"
        "</body>\n</html>\n"
    )
