"""Turn content into HTML: the placeholder engine, templates, pictograms and page furniture."""
