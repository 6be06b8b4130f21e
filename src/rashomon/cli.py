"""The command line: a thin shell that parses options, builds settings, calls the library and prints a summary.

Errors map to a message on stderr and exit status 2.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, TextIO

from tqdm import tqdm

from rashomon.analysis import Analysis, analyze, demo_inputs
from rashomon.dossier import schema_text, write_schema_files
from rashomon.errors import NothingReadError, RashomonError
from rashomon.pipeline import Progress
from rashomon.render import Selection
from rashomon.render.selection import parse_since
from rashomon.settings import load_settings


class ProgressBars:
    """Renders pipeline progress events as one bar per stage on a terminal; silent elsewhere."""

    def __init__(self, stream: TextIO, enabled: bool) -> None:
        self.stream = stream
        self.enabled = enabled
        self.bars: dict[str, Any] = {}

    def __call__(self, event: Progress) -> None:
        if not self.enabled:
            return
        bar = self.bars.get(event.stage)
        if bar is None:
            unit = {"read": "file", "compare": "story"}.get(event.stage, "article")
            bar = self.bars[event.stage] = tqdm(
                total=event.total, desc=event.stage, unit=unit, file=self.stream, leave=False
            )
        bar.update(event.done - bar.n)

    def close(self) -> None:
        for bar in self.bars.values():
            bar.close()


def _summary(analysis: Analysis, out: Path, stream: TextIO, selection: Selection | None = None) -> None:
    run = analysis.run
    dossier = analysis.dossier
    stored = analysis.stored
    print(
        f"Read {run.added} new, {run.updated} changed and {run.unchanged} unchanged article(s); "
        f"the store holds {stored['articles']}.",
        file=stream,
    )
    if run.rejected_now:
        print(f"Rejected {len(run.rejected_now)} input(s):", file=stream)
        for item in run.rejected_now[:20]:
            print(f"  {item.input}: {item.reason}", file=stream)
        if len(run.rejected_now) > 20:
            reasons = Counter(item.reason for item in run.rejected_now[20:])
            print(
                f"  ... and {len(run.rejected_now) - 20} more ({len(reasons)} distinct reasons; all are listed "
                "in dossier.json)",
                file=stream,
            )
    print(
        f"Found {stored['stories']} story(ies), {stored['multi']} reported by more than one article.",
        file=stream,
    )
    if selection is not None and not selection.keeps_everything:
        print(f"The reports show {len(dossier.stories)} of them (--story, --since, --outlet, --top).", file=stream)
    print(
        f"The reports hold {len(dossier.quotes)} quotes, {len(dossier.figures)} figures, "
        f"{len(dossier.entities)} entities.",
        file=stream,
    )
    print(f"Report: {out / 'report.html'}  (also {out / 'dossier.json'}, {out / 'report.md'})", file=stream)


def _analyze_command(args: argparse.Namespace, bars: ProgressBars, stream: TextIO) -> int:
    overrides: dict[str, Any] = {}
    if args.threshold is not None:
        overrides["stories"] = {"threshold": args.threshold}
    settings = load_settings(args.config, overrides)
    # Built before the run, so a bad flag stops the command before any work.
    selection = Selection(
        stories=tuple(args.stories or ()),
        since=parse_since(args.since) if args.since is not None else None,
        outlets=tuple(args.outlets or ()),
        top=args.top,
    )
    analysis = analyze(args.inputs, out=args.out, db=args.db, settings=settings, progress=bars, selection=selection)
    bars.close()
    _summary(analysis, args.out, stream, selection)
    return 0


def _demo_command(args: argparse.Namespace, bars: ProgressBars, stream: TextIO) -> int:
    analysis = analyze(
        demo_inputs(), out=args.out, db=args.out / "rashomon.duckdb", settings=load_settings(), progress=bars
    )
    bars.close()
    _summary(analysis, args.out, stream)
    print(f"Open {args.out.resolve() / 'report.html'} in a browser to read the demo dossier.", file=stream)
    return 0


def _schema_command(args: argparse.Namespace, bars: ProgressBars, stream: TextIO) -> int:
    if args.write is None:
        stream.write(schema_text())
        return 0
    for path in write_schema_files(args.write):
        print(f"wrote {path}", file=stream)
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="rashomon", description="Many outlets, one event: a cross-source dossier.")
    parser.add_argument("-q", "--quiet", action="store_true", help="no progress bars")
    commands = parser.add_subparsers(dest="command", required=True)
    analyze_parser = commands.add_parser("analyze", help="analyse files and folders into a dossier")
    analyze_parser.add_argument("inputs", nargs="+", type=Path, metavar="INPUT", help="files or folders (recursive)")
    analyze_parser.add_argument("--out", type=Path, required=True, help="folder for dossier.json and the reports")
    analyze_parser.add_argument("--db", type=Path, help="store file (default: OUT/rashomon.duckdb)")
    analyze_parser.add_argument("--config", type=Path, help="TOML settings file")
    analyze_parser.add_argument(
        "--threshold",
        type=float,
        help="story threshold: average probability that two groups of articles report one event (stories.threshold)",
    )
    shown = analyze_parser.add_argument_group("what the written files show (the store keeps everything)")
    shown.add_argument("--story", action="append", dest="stories", metavar="ID", help="this story (repeatable)")
    shown.add_argument("--since", metavar="DATE", help="stories dated (else last published) on or after DATE")
    shown.add_argument(
        "--outlet",
        action="append",
        dest="outlets",
        metavar="NAME",
        help="stories with an article from NAME (repeatable)",
    )
    shown.add_argument("--top", type=int, metavar="N", help="the N stories with the most articles")
    analyze_parser.set_defaults(handler=_analyze_command)
    demo_parser = commands.add_parser("demo", help="analyse the bundled demo corpus")
    demo_parser.add_argument("--out", type=Path, default=Path("rashomon-demo"), help="output folder")
    demo_parser.set_defaults(handler=_demo_command)
    schema_parser = commands.add_parser("schema", help="print the JSON Schema of dossier.json")
    schema_parser.add_argument(
        "--write",
        type=Path,
        metavar="REPO",
        nargs="?",
        const=Path(),
        help="write the schema file and docs/dossier.md under this repository root",
    )
    schema_parser.set_defaults(handler=_schema_command)
    return parser


def main(argv: Sequence[str] | None = None, stream: TextIO | None = None) -> int:
    out = stream or sys.stdout
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exit_:
        return int(exit_.code or 0)
    bars = ProgressBars(sys.stderr, enabled=not args.quiet and sys.stderr.isatty())
    handler: Callable[[argparse.Namespace, ProgressBars, TextIO], int] = args.handler
    try:
        return handler(args, bars, out)
    except NothingReadError as error:
        bars.close()
        print("rashomon: no input could be read as an article:", file=sys.stderr)
        for item in error.rejected:
            print(f"  {item.input}: {item.reason}", file=sys.stderr)
        return 2
    except (RashomonError, OSError, ValueError) as error:
        bars.close()
        print(f"rashomon: {error}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    raise SystemExit(main())
