"""teamgraph: org-health analytics on an org graph.

    >>> import teamgraph
    >>> org = teamgraph.read_org(teamgraph.sample_team_path())
    >>> len(org)
    46
"""

from __future__ import annotations

from ._core import Problem, Severity, __version__, schema
from .batch import assess_many
from .errors import OrgDataError, RequestError
from .org import Org, WhatIfChanges, read_org, sample_team_path
from .git import contributions_from_git, read_git_history
from .importer import ImportResult, import_export, read_export
from .suggest import suggest_mapping
from .diff import ReportDiff
from .findings import Finding
from .report import Report, assess, default_policy, vacancy_cascade
from .truck_factor import TruckFactor, truck_factor
from .talent_grid import TalentGrid, suggest_successors
from .trend import Trend, TrendError, trend

__all__ = ["assess_many", "Finding", "ImportResult", "import_export", "read_export", "suggest_mapping", "Org", "OrgDataError", "Problem", "Report", "ReportDiff", "RequestError", "Severity", "TruckFactor", "WhatIfChanges",
           "__version__", "assess", "contributions_from_git", "default_policy", "read_git_history", "read_org",
           "sample_team_path", "schema", "truck_factor", "vacancy_cascade", "TalentGrid", "suggest_successors",
           "Trend", "TrendError", "trend"]
