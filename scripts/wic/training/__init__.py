"""Trainer kit: workshop modules (content-src/training/*.yml) with session plans, WIND action
checklists, quizzes, workshop slides, printed handouts, and `wic kit` for a USB stick.

Importing this package registers the feature: its content loader ("training") and its
{{ training:MODULE/PART }} placeholder kind.
"""

from ..content import register_loader
from . import blocks  # noqa: F401 - registers {{ training }}
from .model import Guide, Module, Training, load_for_content, load_training

register_loader("training", load_for_content)

__all__ = ["Guide", "Module", "Training", "load_training"]
