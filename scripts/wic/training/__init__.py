"""Trainer kit: workshop modules (content-src/training/*.yml) with session plans, WIND action
checklists, quizzes, workshop slides, printed handouts, and `wic kit` for a USB stick.

Importing this package registers the feature: its content loader ("training") and its
{{ training:MODULE/PART }} placeholder kind.
"""

from ..content import register_loader
from ..content.rootcause import consequence, defines_by_file
from . import blocks  # noqa: F401 - registers {{ training }}
from .model import Guide, Module, Training, load_for_content, load_training

register_loader("training", load_for_content)
# Root causes first: a module file whose contacts or facts cannot be read defines no module, and a
# page that quotes that module says nothing more than that.
defines_by_file(r"(?:^|/)training/([^/]+)\.ya?ml$", "training")


@consequence(r"unknown training module '([^']+)'")
def _module(m, problem):
    return [("training", m.group(1))]


__all__ = ["Guide", "Module", "Training", "load_training"]
