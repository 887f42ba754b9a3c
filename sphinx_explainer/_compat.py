"""Shims across the supported Sphinx versions (7.4 to 9) and loading paths."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.domains import Domain


def ensure_domain(app: Sphinx, domain_class: type[Domain]) -> None:
    """Give the environment ``domain_class`` when it was registered too late for it.

    ``html_theme = "sphinx_explainer"`` without the extension in
    ``extensions`` loads the extension inside the HTML builder's ``init()``
    (sphinx/theming.py), after the environment made its domains from the
    registry; ``app.add_domain`` then reaches only the next environment.
    Sphinx has no public call for this case, so the domain is added to the
    environment's container the way ``BuildEnvironment.setup`` fills it
    (a ``_DomainsContainer`` keeps a dict since 8.0; 7.4 keeps a dict).
    """
    env = app.env
    if domain_class.name in env.domains:
        return
    domain = domain_class(env)
    instances = getattr(env.domains, "_domain_instances", env.domains)
    instances[domain.name] = domain
    domain.setup()
