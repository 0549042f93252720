"""{{ contact:KEY }}, {{ phone:KEY }}, {{ help:KEY, KEY }} and {{ contacts:all }}: offices and hotlines."""

from __future__ import annotations

from ..content import Contact
from ..render.engine import BlockProblem, Context, block
from ..render.templates import render
from ..words import section


def phone_html(contact: Contact, lang: str, mark: bool = True) -> str:
    """Call links; an unconfirmed number gets ⚠ beside it (mark=False where the caller marks it itself)."""
    return render("phones.html", contact=contact, lang=lang, mark=mark)


def contact_inline(contact: Contact, lang: str) -> str:
    return render("contact_inline.html", contact=contact, lang=lang)


def contact_cards(contacts: list[Contact], lang: str) -> str:
    return "\n" + render("contact_cards.html", contacts=contacts, lang=lang) + "\n"


def _contact(key: str, ctx: Context) -> Contact:
    contact = ctx.content.contacts.get(key)
    if contact is None:
        raise BlockProblem(f"unknown contact '{key}'", "use a key from content-src/contacts.yml")
    ctx.out.use_contact(key)
    return contact


@block("contact")
def contact_block(key: str, ctx: Context) -> str:
    return contact_inline(_contact(key, ctx), ctx.lang)


@block("phone")
def phone_block(key: str, ctx: Context) -> str:
    contact = _contact(key, ctx)
    if not contact.phone:
        raise BlockProblem(f"contact '{key}' has no phone number", "use {{ contact:" + key + " }} instead")
    return phone_html(contact, ctx.lang)


@block("help")
def help_block(arg: str, ctx: Context) -> str:
    keys = [k.strip() for k in arg.split(",") if k.strip()]
    missing = [k for k in keys if k not in ctx.content.contacts]
    if not keys or missing:
        raise BlockProblem(f"unknown contact(s) {', '.join(missing) or '(none given)'} in help block",
                           "list keys from content-src/contacts.yml, separated by commas")
    return contact_cards([_contact(k, ctx) for k in keys], ctx.lang)


@block("contacts")
def directory_block(arg: str, ctx: Context) -> str:
    """The whole directory, one section per category (Markdown headings, so they are in the page's outline)."""
    parts = []
    for category, name in section("category", ctx.lang).items():
        group = [c for c in ctx.content.contacts.values() if c.category == category]
        if group:
            parts.append(f"\n## {name}\n" + contact_cards([_contact(c.key, ctx) for c in group], ctx.lang))
    return "\n".join(parts)
