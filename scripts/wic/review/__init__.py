"""The review loop: what the centres must confirm goes out as a worksheet (PDF) and a CSV; the
answers come back with `wic review --apply FILE.csv` and change content-src where they confirm."""
