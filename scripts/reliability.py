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


CODE_PATHS = ["src", "tests", "crates", "portal/src", "portal/tests", "Cargo.lock"]


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
              "`e2e/faults.test.mjs`: each fault in its own simulator, five at a time on this two-core machine, in "
              "Chromium and in Firefox (one row per fault and browser). Time runs from opening the portal page. "
              "REST goes over `fetch`, so every status is seen at once: a 503 is retried after 1.5 s and "
              "2.25 s, a 429 after 10 s (reads and writes: the portal refused before running anything); a "
              "5xx error, a dropped connection or an unparsable answer after 1 s and 2 s, for reads only "
              "(3 attempts in all); an answer that never comes is aborted at the 20-second call timeout. A "
              "write whose outcome is unknown is never sent again by itself. A refused token is refreshed "
              "once through the parent page; a refresh the parent never answers is given up after 5 s. "
              "\"Past the waits\" is the time from the fault's first answer to the end state, less the "
              "waits the retry policy prescribes: measured, not asserted (the goal is at most 1 s; the "
              "state is polled every 100 ms, with five cases of a browser running at once on two cores; "
              "— where a case's end state is read after a scripted interaction). "
              "Each case proves its fault fired: the simulator counts the answers each fault changed "
              "(`/sim/api/log`), and the case fails unless that count is exactly what it expects; "
              "`refreshAuth` is what the "
              "portal page received from the frame.", ""]
    if faults:
        lines += ["| Fault | Browser | End state | Seconds | Bound | Past the waits | REST requests | "
                  "Writes recorded | Faults fired | refreshAuth |", "|---|---|---|---|---|---|---|---|---|---|"]
        for case in faults["cases"]:
            fired = ", ".join(f"{kind} ×{n}" for kind, n in sorted(case["fired"].items())) or "none"
            overrun = "—" if case.get("overrunS") is None else f"{case['overrunS']} s"
            lines.append(f"| {case['name']} | {case.get('browser', 'chromium')} | {case['state']} | "
                         f"{case['seconds']} | {case['boundS']} | {overrun} | {case['requests']} | "
                         f"{case['writes']} | {fired} | {case['refreshes']} |")
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
              "Property-based targets (proptest): `tests/fuzz/` and `portal/tests/fuzz.rs`. The test command "
              "runs each with 2,000 inputs; `./scripts/fuzz.sh` runs a million each in release mode. No panic, and "
              "the safety properties hold for every input (vCard lines ≤ 75 octets with one `END:VCARD`, `tel:` "
              "and `mailto:` links of safe characters only, images only https or the portal's own, REST form "
              "bodies that read back to exactly their parameters, interests and skills bounded, profile links "
              "only `http(s)`/`skype:` and safe in an attribute, meeting slots inside both working days).", ""]
    if runs:
        lines += ["Only runs made at the current code are listed (a run records the commit it was made at "
                  "and a fingerprint of `src`, `tests`, `crates`, `portal/src`, `portal/tests` and `Cargo.lock`); "
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
