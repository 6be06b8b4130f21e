"""The command line: a thin shell that parses options, builds settings, calls the library and prints a summary.

Exit status: 0 done, 1 an unexpected failure (a bug: please report it with its traceback), 2 a problem with the
command or its inputs, explained on stderr. The library is imported only once the arguments are parsed, so
``--help`` and ``--version`` answer at once.
"""

from __future__ import annotations

import argparse
import os
import re
import select
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

from rashomon import __version__
from rashomon.errors import NothingReadError, RashomonError, UsageError

if TYPE_CHECKING:
    from rashomon.analysis import Analysis
    from rashomon.model import Rejected
    from rashomon.pipeline import Progress
    from rashomon.render.selection import Selection

# What --input-published takes: ISO 8601, so "03/04/2025" is refused, not read day first.
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}(?:[T ]|$)")

INPUT_FORMATS = (
    "Inputs: .txt (page text, debris and all), .html/.htm, .jsonl/.json/.ndjson records (id plus body, text or html; "
    "optional title, published, outlet, byline, url, language), .warc/.warc.gz web archives, RSS/Atom feeds "
    "(.rss, .atom, .xml), each optionally .gz; folders are read recursively (hidden files skipped). A page or "
    "text file's title, published, outlet, byline, url or language can be given in NAME.meta.json beside it."
)
EXIT_STATUS = "Exit status: 0 done; 2 a problem with the command or its inputs (explained on stderr); 1 a bug."


class ProgressBars:
    """Renders pipeline progress events: one bar per stage on a terminal; elsewhere (a log, a pipe) a plain line
    when a stage starts, at most one every ``every`` seconds while it runs, and one when it is done."""

    def __init__(self, stream: TextIO, enabled: bool, *, bars: bool | None = None, every: float = 10.0) -> None:
        self.stream = stream
        self.enabled = enabled
        self.as_bars = stream.isatty() if bars is None else bars
        self.every = every
        self.bars: dict[str, Any] = {}
        self.said: dict[str, float] = {}  # when each stage last had a plain line
        self.pending: dict[str, Progress] = {}  # each running stage's latest event, until its last line is out
        self.finished: set[str] = set()
        self.last: dict[str, Progress] = {}  # the event each stage's latest line showed

    def __call__(self, event: Progress) -> None:
        if not self.enabled:
            return
        if not self.as_bars:
            self._line(event)
            return
        bar = self.bars.get(event.stage)
        if bar is None:
            from tqdm import tqdm  # noqa: PLC0415 (loaded after parsing)

            bar = self.bars[event.stage] = tqdm(
                total=event.total, desc=event.stage, unit=_unit(event.stage)[0], file=self.stream, leave=False
            )
        bar.update(event.done - bar.n)
        if event.total is not None and event.done >= event.total:
            bar.refresh()  # a finished stage shows its whole count, though the last update came within a blink

    def _line(self, event: Progress) -> None:
        now = time.monotonic()
        for stage, pending in list(self.pending.items()):
            if stage != event.stage:  # a stage of unknown length ends when the next one starts
                self._say(pending, now, finished=True)
        if event.stage in self.finished:
            return
        last = self.said.get(event.stage)
        finished = event.total is not None and event.done >= event.total
        self.pending[event.stage] = event
        if last is None or finished or now - last >= self.every:
            self._say(event, now, finished=finished)

    def _say(self, event: Progress, now: float, *, finished: bool) -> None:
        if self.last.get(event.stage) != event:  # a stage's last line can be the one it already has
            of = f"/{event.total}" if event.total is not None else ""
            unit = _unit(event.stage)[0 if event.total is None and event.done == 1 else 1]
            print(f"rashomon: {event.stage} {event.done}{of} {unit}", file=self.stream, flush=True)
        self.last[event.stage] = event
        self.said[event.stage] = now
        if finished:
            self.finished.add(event.stage)
            del self.pending[event.stage]

    def close(self) -> None:
        for pending in list(self.pending.values()):
            self._say(pending, time.monotonic(), finished=True)
        for bar in self.bars.values():
            bar.close()
        self.bars.clear()


def _unit(stage: str) -> tuple[str, str]:
    """What a stage counts, singular and plural."""
    return {"read": ("input", "inputs"), "compare": ("story", "stories")}.get(stage, ("article", "articles"))


def _summary(
    analysis: Analysis,
    out: Path,
    stream: TextIO,
    selection: Selection | None = None,
    seconds: float | None = None,
) -> None:
    run = analysis.run
    dossier = analysis.dossier
    stored = analysis.stored
    print(
        f"Read {run.added} new, {run.updated} changed and {run.unchanged} unchanged article(s); "
        f"the store holds {stored['articles']}.",
        file=stream,
    )
    if run.rejected_now:
        _rejected(run.rejected_now, stream)
    print(
        f"Found {stored['stories']} story(ies), {stored['multi']} reported by more than one article.",
        file=stream,
    )
    if selection is not None and not selection.keeps_everything:
        print(f"The reports show {len(dossier.stories)} of them (--story, --since, --outlet, --top).", file=stream)
        if not dossier.stories and stored["stories"]:
            print(
                "rashomon: warning: no story meets the selection; a story must meet each of --story, --since, "
                "--outlet and --top given (story ids as dossier.json writes them: story:1a2b3c4d5e6f).",
                file=sys.stderr,
            )
    print(
        f"The reports hold {len(dossier.quotes)} quotes, {len(dossier.figures)} figures, "
        f"{len(dossier.entities)} entities.",
        file=stream,
    )
    stages = "; ".join(
        f"{stage.name} {stage.items_in} in, {stage.items_out} out, {stage.seconds:.1f} s" for stage in run.stages
    )
    print(f"Stages: {stages}.", file=stream)
    if seconds is not None:
        print(f"Done in {seconds:.1f} s.", file=stream)
    print(f"Report: {out / 'report.html'}  (also {out / 'dossier.json'}, {out / 'report.md'})", file=stream)


def _rejected(rejected: Sequence[Rejected], stream: TextIO) -> None:
    by_reason = _by_reason(rejected)
    print(f"Rejected {len(rejected)} input(s), for {len(by_reason)} reason(s):", file=stream)
    for line in _reason_lines(by_reason, "every input is listed in dossier.json"):
        print(line, file=stream)


def _by_reason(rejected: Sequence[Rejected]) -> dict[str, list[str]]:
    by_reason: dict[str, list[str]] = {}
    for item in rejected:
        by_reason.setdefault(item.reason, []).append(item.input)
    return by_reason


def _reason_lines(by_reason: dict[str, list[str]], rest: str, shown: int = 20) -> list[str]:
    """The rejected inputs grouped by reason, most frequent first: a reason shared by many is one line."""
    ranked = sorted(by_reason.items(), key=lambda pair: -len(pair[1]))  # stable: ties keep the order met
    lines = []
    for reason, inputs in ranked[:shown]:
        if len(inputs) == 1:
            lines.append(f"  {inputs[0]}: {reason}")
        else:
            more = f" and {len(inputs) - 3} more" if len(inputs) > 3 else ""
            lines.append(f"  {len(inputs)} inputs ({', '.join(inputs[:3])}{more}): {reason}")
    if len(ranked) > shown:
        lines.append(f"  ... and {len(ranked) - shown} more reason(s); {rest}.")
    return lines


def _analyze_command(args: argparse.Namespace, bars: ProgressBars, stream: TextIO) -> int:
    from rashomon.analysis import analyze  # noqa: PLC0415 (loaded after parsing)
    from rashomon.clean.pubdate import normalise_published  # noqa: PLC0415 (loaded after parsing)
    from rashomon.render.selection import Selection, parse_since, story_id  # noqa: PLC0415 (loaded after parsing)
    from rashomon.settings import load_settings  # noqa: PLC0415 (loaded after parsing)

    overrides: dict[str, Any] = {}
    if args.threshold is not None:
        overrides["stories"] = {"threshold": args.threshold}
    given = {"outlet": args.input_outlet, "published": args.input_published}
    if args.input_published is not None and (
        not _ISO_DATE.match(args.input_published) or normalise_published(args.input_published) is None
    ):
        raise UsageError(f"--input-published {args.input_published!r} is not a date (give one like 2025-05-14).")
    if any(value is not None for value in given.values()):
        overrides["ingest"] = {k: v for k, v in given.items() if v is not None}
    engine = {key: value for key, value in (("name", args.engine), ("address", args.address)) if value is not None}
    if engine:
        overrides["engine"] = engine
    settings = load_settings(args.config, overrides)
    if args.address is not None and settings.engine.name != "ray":
        raise UsageError("--address names a Ray cluster: give it with --engine ray.")
    # Built before the run, so a bad flag stops the command before any work.
    selection = Selection(
        stories=tuple(story_id(given) for given in args.stories or ()),
        since=parse_since(args.since) if args.since is not None else None,
        outlets=tuple(args.outlets or ()),
        top=args.top,
    )
    started = time.monotonic()
    analysis = analyze(args.inputs, out=args.out, db=args.db, settings=settings, progress=bars, selection=selection)
    bars.close()
    _summary(analysis, args.out, stream, selection, seconds=time.monotonic() - started)
    return 0


def _demo_command(args: argparse.Namespace, bars: ProgressBars, stream: TextIO) -> int:
    from rashomon.analysis import analyze, demo_inputs  # noqa: PLC0415 (loaded after parsing)
    from rashomon.settings import load_settings  # noqa: PLC0415 (loaded after parsing)

    started = time.monotonic()
    analysis = analyze(
        demo_inputs(), out=args.out, db=args.out / "rashomon.duckdb", settings=load_settings(), progress=bars
    )
    bars.close()
    _summary(analysis, args.out, stream, seconds=time.monotonic() - started)
    print(f"Open {args.out.resolve() / 'report.html'} in a browser to read the demo dossier,", file=stream)
    print(f"or browse its store: rashomon serve --db {args.out / 'rashomon.duckdb'}", file=stream)
    return 0


def _schema_command(args: argparse.Namespace, bars: ProgressBars, stream: TextIO) -> int:
    from rashomon.dossier import schema_text, write_schema_files  # noqa: PLC0415 (loaded after parsing)

    if args.write is None:
        stream.write(schema_text())
        return 0
    for path in write_schema_files(args.write):
        print(f"wrote {path}", file=stream)
    return 0


def _serve_command(args: argparse.Namespace, bars: ProgressBars, stream: TextIO) -> int:
    from rashomon.web import ServeSettings, serve  # noqa: PLC0415 (loaded after parsing)
    from rashomon.web.server import check  # noqa: PLC0415 (loaded after parsing)

    settings = ServeSettings(db=args.db, host=args.host, port=args.port, token=args.token, cache=args.cache)
    check(settings)
    if not settings.loopback:
        print(
            f"rashomon: warning: listening on {settings.host}, reachable from other machines; every request must "
            "carry the token (open the address once with ?token=..., or send 'Authorization: Bearer ...').",
            file=sys.stderr,
        )
    host = f"[{settings.host}]" if ":" in settings.host else settings.host
    print(f"Serving {settings.db} at http://{host}:{settings.port}/ (Ctrl+C stops).", file=stream, flush=True)
    serve(settings)
    return 0


def _add_serve(commands: Any, quiet: argparse.ArgumentParser) -> None:
    serve_parser = commands.add_parser(
        "serve",
        help="browse a store in a web browser (and an HTTP API)",
        description="Serve a store's stories, articles and entities as web pages and JSON (/api/..., described at "
        "/docs). Read-only; a run of `rashomon analyze` may go on writing the store: its stories appear when it ends.",
        epilog=f"Example: rashomon serve --db rashomon-demo/rashomon.duckdb   {EXIT_STATUS}",
        parents=[quiet],
    )
    serve_parser.add_argument(
        "--db", type=Path, default=Path("rashomon.duckdb"), help="the store (default: rashomon.duckdb)"
    )
    serve_parser.add_argument("--host", default="127.0.0.1", help="address to listen on (default: 127.0.0.1)")
    serve_parser.add_argument("--port", type=int, default=8000, help="port to listen on (default: 8000)")
    serve_parser.add_argument("--token", help="a secret every request must carry; required to listen beyond 127.0.0.1")
    serve_parser.add_argument(
        "--cache", type=Path, help="folder for the server's copy of the store and its search index"
    )
    serve_parser.set_defaults(handler=_serve_command)


def build_parser() -> argparse.ArgumentParser:
    # -q is accepted before or after the subcommand: the subcommands' copy leaves the value alone unless given. The
    # copies share one action, so no parser may set a default for it (argparse would set it on that shared action and
    # the subcommand would then undo a -q given before it); an absent -q is read as False.
    quiet = argparse.ArgumentParser(add_help=False)
    quiet.add_argument("-q", "--quiet", action="store_true", default=argparse.SUPPRESS, help="no progress on stderr")
    parser = argparse.ArgumentParser(
        prog="rashomon",
        description="Many outlets, one event: a cross-source dossier.",
        epilog=f"Example: rashomon analyze articles/ --out dossier/   {EXIT_STATUS}",
        parents=[quiet],
    )
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
    analyze_parser.add_argument(
        "--engine",
        choices=("local", "ray"),
        help="where reading, cleaning, parsing and extraction run: local (default: this machine's processes) or ray "
        "(Ray Data; pip install 'rashomon[ray]'); the same results either way (engine.name)",
    )
    analyze_parser.add_argument(
        "--address", metavar="ADDR", help="the Ray cluster for --engine ray (default: a Ray started here for the run)"
    )
    given = analyze_parser.add_argument_group("what the inputs do not say themselves (a record's or sidecar's wins)")
    given.add_argument(
        "--input-outlet", metavar="NAME", help="the outlet of every input that names none (a folder of text files)"
    )
    given.add_argument(
        "--input-published", metavar="DATE", help="the publication date of every input that gives none (ISO 8601)"
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
    _add_serve(commands, quiet)
    return parser


def main(argv: Sequence[str] | None = None, stream: TextIO | None = None) -> int:
    out = stream or sys.stdout
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exit_:
        return int(exit_.code or 0)
    bars = ProgressBars(sys.stderr, enabled=not getattr(args, "quiet", False))
    if bars.enabled and args.command in ("analyze", "demo"):
        # Loading the library and the language model takes seconds: say so at once.
        print(f"rashomon {__version__}: loading the language model ...", file=sys.stderr, flush=True)
    handler: Callable[[argparse.Namespace, ProgressBars, TextIO], int] = args.handler
    try:
        return handler(args, bars, out)
    except BrokenPipeError as error:
        if not _stdout_closed():
            bars.close()
            print(f"rashomon: {error}", file=sys.stderr)
            return 2
        # The reader of the output went away ("| head"): what it did not read is not an error.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
    except NothingReadError as error:
        bars.close()
        _nothing_read(getattr(args, "inputs", ()), error.rejected)
        return 2
    except (RashomonError, OSError, ValueError) as error:
        bars.close()
        print(f"rashomon: {error}", file=sys.stderr)
        return 2


def _stdout_closed() -> bool:
    """Whether the reader of stdout has gone (its pipe reports an error); where that cannot be asked, assumed."""
    try:
        poller = select.poll()
        poller.register(sys.stdout.fileno(), select.POLLOUT)
        return any(event & (select.POLLERR | select.POLLHUP) for _, event in poller.poll(0))
    except (AttributeError, OSError, ValueError):
        return True


def _nothing_read(inputs: Sequence[Path], rejected: Sequence[Rejected]) -> None:
    """Why a run read nothing: for each input given, what was found there and why it was not read."""
    tried = ", ".join(str(p) for p in inputs)
    if not rejected:
        print(f"rashomon: No input files were found in {tried}, so nothing was read. {INPUT_FORMATS}", file=sys.stderr)
        return
    print(f"rashomon: Nothing in {tried} could be read as an article:", file=sys.stderr)
    # Grouped by reason: a file of thousands of bad records is a few lines.
    for line in _reason_lines(_by_reason(rejected), "run again with fewer inputs to see them"):
        print(line, file=sys.stderr)
    for given in inputs:
        # A rejection names the file, a file in the folder, or a record of the file ("in.jsonl:3", "a.warc#2").
        within = (f"{given}/", f"{given} ", f"{given}:", f"{given}#")
        if not any(item.input == str(given) or item.input.startswith(within) for item in rejected):
            print(f"  {given}: No files of a type rashomon reads were found there.", file=sys.stderr)


if __name__ == "__main__":
    raise SystemExit(main())
