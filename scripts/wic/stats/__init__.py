"""Anonymous usage counts for the centres' reports.

Data flows one way: the browser (overrides/assets/wic/stats.js) posts one count at a time to
`wic serve` → `endpoint` checks it → `store` adds it to SQLite under today's date → `report`
reads a month back for `wic stats`. Which pages are sensitive lives in `privacy`.
"""
