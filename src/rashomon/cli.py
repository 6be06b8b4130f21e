"""The command line: a thin shell that parses options, builds settings, calls the library and prints a summary.

Exit status: 0 done, 1 an unexpected failure (a bug: please report it with its traceback), 2 a problem with the
command or its inputs, explained on stderr. The library is imported only once the arguments are parsed, so
``--help`` and ``--version`` answer at once.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

from rashomon import __version__
from rashomon.errors import NothingReadError, RashomonError

if TYPE_CHECKING:
    from rashomon.analysis import Analysis
    from rashomon.pipeline import Progress
    from rashomon.render.selection import Selection

INPUT_FORMATS = (
    "Inputs: .txt (page text, debris and all), .html/.htm, .jsonl/.json/.ndjson records (id plus body, text or html; "
    "optional title, published, outlet, byline, url, language), .warc/.warc.gz web archives, RSS/Atom feeds "
    "(.rss, .atom, .xml), each optionally .gz; folders are read recursively (hidden files skipped). A page or "
    "text file's title, published, outlet, byline, url or language can be given in NAME.meta.json beside it."
)
EXIT_STATUS = "Exit status: 0 done; 2 a problem with the command or its inputs (explained on stderr); 1 a bug."


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
            from tqdm import tqdm  # noqa: PLC0415 (loaded after parsing)

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
    from rashomon.analysis import analyze  # noqa: PLC0415 (loaded after parsing)
    from rashomon.render.selection import Selection, parse_since  # noqa: PLC0415 (loaded after parsing)
    from rashomon.settings import load_settings  # noqa: PLC0415 (loaded after parsing)

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
    from rashomon.analysis import analyze, demo_inputs  # noqa: PLC0415 (loaded after parsing)
    from rashomon.settings import load_settings  # noqa: PLC0415 (loaded after parsing)

    analysis = analyze(
        demo_inputs(), out=args.out, db=args.out / "rashomon.duckdb", settings=load_settings(), progress=bars
    )
    bars.close()
    _summary(analysis, args.out, stream)
    print(f"Open {args.out.resolve() / 'report.html'} in a browser to read the demo dossier.", file=stream)
    return 0


def _schema_command(args: argparse.Namespace, bars: ProgressBars, stream: TextIO) -> int:
    from rashomon.dossier import schema_text, write_schema_files  # noqa: PLC0415 (loaded after parsing)

    if args.write is None:
        stream.write(schema_text())
        return 0
    for path in write_schema_files(args.write):
        print(f"wrote {path}", file=stream)
    return 0


def build_parser() -> argparse.ArgumentParser:
    # -q is accepted before or after the subcommand: the subcommands' copy leaves the value alone unless given.
    quiet = argparse.ArgumentParser(add_help=False)
    quiet.add_argument("-q", "--quiet", action="store_true", default=argparse.SUPPRESS, help="no progress bars")
    parser = argparse.ArgumentParser(
        prog="rashomon",
        description="Many outlets, one event: a cross-source dossier.",
        epilog=f"Example: rashomon analyze articles/ --out dossier/   {EXIT_STATUS}",
        parents=[quiet],
    )
    parser.set_defaults(quiet=False)
    parser.add_argument("--version", action="version", version=f"rashomon {__version__}")
    commands = parser.add_subparsers(dest="command", required=True)
    analyze_parser = commands.add_parser(
        "analyze",
        help="analyse files and folders into a dossier",
        description="Analyse files and folders into dossier.json, report.html and report.md, kept in a store "
        "that later runs extend (only new or changed articles are worked on again).",
        epilog=f"{INPUT_FORMATS} Examples: rashomon analyze corpus/ --out out/; rashomon analyze new/ --out out/ "
        f"--top 10 (the same store, extended; reports of the 10 largest stories). {EXIT_STATUS}",
        parents=[quiet],
    )
    analyze_parser.add_argument("inputs", nargs="+", type=Path, metavar="INPUT", help="files or folders (recursive)")
    analyze_parser.add_argument("--out", type=Path, required=True, help="folder for dossier.json and the reports")
    analyze_parser.add_argument("--db", type=Path, help="store file (default: OUT/rashomon.duckdb)")
    analyze_parser.add_argument(
        "--config", type=Path, help="TOML settings file (default: built-in settings; RASHOMON_* variables win)"
    )
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
    shown.add_argument("--top", type=int, metavar="N", help="the N stories with the most articles (default: all)")
    analyze_parser.set_defaults(handler=_analyze_command)
    demo_parser = commands.add_parser("demo", help="analyse the bundled demo corpus", parents=[quiet])
    demo_parser.add_argument(
        "--out", type=Path, default=Path("rashomon-demo"), help="output folder (default: rashomon-demo)"
    )
    demo_parser.set_defaults(handler=_demo_command)
    schema_parser = commands.add_parser("schema", help="print the JSON Schema of dossier.json", parents=[quiet])
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
    if bars.enabled and args.command in ("analyze", "demo"):
        # Loading the library and the language model takes seconds: say so at once.
        print(f"rashomon {__version__}: loading the language model ...", file=sys.stderr, flush=True)
    handler: Callable[[argparse.Namespace, ProgressBars, TextIO], int] = args.handler
    try:
        return handler(args, bars, out)
    except NothingReadError as error:
        bars.close()
        if not error.rejected:
            tried = ", ".join(str(p) for p in getattr(args, "inputs", ()))
            print(f"rashomon: no input files found in {tried}. {INPUT_FORMATS}", file=sys.stderr)
            return 2
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
