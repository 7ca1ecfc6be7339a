"""``mahdar report``: one self-contained right-to-left Arabic HTML page with charts and tables.

Charts are drawn with plotly; its JavaScript is inlined once, so the file opens offline.
"""
from __future__ import annotations

import html
from pathlib import Path

import duckdb


def _table(headers: list[str], rows: list[tuple]) -> str:
    head = "".join(f"<th>{html.escape(h)}</th>" for h in headers)
    body = "".join("<tr>" + "".join(f"<td>{html.escape('' if v is None else str(v))}</td>" for v in r) + "</tr>"
                   for r in rows)
    return f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


def _figures(con: duckdb.DuckDBPyConnection) -> list[tuple[str, object]]:
    import plotly.graph_objects as go

    layout = dict(font=dict(family="Noto Naskh Arabic, Amiri, Arial, sans-serif", size=14),
                  margin=dict(l=40, r=40, t=50, b=40), height=420, template="plotly_white")
    figs = []
    prog = con.execute("""
        SELECT commitment_number, meeting_date, avg(completion_pct) AS pct, any_value(commitment_title) AS title
        FROM v_commitment_progress
        WHERE commitment_number IS NOT NULL AND completion_pct IS NOT NULL AND meeting_date IS NOT NULL
        GROUP BY ALL ORDER BY commitment_number, meeting_date""").fetchall()
    fig = go.Figure(layout=layout)
    for num in sorted({r[0] for r in prog}):
        pts = [r for r in prog if r[0] == num]
        fig.add_trace(go.Scatter(x=[str(r[1]) for r in pts], y=[r[2] for r in pts], mode="lines+markers",
                                 name=f"الالتزام {num}", hovertext=[r[3] for r in pts]))
    fig.update_layout(title="تقدم إنجاز الالتزامات عبر الاجتماعات (%)", yaxis=dict(range=[0, 105]),
                      xaxis_title="تاريخ الاجتماع", yaxis_title="نسبة الإنجاز")
    figs.append(("progress", fig))

    att = con.execute("""
        SELECT coalesce(o.canonical_name, 'بدون جهة') AS org, count(DISTINCT a.person_id) AS people
        FROM v_attendance a LEFT JOIN organizations o USING (org_id)
        GROUP BY ALL ORDER BY people DESC, org LIMIT 15""").fetchall()
    short = [r[0] if len(r[0]) <= 48 else r[0][:46] + "…" for r in att]
    fig = go.Figure(go.Bar(x=[r[1] for r in att][::-1], y=short[::-1], orientation="h",
                           hovertext=[r[0] for r in att][::-1]), layout=layout)
    fig.update_layout(title="الحضور حسب الجهة (عدد الأشخاص)", height=max(420, 28 * len(att) + 120),
                      yaxis=dict(side="right"), xaxis=dict(autorange="reversed"),
                      margin=dict(l=40, r=330, t=50, b=40))
    figs.append(("attendance", fig))

    dec = con.execute("""
        SELECT coalesce(CAST(meeting_date AS VARCHAR), 'بدون تاريخ') AS day, count(*) AS n
        FROM v_decisions GROUP BY ALL ORDER BY day""").fetchall()
    fig = go.Figure(go.Bar(x=[r[0] for r in dec], y=[r[1] for r in dec]), layout=layout)
    fig.update_layout(title="عدد القرارات حسب الاجتماع", xaxis_title="تاريخ الاجتماع", xaxis_type="category")
    figs.append(("decisions", fig))
    return figs


def render_report(con: duckdb.DuckDBPyConnection) -> str:
    """The report page as one HTML string."""
    parts = []
    for i, (name, fig) in enumerate(_figures(con)):
        parts.append(f'<section class="chart" id="{name}">' +
                     fig.to_html(full_html=False, include_plotlyjs=(i == 0), config={"displaylogo": False}) +
                     "</section>")
    docs = con.execute("""SELECT stem, doc_type, meeting_date, pages,
                                 (SELECT count(*) FROM participants p WHERE p.doc_id = d.doc_id),
                                 (SELECT count(*) FROM decisions x WHERE x.doc_id = d.doc_id)
                          FROM documents d ORDER BY meeting_date NULLS LAST, stem""").fetchall()
    decisions = con.execute("""SELECT meeting_date, decision, document, page FROM v_decisions
                               ORDER BY meeting_date DESC NULLS LAST, document, idx LIMIT 40""").fetchall()
    return f"""<!DOCTYPE html>
<html lang="ar" dir="rtl">
<head>
<meta charset="utf-8">
<title>تقرير محضر: الحكومة المنفتحة بالمغرب</title>
<style>
body {{ font-family: "Noto Naskh Arabic", Amiri, Arial, sans-serif; margin: 2rem; color: #222; }}
h1, h2 {{ color: #17456b; }}
table {{ border-collapse: collapse; width: 100%; margin: 1rem 0 2rem; font-size: 0.95rem; }}
th, td {{ border: 1px solid #ccd; padding: 0.35rem 0.6rem; text-align: right; vertical-align: top; }}
th {{ background: #eef3f8; }}
.chart {{ margin: 1rem 0 2rem; }}
</style>
</head>
<body>
<h1>تقرير المستودع: محاضر وتقارير الحكومة المنفتحة</h1>
<p>{len(docs)} وثيقة في المستودع.</p>
{''.join(parts)}
<h2>الوثائق</h2>
{_table(["الوثيقة", "النوع", "تاريخ الاجتماع", "الصفحات", "المشاركون", "القرارات"], docs)}
<h2>آخر القرارات</h2>
{_table(["تاريخ الاجتماع", "القرار", "الوثيقة", "الصفحة"], decisions)}
</body>
</html>
"""


def write_report(con: duckdb.DuckDBPyConnection, out: Path) -> Path:
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(render_report(con), encoding="utf-8")
    return out
