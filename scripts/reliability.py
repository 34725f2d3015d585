#!/usr/bin/env python3
"""Writes RELIABILITY.md from the counts the hardening tests recorded in target/reliability/.

Run by ./scripts/test.sh after every suite passed, and by ./scripts/fuzz.sh. Fuzz targets keep
their largest run: the test command runs 2,000 inputs per target, scripts/fuzz.sh a million, and
the million-input results are carried over (in a comment of RELIABILITY.md) until a larger or
newer large run replaces them.
"""
import datetime
import glob
import json
import os
import re
import subprocess

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DIR = os.path.join(ROOT, "target", "reliability")
OUT = os.path.join(ROOT, "RELIABILITY.md")


def load(name):
    path = os.path.join(DIR, f"{name}.json")
    if not os.path.exists(path):
        return None
    with open(path) as f:
        return json.load(f)


def git(*args):
    return subprocess.run(["git", "-C", ROOT, *args], capture_output=True, text=True).stdout.strip()


def code_id():
    """The committed code the fuzz targets test (sources, tests, lock file): a run counts for
    this code only while none of it has changed since."""
    return "-".join(git("rev-parse", f"HEAD:{path}")[:10] for path in CODE_PATHS)


CODE_PATHS = ["src", "tests", "portal/src", "portal/tests", "Cargo.lock"]


def fuzz_runs():
    """Each target's largest run made at the current code, with the commit it was made at.
    Runs carried over from other code are dropped, never shown as if they held now."""
    code, commit = code_id(), git("rev-parse", "--short", "HEAD") or "unknown"
    runs = {}
    if os.path.exists(OUT):
        match = re.search(r"<!-- fuzz-runs: (\{.*?\}) -->", open(OUT).read())
        if match:
            runs = {target: run for target, run in json.loads(match.group(1)).items()
                    if run.get("code") == code}
    for path in glob.glob(os.path.join(DIR, "fuzz-*.json")):
        with open(path) as f:
            run = json.load(f)
        run.update(date=datetime.date.fromtimestamp(os.path.getmtime(path)).isoformat(), commit=commit,
                   code=code)
        target = run["target"]
        kept = runs.get(target, {})
        # The largest run wins; the small run of the test command is kept beside it.
        if run["inputs"] >= kept.get("inputs", 0):
            runs[target] = {**run, "test_command_inputs": kept.get("test_command_inputs", run["inputs"])}
        else:
            runs[target] = {**kept, "test_command_inputs": run["inputs"], "test_command_date": run["date"]}
    return runs


def main():
    commit = git("rev-parse", "--short", "HEAD") or "unknown"
    lines = ["# Reliability", "",
             f"Written by the test run itself (`scripts/reliability.py`, called by `./scripts/test.sh` after "
             f"every suite passed) on {datetime.date.today()}, at commit {commit}. Each section names the test "
             "that produced its numbers; a test that fails stops the run before this file is written.", ""]

    contexts = load("contexts")
    lines += ["## Bad placement input", "",
              "`e2e/contexts.test.mjs`: malformed contexts sent by the simulator's parent page to the release build "
              "(placement options in every shape, bad `USER_ID`s, unknown placements, missing auth, malformed "
              "`window.name`), each pinned to its defined state.", ""]
    if contexts:
        lines += ["| Cases | Card | Clear error | Install page | \"Runs inside Bitrix24\" | Unexpected |",
                  "|---|---|---|---|---|---|",
                  f"| {contexts['cases']} | {contexts['cards']} | {contexts['errors']} | {contexts['install']} | "
                  f"{contexts['outside']} | {contexts['unexpected']} |", ""]

    text, photos = load("hostile-text"), load("hostile-photos")
    lines += ["## Hostile data", "",
              "`e2e/hostile.test.mjs`: payloads in every text field of one person each (and department names), "
              "unsafe photo URLs; each payload must reach the card exactly (name and position, as the simulator "
              "sent them), a sentinel global must stay unset, no unsafe image may load, every link must be "
              "encoder-built, every text with a direction control must sit in an isolating element, and the "
              "layout must not overflow. Also `tests/web.rs` (both browsers).", ""]
    if text and photos:
        lines += ["| Payloads | Text fields each | Cards opened | Scripts run | Failures | Photo URLs | Loaded (https) | Refused |",
                  "|---|---|---|---|---|---|---|---|",
                  f"| {text['payloads']} | {text['fieldsPerPerson']} | {text['cardsOpened']} | {text['scriptsRun']} | "
                  f"{text['failures']} | {photos['photos']} | {photos['loaded']} | {photos['refused']} |", ""]

    faults = load("faults")
    lines += ["## Faults", "",
              "`e2e/faults.test.mjs`: each fault in its own simulator, all at once on this two-core machine. Time "
              "runs from opening the portal page. The real library never calls back on a 5xx, a dropped "
              "connection or an unparsable answer. The bridge notices a finished 5xx request (and a batch's "
              "error answer) within about a second from Resource Timing; a dropped connection or an "
              "unparsable answer still costs its 20-second call timeout. A batch or a read refused with 401 "
              "after which the library keeps its token (a refresh the parent never answers, or a garbage or "
              "revoked token) is noticed 2 s later, and a refused token is replaced from the parent page "
              "once. Reads are retried with back-off; writes are never retried blindly. Each case proves "
              "its fault fired: the simulator counts the answers each fault changed (`/sim/api/log`), and "
              "the case fails unless that count is exactly what it expects; `refreshAuth` is what the "
              "portal page received from the frame.", ""]
    if faults:
        lines += ["| Fault | End state | Seconds | Bound | REST requests | Writes recorded | Faults fired | "
                  "refreshAuth |", "|---|---|---|---|---|---|---|---|"]
        for case in faults["cases"]:
            fired = ", ".join(f"{kind} ×{n}" for kind, n in sorted(case["fired"].items())) or "none"
            lines.append(f"| {case['name']} | {case['state']} | {case['seconds']} | {case['boundS']} | "
                         f"{case['requests']} | {case['writes']} | {fired} | {case['refreshes']} |")
        lines.append("")

    secrets = load("secrets")
    lines += ["## Secrets", "",
              "`e2e/secrets.test.mjs`: after a card, both lists, a search, a refreshed token, failing writes and a "
              "card error, every token seen (checked to be the ones in REST bodies) is searched for in every "
              "request URL, the frame's console, localStorage, sessionStorage, cookies, DOM, URL and "
              "`window.name`.", ""]
    if secrets:
        lines += ["| Tokens | Places searched | Request URLs | Console messages | Leaks |", "|---|---|---|---|---|",
                  f"| {secrets['tokens']} | {secrets['places']} | {secrets['urls']} | {secrets['consoleMessages']} | "
                  f"{secrets['leaks']} |", ""]

    runs = fuzz_runs()
    lines += ["## Fuzzing", "",
              "Property-based targets (proptest): `tests/fuzz.rs` and `portal/tests/fuzz.rs`. The test command "
              "runs each with 2,000 inputs; `./scripts/fuzz.sh` runs a million each in release mode. No panic, and "
              "the safety properties hold for every input (vCard lines ≤ 75 octets with one `END:VCARD`, `tel:` "
              "and `mailto:` links of safe characters only, images only https or the portal's own).", ""]
    if runs:
        lines += ["Only runs made at the current code are listed (a run records the commit it was made at "
                  "and a fingerprint of `src`, `tests`, `portal/src`, `portal/tests` and `Cargo.lock`); "
                  "`./scripts/fuzz.sh` makes the million-input rows again.", "",
                  "| Target | Largest run (inputs) | Date | Commit | Panics | Inputs in the test command |",
                  "|---|---|---|---|---|---|"]
        for target in sorted(runs):
            run = runs[target]
            lines.append(f"| {target} | {run['inputs']:,} | {run['date']} | {run['commit']} | {run['panics']} | "
                         f"{run.get('test_command_inputs', run['inputs']):,} |")
        lines.append("")

    lines += ["## Host hardening", "",
              "`portal/tests/host.rs` (native): POST and GET on handler paths, bodies over 64 KB refused with "
              "413, path traversal refused (encoded and plain), `frame-ancestors` from the configuration, the "
              "production Content-Security-Policy with the page's own inline loader hash, immutable caching of "
              "hashed assets only; security headers on every answer, errors included. `portal/tests/limits.rs` "
              "(real sockets): trickled headers cut off at the read timeout, a trickled body answered 408, a "
              "10 GB announced body refused with 413 at once, open connections bounded, and hyper's own "
              "400/414/431 answers stamped with the security headers. `e2e/smoke.test.mjs` runs the release build under that policy and fails on "
              "any violation.", "",
              f"<!-- fuzz-runs: {json.dumps(runs, sort_keys=True)} -->", ""]
    with open(OUT, "w") as f:
        f.write("\n".join(lines))
    print(f"RELIABILITY.md written ({len(lines)} lines)")


if __name__ == "__main__":
    main()
