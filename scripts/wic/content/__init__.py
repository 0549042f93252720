"""content-src: load and validate facts, contacts, glossary and what features register."""

from .load import load_content, register_loader
from .model import Contact, Content, Fact, Term

__all__ = ["Contact", "Content", "Fact", "Term", "load_content", "register_loader"]
