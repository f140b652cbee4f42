"""teamgraph: org-health analytics on an org graph.

    >>> import teamgraph
    >>> org = teamgraph.read_org(teamgraph.sample_team_path())
    >>> len(org)
    46
"""

from __future__ import annotations

from ._core import Problem, Severity, __version__
from .errors import OrgDataError
from .org import Org, read_org, sample_team_path

__all__ = ["Org", "OrgDataError", "Problem", "Severity", "__version__", "read_org", "sample_team_path"]
