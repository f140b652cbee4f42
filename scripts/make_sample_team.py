"""Writes examples/ecommerce-team/: the invented e-commerce team bundled with teamgraph.

The team is made up (fixed seed), but shaped so that every score has something to say:
- the core layer lacks one capability (nobody in it reaches the bar on "control");
- the customer-service lead (a key position) has no successor;
- a few people have never received a spiritual incentive (recognition, training, praise);
- a weekly sharing meeting runs all quarter, and three people never attend;
- one goal aligns with nothing (its chain never reaches a team goal);
- some listings and campaigns were built and kept up by one person only;
- operations: JD's inquiries more than double in the week of 2026-08-17 while its agents answer as
  many as ever (demand moved, the team did not), and Tmall's inquiries turn into fewer and fewer
  orders from August on while inquiries hold (the strategy needs a look). The Mid-Autumn holiday
  (2026-09-25 to 27) halves inquiries on every channel and must raise no alarm.

Run:  python scripts/make_sample_team.py
"""

from __future__ import annotations

import csv
import datetime as dt
import json
import random
from pathlib import Path

OUT = Path(__file__).resolve().parent.parent / "examples" / "ecommerce-team"
rng = random.Random(20260701)

# id, name, department, role, tier, manager
PEOPLE = [
    ("e01", "Lin Wei", "management", "general manager", "core", ""),
    ("e02", "Zhao Min", "operations", "operations director", "core", "e01"),
    ("e03", "Chen Yu", "marketing", "marketing director", "core", "e01"),
    ("e04", "Sun Li", "customer service", "customer service lead", "core", "e01"),
    ("e05", "Zhou Jie", "merchandising", "merchandising lead", "core", "e01"),
    ("e06", "Wu Fang", "analytics", "data analyst lead", "core", "e01"),
    ("s01", "Ma Hui", "finance", "finance officer", "support", "e01"),
    ("s02", "Guo Rui", "administration", "HR and admin", "support", "e01"),
    ("s03", "He Tao", "it", "IT and systems", "support", "e01"),
]
TEAMS = {
    "e02": ("operations", ["store operator", "store operator", "store operator", "listing editor",
                           "listing editor", "warehouse liaison", "promotion planner", "store operator"]),
    "e03": ("marketing", ["ads specialist", "ads specialist", "content writer", "content writer",
                          "designer", "designer", "social media", "livestream host", "SEO specialist"]),
    "e04": ("customer service", ["pre-sales agent"] * 5 + ["after-sales agent"] * 4 + ["quality checker"]),
    "e05": ("merchandising", ["buyer", "buyer", "product planner", "product planner", "pricing analyst",
                              "sourcing assistant", "sourcing assistant"]),
    "e06": ("analytics", ["data analyst", "data analyst", "report engineer"]),
}
GIVEN = ["An", "Bo", "Cai", "Dan", "Fei", "Gang", "Hong", "Jia", "Kai", "Lan", "Lei", "Mei", "Na",
         "Ning", "Ping", "Qiang", "Rong", "Shan", "Ting", "Wen", "Xia", "Yan", "Yi", "Yun", "Zhen",
         "Hao", "Jun", "Li", "Qing", "Xin", "Yue", "Zi", "Chun", "Dong", "Ying", "Hua", "Lu"]
FAMILY = ["Li", "Wang", "Zhang", "Liu", "Yang", "Huang", "Xu", "Gao", "Lin", "Luo", "Zheng", "Liang",
          "Xie", "Song", "Tang", "Han", "Feng", "Deng", "Cao", "Peng", "Zeng", "Xiao", "Tian", "Dong"]

# Sub-leads: the first member of operations and marketing leads a small squad.
SQUADS = {"e02": 3, "e03": 3}

people = [dict(zip(["id", "name", "department", "role", "tier", "manager_id"], p)) for p in PEOPLE]
members_of: dict[str, list[str]] = {}
counter = 10
for lead, (department, roles) in TEAMS.items():
    ids = []
    squad_lead = None
    for k, role in enumerate(roles):
        pid = f"m{counter:02d}"
        counter += 1
        manager = lead
        if lead in SQUADS:
            if k == 0:
                squad_lead = pid
                role = "senior " + role
            elif k <= SQUADS[lead]:
                manager = squad_lead
        name = f"{rng.choice(FAMILY)} {rng.choice(GIVEN)}"
        people.append(dict(id=pid, name=name, department=department, role=role, tier="execution",
                           manager_id=manager))
        ids.append(pid)
    members_of[lead] = ids

everyone = [p["id"] for p in people]
never_attend = {"m27", "m33", "m45"}
no_recognition = {"m18", "m24", "m33", "m38", "s03"}
career_plan_missing = {"m12", "m19", "m33", "m41", "m45", "s01"}

for p in people:
    core = p["tier"] == "core"
    p["assessment"] = rng.choice([2, 3, 3, 4, 4, 5]) if not core else rng.choice([4, 4, 5])
    p["potential"] = rng.choice([2, 3, 3, 4, 5])
    p["flight_risk"] = round(rng.uniform(0.05, 0.45), 2)
    p["has_career_plan"] = "no" if p["id"] in career_plan_missing else "yes"
    p["has_quantified_kpi"] = "no" if rng.random() < 0.15 else "yes"
    p["learning_hours"] = rng.choice([4, 8, 12, 16, 20, 24]) if p["id"] != "m41" else 0
    p["hired"] = f"20{rng.randint(17, 25)}-{rng.randint(1, 12):02d}-01"
people_by_id = {p["id"]: p for p in people}
people_by_id["e04"]["flight_risk"] = 0.6  # the lead with no successor is also the likeliest to leave
people_by_id["e01"]["assessment"] = 5

# Competencies on a 1-5 scale. The core capabilities: nobody in the core reaches 3.5 on "control".
LEAD = ["planning", "analysis", "execution", "control", "command", "practice", "theory"]
DIMS = ["professional_knowledge", "product_knowledge", "expression", "conduct"]
competencies = []
core_profile = {
    "e01": dict(planning=4.5, analysis=3.5, execution=4, control=3, command=5, practice=4, theory=4),
    "e02": dict(planning=3.5, analysis=3, execution=4.5, control=3.2, command=4, practice=4.5, theory=2.5),
    "e03": dict(planning=4, analysis=3.5, execution=3.5, control=2.5, command=3.5, practice=4, theory=4.5),
    "e04": dict(planning=3, analysis=2.5, execution=4, control=3.3, command=3.5, practice=4, theory=2),
    "e05": dict(planning=3.5, analysis=4, execution=3.5, control=2.8, command=3, practice=3.5, theory=3.5),
    "e06": dict(planning=3, analysis=5, execution=3, control=3, command=2.5, practice=3, theory=4),
}
for pid, profile in core_profile.items():
    for name, score in profile.items():
        competencies.append((pid, name, score))
# Squad leads and the named successors carry some leadership capability too.
for pid in ["m10", "m18", "m27", "m28", "m43"]:
    for name in LEAD:
        competencies.append((pid, name, rng.choice([2.5, 3, 3.5, 4])))
for p in people:
    for name in DIMS:
        score = rng.choice([3, 3.5, 4, 4, 4.5, 5])
        if (p["id"], name) in {("m21", "product_knowledge"), ("m36", "expression"), ("m41", "professional_knowledge"),
                               ("m41", "product_knowledge"), ("m46", "conduct")}:
            score = 1.5
        competencies.append((p["id"], name, score))

successors = [
    ("e01", "e02", "ready_1_2y"),
    ("e01", "e03", "ready_3y_plus"),
    ("e02", "m10", "ready_now"),
    ("e03", "m18", "ready_1_2y"),
    ("e05", "m28", "ready_now"),
    ("e06", "m43", "ready_3y_plus"),
    ("m10", "m11", "ready_1_2y"),
    # e04 (customer service lead, ten reports) has nobody.
]

# Sharing: everyone with their manager's team mates, a few cross-department ties.
sharing = set()
for lead, ids in members_of.items():
    group = [lead] + ids
    for i, a in enumerate(group):
        for b in group[i + 1:]:
            if rng.random() < 0.35 or b == lead and a != lead or a == lead:
                channel = rng.choice(["online", "online", "offline"])
                sharing.add((a, b, channel, rng.choice([1, 2, 3, 5])))
core_ids = [p["id"] for p in people if p["tier"] == "core"]
for i, a in enumerate(core_ids):
    for b in core_ids[i + 1:]:
        sharing.add((a, b, "offline", 2))
for a, b in [("m12", "m20"), ("m14", "m31"), ("m22", "m37"), ("m30", "m44"), ("s03", "m43"), ("s01", "e01"),
             ("s02", "e01"), ("s03", "e01")]:
    sharing.add((a, b, "online", 1))
sharing = sorted(sharing)

# Weekly sharing meetings, Monday mornings, 2026-07-06 .. 2026-09-28 (13 weeks); week 7 skipped.
meetings, attendance = [], []
start = dt.date(2026, 7, 6)
presenters = ["e02", "e03", "e05", "e06", "m10", "e03", "e02", "m18", "e05", "e03", "e02", "m28"]
week = 0
for k in range(13):
    if k == 6:
        continue
    date = start + dt.timedelta(weeks=k)
    mid = f"w{k + 1:02d}"
    meetings.append((mid, date.isoformat(), "offline" if k % 3 else "online", presenters[week % len(presenters)]))
    week += 1
    for pid in everyone:
        if pid in never_attend:
            continue
        if rng.random() < 0.8:
            attendance.append((mid, pid))

# Incentives over the quarter.
incentives = []
for p in people:
    pid = p["id"]
    base = {"core": 6000, "execution": 2500, "support": 2000}[p["tier"]]
    for month in (7, 8, 9):
        bonus = round(base * (0.5 + 0.25 * int(p["assessment"])) * rng.uniform(0.9, 1.1), -1)
        incentives.append((pid, "material", "bonus", bonus, f"2026-{month:02d}-25"))
    if p["department"] in {"operations", "marketing"} and p["tier"] == "execution":
        incentives.append((pid, "material", "commission", round(rng.uniform(300, 1500), -1), "2026-09-30"))
    if pid in no_recognition:
        continue
    for _ in range(rng.choice([1, 1, 2, 3])):
        kind = rng.choice(["recognition", "praise", "training", "honour"])
        incentives.append((pid, "spiritual", kind, "", f"2026-{rng.choice([7, 8, 9]):02d}-{rng.randint(1, 28):02d}"))

# Goals: one team goal, a goal per department, personal goals; g99 aligns with nothing.
goals = [("g00", "", "", "yes")]
dept_goal = {}
for n, lead in enumerate(["e02", "e03", "e04", "e05", "e06"], start=1):
    gid = f"g{n:02d}"
    dept_goal[lead] = gid
    goals.append((gid, lead, "g00", "yes"))
for lead, ids in members_of.items():
    for pid in ids:
        if rng.random() < 0.75:
            goals.append((f"g{pid}", pid, dept_goal[lead], "yes" if rng.random() < 0.8 else "no"))
goals.append(("g99", "m31", "", "no"))  # "learn livestreaming" — tied to no team goal

# Contributions: who built and maintains the store's listings, campaigns and accounts.
contributions = []
artifacts = [f"listing/{k:03d}" for k in range(1, 25)] + [f"campaign/{name}" for name in
             ["618", "double-11", "back-to-school", "spring"]] + ["account/ads", "account/shop", "account/crm"]
makers = {"listing": members_of["e02"][:5] + ["e02"], "campaign": members_of["e03"][:6] + ["e03"],
          "account": ["e06", "s03", "e02"]}
for k, artifact in enumerate(artifacts):
    kind = artifact.split("/")[0]
    creator = makers[kind][k % len(makers[kind])]
    day = dt.date(2025, 1, 6) + dt.timedelta(days=7 * k)
    contributions.append((creator, artifact, "create", day.isoformat(), ""))
    for j in range(rng.choice([0, 1, 2, 4])):
        who = creator if rng.random() < 0.6 else rng.choice(makers[kind])
        contributions.append((who, artifact, "modify", (day + dt.timedelta(days=30 * (j + 1))).isoformat(), ""))
contributions.append(("m11", "listing/025", "rename", "2026-03-02", "listing/001"))

# Operations: each day of the period, each channel's pre-sales duty (two or three agents of its
# rota) answers its inquiries. A random generator of its own, so the tables above stay as they were.
ops_rng = random.Random(20260818)
ROTAS = {"JD": ["m27", "m28", "m30", "m32", "m34"], "Tmall": ["m27", "m28", "m29", "m31", "m33", "m35"],
         "WeChat": ["m29", "m30", "m31", "m32", "m35"]}
DAILY = {"JD": 60, "Tmall": 120, "WeChat": 40}  # inquiries on a usual day
CONVERSION = {"JD": 0.15, "Tmall": 0.20, "WeChat": 0.25}
SURGE = (dt.date(2026, 8, 17), dt.date(2026, 8, 23))  # JD's demand more than doubles; replies do not follow
HOLIDAY = (dt.date(2026, 9, 25), dt.date(2026, 9, 27))  # Mid-Autumn: half the inquiries everywhere
operations = []
day = dt.date(2026, 7, 1)
while day <= dt.date(2026, 9, 30):
    weeks_in = (day - dt.date(2026, 7, 27)).days / 7  # Tmall's conversion slides from August on
    for channel in sorted(ROTAS):
        rota = ROTAS[channel]
        first = (day.toordinal() + len(channel)) % len(rota)
        duty = [rota[(first + k) % len(rota)] for k in range(2 if day.weekday() >= 5 else 3)]
        total = DAILY[channel] * ops_rng.uniform(0.9, 1.1)
        if HOLIDAY[0] <= day <= HOLIDAY[1]:
            total *= 0.5
        surge = channel == "JD" and SURGE[0] <= day <= SURGE[1]
        conversion = CONVERSION[channel]
        if channel == "Tmall" and weeks_in > 0:
            conversion = max(0.12, 0.20 - 0.012 * weeks_in)
        for pid in duty:
            usual = round(total / len(duty))
            replied = usual - ops_rng.choice([0, 0, 0, 0, 1])
            inquiries = round(usual * 2.3) if surge else usual  # the same agents answer as many as ever
            minutes = round(ops_rng.uniform(3, 8) * (3 if surge else 1), 1)
            orders = round(usual * conversion)
            revenue = round(orders * ops_rng.uniform(80, 160))
            operations.append((day.isoformat(), channel, pid, inquiries, replied, minutes, orders, revenue,
                               ops_rng.choice([0, 0, 0, 1]), ops_rng.choice([0] * 9 + [1])))
    day += dt.timedelta(days=1)


def write(name: str, header: list[str], rows) -> None:
    with open(OUT / name, "w", newline="", encoding="utf-8") as f:
        writer = csv.writer(f, lineterminator="\n")
        writer.writerow(header)
        writer.writerows(rows)


OUT.mkdir(parents=True, exist_ok=True)
people_cols = ["id", "name", "department", "role", "tier", "manager_id", "assessment", "potential",
               "flight_risk", "has_career_plan", "has_quantified_kpi", "learning_hours", "hired"]
write("people.csv", people_cols, ([p[c] for c in people_cols] for p in people))
write("competencies.csv", ["person_id", "competency", "score"], competencies)
write("successors.csv", ["incumbent_id", "successor_id", "readiness"], successors)
write("sharing.csv", ["person_a", "person_b", "channel", "per_week"], sharing)
write("meetings.csv", ["meeting_id", "date", "channel", "presenter_id"], meetings)
write("attendance.csv", ["meeting_id", "person_id"], attendance)
write("incentives.csv", ["person_id", "kind", "type", "amount", "date"], incentives)
write("goals.csv", ["goal_id", "owner_id", "parent_goal_id", "quantified"], goals)
write("contributions.csv", ["person_id", "artifact", "action", "date", "previous_artifact"], contributions)
write("operations.csv", ["date", "channel", "person_id", "inquiries", "replied", "first_reply_minutes", "orders",
                         "revenue", "refunds", "complaints"], operations)
team = {
    "name": "Harbor & Pine online store",
    "period": {"start": "2026-07-01", "end": "2026-09-30"},
    "scales": {"competencies.score": [1, 5], "people.assessment": [1, 5], "people.potential": [1, 5]},
    "configuration": {"budget": 1800000, "currency": "CNY",
                      "equipment": {"computer": 44, "network": 46, "desk": 45}},
}
(OUT / "team.json").write_text(json.dumps(team, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
print(f"wrote {len(people)} people to {OUT}")
