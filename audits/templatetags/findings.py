"""Template filters for findings: ``{{ finding.confidence|confidence }}`` prints it as every output does."""

from django import template

from audits.confidence import confidence_label

register = template.Library()


@register.filter
def confidence(value: float | None) -> str:
    """``0.825`` -> ``"0.83"`` (``audits.confidence``)."""
    return confidence_label(value)
