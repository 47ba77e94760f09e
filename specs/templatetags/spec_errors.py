"""Template filter: a spec document's error message as the signed-in user may read it."""

from django import template

register = template.Library()


@register.filter
def error_message_for(document, user) -> str:
    """``{{ doc|error_message_for:user }}``: ``SpecDocument.error_message_for(user)``."""
    return document.error_message_for(user)
