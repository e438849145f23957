"""The command line: report files, formats, user errors as one line, exit status."""

from __future__ import annotations

import json
from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from newsprism.cli import cli

STORY = (
    "Ferry service resumes in Port Halden\n\n"
    "Ferries between Port Halden and the outer islands resumed on Friday after a three-day "
    "strike, the harbour authority said.\n\n"
    '"We expect delays until the weekend," said harbour master Ines Roko.\n'
)


@pytest.fixture
def story_dir(tmp_path: Path) -> Path:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "ferry.txt").write_text(STORY, encoding="utf-8")
    return folder


def run(*args: str) -> object:
    return CliRunner().invoke(cli, list(args))


def test_analyze_writes_json_report(story_dir: Path, tmp_path: Path):
    out = tmp_path / "out" / "report.json"
    result = CliRunner().invoke(cli, ["analyze", str(story_dir), "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert f"Report written to {out}" in result.output
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["schema"] == "newsprism.report/1"
    (article,) = data["articles"]
    assert article["id"] == "ferry"
    assert article["title"] == "Ferry service resumes in Port Halden"
    assert data["stories"][0]["article_ids"] == ["ferry"]


def test_analyze_markdown_and_stdout(story_dir: Path, tmp_path: Path):
    out = tmp_path / "report.md"
    result = CliRunner().invoke(cli, ["analyze", str(story_dir), "-o", str(out), "--quiet"])
    assert result.exit_code == 0, result.output
    assert out.read_text(encoding="utf-8").startswith("# newsprism report")
    result = CliRunner().invoke(cli, ["analyze", str(story_dir), "-o", "-"])
    assert result.exit_code == 0
    assert json.loads(result.stdout)["articles"][0]["id"] == "ferry"


def test_bad_inputs_reported_one_line_each_and_run_goes_on(story_dir: Path, tmp_path: Path):
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    binary = tmp_path / "blob.txt"
    binary.write_bytes(b"\x00\x01\x02\xff" * 100)
    missing = tmp_path / "nowhere.txt"
    result = CliRunner().invoke(
        cli, ["analyze", str(story_dir), str(empty), str(binary), str(missing)]
    )
    assert result.exit_code == 0, result.output
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    for path in (empty, binary, missing):
        assert sum(str(path) in line for line in lines) == 1, (path, lines)
    assert "Traceback" not in result.output + result.stderr


def test_nothing_readable_exits_non_zero(tmp_path: Path):
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    result = CliRunner().invoke(cli, ["analyze", str(empty)])
    assert result.exit_code == 1
    assert "no article could be read" in result.stderr
    assert "Traceback" not in result.stderr


def test_unknown_output_format_is_a_usage_error(story_dir: Path, tmp_path: Path):
    result = CliRunner().invoke(cli, ["analyze", str(story_dir), "-o", str(tmp_path / "r.pdf")])
    assert result.exit_code == 2
    assert "unknown report format" in result.stderr


def test_bad_published_date_is_a_usage_error(story_dir: Path):
    result = CliRunner().invoke(cli, ["analyze", str(story_dir), "--published", "last Tuesday"])
    assert result.exit_code == 2
    assert "ISO 8601" in result.stderr


def test_published_option_fills_missing_dates(story_dir: Path, tmp_path: Path):
    out = tmp_path / "r.json"
    args = ["analyze", str(story_dir), "-o", str(out), "--published", "2026-03-10"]
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == 0, result.output
    assert json.loads(out.read_text())["articles"][0]["published"].startswith("2026-03-10")


@pytest.mark.parametrize("command", [[], ["analyze"]])
def test_help_texts(command: list[str]):
    result = CliRunner().invoke(cli, [*command, "--help"])
    assert result.exit_code == 0
    assert "Usage:" in result.output
    assert len(result.output.splitlines()) > 5


def test_every_command_has_help_and_a_readme_mention():
    from newsprism.cli import cli as group

    readme = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")
    commands = list(group.commands.items())
    bench = group.commands["bench"]
    assert isinstance(bench, click.Group)
    commands += [(f"bench {name}", command) for name, command in bench.commands.items()]
    for name, command in commands:
        assert command.help, name
        assert len(command.help) > 20, name
        assert f"newsprism {name}" in readme, f"README does not mention 'newsprism {name}'"
