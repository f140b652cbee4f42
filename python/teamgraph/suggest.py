"""A starting mapping guessed from an export's header (``teamgraph import --suggest``)."""

from __future__ import annotations

import json
import re
import unicodedata
from typing import Any, Dict, List, Optional, Sequence, Tuple

import pandas as pd

from . import _core
from .catalog import Catalog
from .cells import date_text
from .errors import OrgDataError
from .importer import PathLike
from .tables import read_table


# -- suggest ---------------------------------------------------------------------------------

# Header names by field, compared as name_key compares them less spaces: English and Chinese.
GUESSES: Dict[str, Tuple[str, ...]] = {
    "id": ("empid", "employeeid", "employeenumber", "employeeno", "empno", "empnumber", "staffid", "personid", "id",
           "工号", "员工编号", "员工工号", "员工号", "编号", "人员编号"),
    "name": ("employeename", "employee", "name", "fullname", "employeefullname", "staffname", "姓名", "员工姓名", "名字",
             "员工"),
    "manager": ("managername", "manager", "supervisor", "supervisorname", "reportsto", "linemanager", "boss",
                "directmanager", "上级", "直属上级", "上级姓名", "直接上级", "汇报对象", "主管", "直属领导", "上级领导"),
    "manager_id": ("managerid", "managernumber", "supervisorid", "reportstoid", "上级工号", "上级编号", "主管工号"),
    "department": ("department", "dept", "departmentname", "division", "team", "部门", "所属部门", "部门名称"),
    "role": ("position", "title", "jobtitle", "role", "job", "positiontitle", "职位", "岗位", "职务", "职称"),
    "assessment": ("perfscoreid", "performancescore", "perfscore", "performance", "rating", "performancerating",
                   "appraisal", "绩效", "绩效评分", "绩效得分", "考核", "考核结果", "绩效等级", "评分"),
    "potential": ("potential", "potentialrating", "engagementsurvey", "engagement", "潜力", "潜能", "敬业度"),
    "flight_risk": ("flightrisk", "attritionrisk", "riskofleaving", "离职风险"),
    "learning_hours": ("learninghours", "traininghours", "培训时长", "学习时长"),
    "salary": ("salary", "basesalary", "pay", "annualsalary", "wage", "薪资", "工资", "薪酬", "月薪", "年薪", "基本工资"),
    "left": ("termd", "terminated", "termination", "isterminated", "离职", "是否离职", "已离职"),
}


def _header_key(text: str) -> str:
    return re.sub(r"[\W_]+", "", unicodedata.normalize("NFKC", str(text)).casefold())


def _guess_columns(columns: Sequence[str]) -> Dict[str, str]:
    keys = {col: _header_key(col) for col in columns}
    found: Dict[str, str] = {}
    for field, names in GUESSES.items():  # an exact name first, in the order listed
        for name in names:
            hit = next((col for col, k in keys.items() if k == name and col not in found.values()), None)
            if hit is not None:
                found[field] = hit
                break
    return found


def _numbers(values: Sequence[str]) -> Optional[Tuple[float, float]]:
    numbers = []
    for v in values:
        if v.strip():
            try:
                numbers.append(float(v))
            except ValueError:
                return None
    return (min(numbers), max(numbers)) if numbers else None


_DATE_FORMATS = (("%m/%d/%Y", re.compile(r"^\d{1,2}/\d{1,2}/\d{4}$")), ("%d.%m.%Y", re.compile(r"^\d{1,2}\.\d{1,2}\.\d{4}$")),
                 ("%Y/%m/%d", re.compile(r"^\d{4}/\d{1,2}/\d{1,2}$")), ("%Y年%m月%d日", re.compile(r"^\d{4}年\d{1,2}月\d{1,2}日$")))


def _date_format(frame: pd.DataFrame) -> Optional[Tuple[str, str]]:
    """(format, an example) of the first column of dates written another way than ISO."""
    for column in frame.columns:
        values = [str(v).strip() for v in frame[column] if str(v).strip()]
        for fmt, pattern in _DATE_FORMATS:
            if values and all(pattern.match(v) for v in values):
                if fmt == "%m/%d/%Y" and any(int(v.split("/")[0]) > 12 for v in values):
                    fmt = "%d/%m/%Y"
                if all(date_text(v, fmt) is not None for v in values):
                    return fmt, values[0]
    return None


def _scale(low: float, high: float) -> Tuple[float, float]:
    """The usual scale that holds the values found: [0, 1], [1, 4], [1, 5], [1, 10] or [0, 100]."""
    for scale in ((0.0, 1.0), (1.0, 4.0), (1.0, 5.0), (1.0, 10.0), (0.0, 100.0)):
        if scale[0] <= low and high <= scale[1]:
            return scale
    return (min(low, 0.0), high)


def _toml(value: Any) -> str:
    if isinstance(value, str):
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return json.dumps(value)


def suggest_mapping(path: PathLike, lang: Optional[str] = None, sheet: Optional[str] = None,
                    encoding: Optional[str] = None) -> str:
    """A starting mapping (TOML text) guessed from the export's header and values: which column is
    the id, the name, the manager (by name, or by id), department, role, assessment and potential
    (with the scale of the values found), salary as a material incentive, a termination flag as a
    commented-out ``keep``, and the date format. Comments (in the catalog's language) say what is a
    guess."""
    c = Catalog.get(lang)
    table = read_table(path, sheet=sheet, encoding=encoding)
    errors = [p for p in table.problems if p.severity == _core.Severity.error]
    if errors:
        raise OrgDataError(f"{len(errors)} problems in the export", errors)
    frame = table.frame
    found = _guess_columns([str(col) for col in frame.columns])
    out = [c.text("import.suggest.header", file=table.file), ""]
    source: List[str] = []
    if table.encoding not in (None, "UTF-8", "UTF-8 with BOM"):
        source.append(f"encoding = {_toml(table.encoding)}")
    if table.sheet:
        source.append(f"sheet = {_toml(table.sheet)}")
    if "left" in found:
        values = {str(v).strip() for v in frame[found["left"]]}
        condition = f"`{found['left']}` == 0" if values <= {"0", "1", ""} else f"`{found['left']}` == \"\""
        if re.fullmatch(r"\w+", found["left"], re.ASCII):
            condition = condition.replace("`", "")
        source.append(c.text("import.suggest.keep", column=found["left"]))
        source.append(f"# keep = {_toml(condition)}")
    dates = _date_format(frame)
    if dates:
        source.append(c.text("import.suggest.dates", example=dates[1]))
        source.append(f"date_format = {_toml(dates[0])}")
    if source:
        out += ["[source]"] + source + [""]
    out.append("[people]")
    if "id" in found:
        out.append(f"id = {_toml(found['id'])}")
    else:
        out.append(c.text("import.suggest.no_id"))
        out.append('id = ""')
    for field in ("name", "department", "role"):
        if field in found:
            out.append(f"{field} = {_toml(found[field])}")
    if "manager" in found and "name" in found:
        if "manager_id" in found:
            out.append(c.text("import.suggest.manager_id", column=found["manager_id"]))
        out.append(f'manager = {{ column = {_toml(found["manager"])}, by = "name", top = [] }}')
    elif "manager_id" in found:
        out.append(f'manager = {{ column = {_toml(found["manager_id"])}, by = "id" }}')
    for field in ("assessment", "potential", "flight_risk"):
        if field not in found:
            continue
        span = _numbers([str(v) for v in frame[found[field]]])
        if span is None:
            out.append(c.text("import.suggest.not_numbers", column=found[field]))
            out.append(f"# {field} = {{ column = {_toml(found[field])}, scale = [1, 5] }}")
            continue
        low, high = _scale(*span)
        out.append(c.text("import.suggest.scale", low=_toml(span[0]), high=_toml(span[1])))
        out.append(f"{field} = {{ column = {_toml(found[field])}, scale = [{_toml(low)}, {_toml(high)}] }}")
    if "learning_hours" in found:
        out.append(f"learning_hours = {_toml(found['learning_hours'])}")
    if "role" in found:
        out += ["", "[tiers]", c.text("import.suggest.tiers"),
                'core = "(?i)\\\\b(CEO|CFO|CIO|CTO|COO|president|director|VP|head)\\\\b|总经理|总裁|总监|董事"',
                'support = "(?i)\\\\b(admin|administrative|assistant|receptionist|clerk)\\\\b|行政|助理|前台|文员"']
    if "salary" in found:
        out += ["", "[incentives]", f"material = {{ column = {_toml(found['salary'])} }}"]
    mapped = set(found.values()) - ({found["manager_id"]} if "manager_id" in found and "manager" in found else set())
    mapped.discard(found.get("left"))
    unmapped = [str(col) for col in frame.columns if col not in mapped]
    if unmapped:
        out += ["", c.text("import.suggest.unmapped", columns=c.text("list.separator").join(unmapped))]
    return "\n".join(out) + "\n"
