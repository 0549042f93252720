"""WIC Knowledge Base: build an offline bilingual (Lao/English) site from Markdown and content-src."""

__version__ = "0.1.0"
