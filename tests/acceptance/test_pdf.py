"""PDF: `rapport --format pdf` and `checklista --format pdf` give a tagged PDF/UA-1 in Swedish, with a title, a
bookmark per goal and text that reads in order; the same data gives the same bytes; without the extra, a Swedish
message says how to install it.

Needs WeasyPrint and pypdf (the test extra), Pango and poppler-utils' pdftotext; `.ci/run` installs them. Without
them the tests are skipped, or with CI=true the run stops, saying what to install (tests/prerequisites.py).
"""

from __future__ import annotations

import http.server
import re
import shutil
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any, ClassVar

import pytest
from typer.testing import CliRunner

from conftest import ROOT
from valdsprogram.cli.app import app

GOALS = re.compile(r"^M[1-7] ")


@pytest.fixture
def repo_copy(repo_copy: Path) -> Path:
    """The shared copy, with the compilations and schemas."""
    for name in ("sammanstallning", "schema"):
        shutil.copytree(ROOT / name, repo_copy / name)
    return repo_copy


def _pdf(*args: str) -> Path:
    out = Path(f"{args[0]}.pdf")
    result = CliRunner().invoke(app, [*args, "--format", "pdf", "-o", str(out), "--skriv-over"])
    assert result.exit_code == 0, result.output
    return out


def _catalog(reader: Any) -> Any:
    """The document catalogue (pypdf types its entries loosely)."""
    return reader.root_object


def _outline(path: Path) -> list[tuple[int, str]]:
    import pypdf

    found: list[tuple[int, str]] = []

    def walk(items: Any, depth: int) -> None:
        for item in items:
            if isinstance(item, list):
                walk(item, depth + 1)
            else:
                found.append((depth, str(getattr(item, "title", ""))))

    walk(pypdf.PdfReader(path).outline, 0)
    return found


def _text(path: Path) -> str:
    text = subprocess.run(["pdftotext", "-enc", "UTF-8", str(path), "-"], capture_output=True, check=True).stdout
    return " ".join(text.decode("utf-8").split())


@pytest.mark.needs("pdf")
def test_the_report_pdf_is_tagged_swedish_titled_and_bookmarked_per_goal(repo_copy: Path) -> None:
    import pypdf

    path = _pdf("rapport", "--period", "2023-VB")
    reader = pypdf.PdfReader(path)
    root = _catalog(reader)
    assert root["/Lang"] == "sv-SE"
    assert "/StructTreeRoot" in root
    assert bool(root["/MarkInfo"]["/Marked"])
    assert reader.metadata is not None
    assert reader.metadata.title == "Uppföljning verksamhetsberättelse 2023: Programmet mot våld 2021–2025"
    goals = [title for _, title in _outline(path) if GOALS.match(title)]
    assert [g.split()[0] for g in goals] == [f"M{n}" for n in range(1, 8)]
    text = _text(path)
    # The goal overview and I korthet come first, then the contents; both list the goals too.
    order = ["Målen i korthet", "I korthet • Rapporterat", "Innehåll", "Socialnämndens sammanfattning Stadens arbete"]
    assert [text.index(heading) for heading in order] == sorted(text.index(heading) for heading in order)
    body = text[text.index("Socialnämndens sammanfattning Stadens arbete") :]
    places = [body.find(title) for title in goals]
    assert -1 not in places, "every goal's title is in the text, unbroken"
    assert places == sorted(places), "the goals come in order"
    first = " ".join(_page_text(path, 1).split())
    overview = first[first.index("Målen i korthet") :]
    assert all(re.search(rf"\bM{n} \w", overview) for n in range(1, 8)), "all seven goals are on page 1"


def _page_text(path: Path, page: int, *, layout: bool = False) -> str:
    args = ["pdftotext", "-enc", "UTF-8", "-f", str(page), "-l", str(page), *(["-layout"] if layout else [])]
    return subprocess.run([*args, str(path), "-"], capture_output=True, check=True).stdout.decode("utf-8")


@pytest.mark.needs("pdf")
def test_each_contents_entry_ends_on_its_page_number_and_points_to_its_heading(repo_copy: Path) -> None:
    """A long title (M7) wraps, and its last words, the leader and the page number share the last line: the number
    never stands alone on a line. Every goal's number is the page its heading is on."""
    path = _pdf("rapport", "--period", "2023-VB")
    page = next(n for n in range(1, 6) if "Innehåll\n" in _page_text(path, n, layout=True))
    text = _page_text(path, page, layout=True)
    contents = text[text.index("Innehåll\n") : text.index("\nSocialnämndens sammanfattning\n")].splitlines()[1:]
    entries: list[tuple[str, int]] = []
    pending = ""
    for line in contents:
        found = re.fullmatch(r"\s*(.*?)[ .]*\s(\d+)\s*", line)
        if found is None:
            pending += line.strip() + " "
            continue
        assert re.search(r"\w", found[1]), f"a page number alone on a line: {line!r}"
        entries.append((pending + found[1].strip(), int(found[2])))
        pending = ""
    assert not pending.strip()
    goals = [(title, page) for title, page in entries if GOALS.match(title)]
    assert [title.split()[0] for title, _ in goals] == [f"M{n}" for n in range(1, 8)]
    assert goals[6][0].endswith("på beprövad erfarenhet"), goals[6]
    for title, page in goals:
        assert title in " ".join(_page_text(path, page).split()), f"{title} is not on page {page}"


@pytest.mark.needs("pdf")
def test_the_running_header_names_the_goal_a_page_starts_in(repo_copy: Path) -> None:
    """A page that opens with an indicator of goal M1 is headed M1, even when M2 starts further down the page."""
    path = _pdf("rapport", "--period", "2023-VB")
    checked = []
    for page in range(2, int(re.findall(r"Sida \d+ av (\d+)", _page_text(path, 1))[0]) + 1):
        header, *body = [line.strip() for line in _page_text(path, page, layout=True).splitlines() if line.strip()]
        opening = re.match(r"I(\d)\.\d+ ", body[0])
        if opening:
            assert header.endswith(f" M{opening[1]}"), (page, header, body[0])
            checked.append(page)
    assert checked, "some page opens with an indicator"


@pytest.mark.needs("pdf")
def test_the_same_data_gives_the_same_pdf(repo_copy: Path) -> None:
    first = _pdf("rapport", "--period", "2024-T1").read_bytes()
    second = _pdf("rapport", "--period", "2024-T1").read_bytes()
    assert first == second


@pytest.mark.needs("pdf")
def test_the_checklist_pdf_is_tagged_and_bookmarked_per_goal(repo_copy: Path) -> None:
    import pypdf

    path = _pdf("checklista", "sdn-sodermalm", "--period", "2024-T1")
    root = _catalog(pypdf.PdfReader(path))
    assert root["/Lang"] == "sv-SE"
    assert "/StructTreeRoot" in root
    goals = [title for _, title in _outline(path) if GOALS.match(title)]
    assert [g.split()[0] for g in goals] == [f"M{n}" for n in range(1, 8)]
    assert "Checklista: Södermalms stadsdelsnämnd" in _text(path)


def test_without_the_extra_a_swedish_message_says_how_to_install_it(
    repo_copy: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, "weasyprint", None)  # import weasyprint now raises ImportError
    result = CliRunner().invoke(app, ["rapport", "--period", "2023-VB", "--format", "pdf", "-o", "r.pdf"])
    assert result.exit_code == 2
    assert "pip install 'valdsprogram[pdf]'" in result.output
    assert not (repo_copy / "r.pdf").exists()


@pytest.mark.needs("pdf")
def test_the_city_report_answers_from_page_1_and_stays_within_30_pages(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The benchmark's 1x city (44 bodies, five years): every goal and who has not reported on page 1, and the whole
    report, without the bodies' appendices, in at most 30 pages."""
    import importlib.util

    spec = importlib.util.spec_from_file_location("bench_generate_pdf", ROOT / "bench" / "generate.py")
    assert spec is not None
    assert spec.loader is not None
    generate = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = generate  # dataclasses look their module up while the class is created
    spec.loader.exec_module(generate)
    generate.generate(tmp_path, scale=1)
    monkeypatch.chdir(tmp_path)
    path = _pdf("rapport")
    pages = int(re.findall(r"Sida \d+ av (\d+)", _page_text(path, 1))[0])
    assert pages <= 30
    first = " ".join(_page_text(path, 1).split())
    overview = first[first.index("Målen i korthet") : first.index("I korthet •")]
    assert [int(n) for n in re.findall(r"\bM(\d) [A-ZÅÄÖ]", overview)] == list(range(1, 8))
    assert "Saknade rapporter:" in first
    assert "Sämre än samma period i fjol, över samma organ:" in first


class _Counting(http.server.BaseHTTPRequestHandler):
    """Counts every request; a PDF must make none."""

    hits: ClassVar[list[str]] = []

    def do_GET(self) -> None:
        self.hits.append(self.path)
        self.send_response(404)
        self.end_headers()

    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture
def server() -> Iterator[str]:
    """A local web server that counts requests: its address."""
    _Counting.hits.clear()
    httpd = http.server.HTTPServer(("127.0.0.1", 0), _Counting)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


_EXTERNAL = {
    "img": '<img src="{url}/bild.png" alt="">',
    "img file": '<img src="file:///etc/hostname" alt="">',
    "url() i style": "<style>body {{ background: url({url}/bakgrund.png) }}</style>",
    "url(file:///)": "<style>body {{ background: url(file:///etc/hostname) }}</style>",
    "@import": '<style>@import "{url}/stil.css";</style>',
    "link": '<link rel="stylesheet" href="{url}/stil.css">',
    "link attachment": '<link rel="attachment" href="file:///etc/hostname">',
    "object": '<object data="{url}/objekt.svg" type="image/svg+xml"></object>',
    "embed": '<embed src="{url}/objekt.svg" type="image/svg+xml">',
    "data: svg": '<img src="data:image/svg+xml,<svg xmlns=\'http://www.w3.org/2000/svg\'/>" alt="">',
    "style-attribut": '<p style="background: url({url}/p.png)">text</p>',
    "@font-face": "<style>@font-face {{ font-family: x; src: url({url}/t.woff) }} p {{ font-family: x }}</style>",
}


@pytest.mark.needs("pdf")
@pytest.mark.parametrize("reference", _EXTERNAL.values(), ids=_EXTERNAL.keys())
def test_a_template_that_fetches_anything_is_refused_and_nothing_is_fetched(
    repo_copy: Path, server: str, reference: str
) -> None:
    (repo_copy / "mallar").mkdir()
    page = f'<!doctype html><html lang="sv"><head><title>R</title></head><body><h1>R</h1>{reference}</body></html>\n'
    (repo_copy / "mallar" / "rapport.html.j2").write_text(page.format(url=server), encoding="utf-8")
    result = CliRunner().invoke(
        app, ["rapport", "--period", "2023-VB", "--format", "pdf", "-o", "r.pdf", "--mallar", "mallar"]
    )
    assert result.exit_code == 2, result.output
    assert "utanför dokumentet, och en PDF hämtar ingenting utifrån" in result.output
    assert "Traceback" not in result.output
    assert not (repo_copy / "r.pdf").exists()
    assert _Counting.hits == []


@pytest.mark.needs("pdf")
def test_a_checklist_template_that_fetches_is_refused(repo_copy: Path) -> None:
    (repo_copy / "mallar").mkdir()
    page = '<!doctype html><html lang="sv"><head><title>C</title></head><body><img src="file:///etc/hostname"></body></html>'
    (repo_copy / "mallar" / "checklista.html.j2").write_text(page, encoding="utf-8")
    result = CliRunner().invoke(
        app,
        ["checklista", "sdn-sodermalm", "--period", "2024-T1", "--format", "pdf", "-o", "c.pdf", "--mallar", "mallar"],
    )
    assert result.exit_code == 2, result.output
    assert "'file:///etc/hostname'" in result.output
    assert not (repo_copy / "c.pdf").exists()


@pytest.mark.needs("pdf")
def test_a_long_goal_analysis_is_cut_in_the_pdf_with_a_pointer_to_the_whole_text(repo_copy: Path) -> None:
    followup = repo_copy / "uppfoljning" / "2024-T1" / "sdn-sodermalm.yaml"
    text = followup.read_text(encoding="utf-8")
    analysis = "Överenskommelsen med Kriminalvården är nu på plats. " * 2_000  # 104 000 characters
    start = text.index('    analys: "Överenskommelsen')
    end = text.index("\n", start)
    followup.write_text(f'{text[:start]}    analys: "{analysis}"{text[end:]}', encoding="utf-8")
    pdf = _text(_pdf("rapport", "--period", "2024-T1"))
    assert "Texten är avkortad i PDF:en; den har 104 000 tecken." in pdf
    assert "Hela texten finns i rapporten i HTML (--format html) och i uppföljningsfilen." in pdf
