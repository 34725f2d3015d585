#!/usr/bin/env python3
"""RELIABILITY.md from the records of one test run, and nothing else.

    reliability.py start [STAGE…]  begin a run: empty target/reliability/, write run.json with a
                                   new run id and the fingerprint of the code as it is on disk,
                                   print the id (export it as RELIABILITY_RUN for the suites)
    reliability.py                 write RELIABILITY.md from that run's records

Every record (`target/reliability/<name>.json`, written by the hardening suites and the fuzz
targets) carries the run it belongs to and whether it passed. A record of another run, or of no
run, is refused: the script stops without writing. A failed record or case is shown as failed; a
fault case the suite expected but did not record is shown as missing. The million-input runs of
`scripts/fuzz.sh` are carried in a comment of RELIABILITY.md and shown only while the code on
disk is exactly the code they ran on.
"""
import datetime
import glob
import json
import os
import re
import secrets
import shutil
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
CODE_PATHS = ["src", "tests", "crates", "portal/src", "portal/tests", "Cargo.lock"]


class Refused(Exception):
    """A record that does not belong to this run, or a run that cannot be trusted."""


def git(root, *args, env=None):
    done = subprocess.run(["git", "-C", root, *args], capture_output=True, text=True, env=env)
    return done.stdout.strip()


def code_id(root):
    """A fingerprint of the code on disk (tracked, changed and new files under CODE_PATHS, as git
    would store them), so a changed tree is never credited to the commit it started from."""
    paths = [p for p in CODE_PATHS if os.path.exists(os.path.join(root, p))]
    with tempfile.TemporaryDirectory() as scratch:
        env = {**os.environ, "GIT_INDEX_FILE": os.path.join(scratch, "index")}
        git(root, "add", "--all", "--", *paths, env=env)
        return git(root, "write-tree", env=env)[:12] or "unknown"


def commit_label(root):
    """The commit, with `+changes` when the code on disk differs from it."""
    commit = git(root, "rev-parse", "--short", "HEAD") or "unknown"
    changed = git(root, "status", "--porcelain", "--", *CODE_PATHS)
    return commit + ("+changes" if changed else "")


def start(root, stages):
    folder = os.path.join(root, "target", "reliability")
    shutil.rmtree(folder, ignore_errors=True)
    os.makedirs(folder)
    run = datetime.datetime.now(datetime.timezone.utc).strftime("%Y%m%dT%H%M%SZ-") + secrets.token_hex(4)
    with open(os.path.join(folder, "run.json"), "w") as f:
        json.dump({"run": run, "code": code_id(root), "commit": commit_label(root), "stages": stages,
                   "started": datetime.date.today().isoformat()}, f)
    return run


def load_run(root, run):
    """This run's records by name; refuses any other record and a run whose code changed."""
    folder = os.path.join(root, "target", "reliability")
    path = os.path.join(folder, "run.json")
    if not run or not os.path.exists(path):
        raise Refused("no run: start one with `reliability.py start` and export RELIABILITY_RUN")
    with open(path) as f:
        meta = json.load(f)
    if meta["run"] != run:
        raise Refused(f"RELIABILITY_RUN {run} is not the run in run.json ({meta['run']})")
    if code_id(root) != meta["code"]:
        raise Refused("the code changed during the run: its records describe other code")
    records = {}
    for path in sorted(glob.glob(os.path.join(folder, "*.json"))):
        name = os.path.basename(path)[:-5]
        if name == "run":
            continue
        with open(path) as f:
            record = json.load(f)
        if record.get("run") != run:
            raise Refused(f"{name}.json belongs to run {record.get('run')!r}, not to {run}")
        if not isinstance(record.get("ok"), bool):
            raise Refused(f"{name}.json does not say whether it passed")
        records[name] = record
    return meta, records


def outcome(ok):
    return "passed" if ok else "**FAILED**"


def fuzz_runs(out, code, meta, records):
    """This run's fuzz records by target, and the largest runs of scripts/fuzz.sh made at this
    same code (carried over in RELIABILITY.md), each with its own run, date and commit."""
    carried = {}
    if os.path.exists(out):
        with open(out) as f:
            match = re.search(r"<!-- fuzz-runs: (\{.*?\}) -->", f.read())
        if match:
            carried = {target: run for target, run in json.loads(match.group(1)).items()
                       if run.get("code") == code and run.get("ok")}
    now = {}
    for name, record in records.items():
        if name.startswith("fuzz-"):
            now[record["target"]] = {**record, "date": meta["started"], "commit": meta["commit"], "code": code}
    for target, run in now.items():
        if run["ok"] and run["inputs"] >= carried.get(target, {}).get("inputs", 0):
            carried[target] = run
    return now, carried


SECTIONS = {
    "contexts": "`e2e/contexts.test.mjs`",
    "hostile-text": "`e2e/hostile.test.mjs` (text)",
    "hostile-photos": "`e2e/hostile.test.mjs` (photos)",
    "faults": "`e2e/faults.test.mjs`",
    "secrets": "`e2e/secrets.test.mjs`",
}


def missing(name):
    return [f"Not recorded in this run: {SECTIONS[name]} did not run or stopped before recording.", ""]


def table(records, name, columns):
    """The record `name` as one table row under `columns` ((heading, key) pairs), with its
    outcome; or the note that this run recorded nothing for it."""
    record = records.get(name)
    if not record:
        return missing(name)
    head = [heading for heading, _ in columns] + ["Outcome"]
    cells = [str(record.get(key, "—")) for _, key in columns] + [outcome(record["ok"])]
    return ["| " + " | ".join(head) + " |", "|" + "---|" * len(head), "| " + " | ".join(cells) + " |", ""]


def write(root, out, run):
    meta, records = load_run(root, run)
    lines = ["# Reliability", "",
             f"Written by `scripts/reliability.py` from the records of one run (`{meta['run']}`, stages: "
             f"{', '.join(meta['stages']) or 'all'}) on {meta['started']}, at commit {meta['commit']}. Every "
             "record names its run and its outcome; records of other runs are refused, failed cases are shown "
             "as failed, and a suite that recorded nothing is named.", ""]

    lines += ["## Bad placement input", "",
              "`e2e/contexts.test.mjs`: malformed contexts sent by the simulator's parent page to the release build "
              "(placement options in every shape, bad `USER_ID`s, unknown placements, missing auth, malformed "
              "`window.name`), each pinned to its defined state.", ""]
    lines += table(records, "contexts", [("Cases", "cases"), ("Card", "cards"), ("Clear error", "errors"),
                                         ("Install page", "install"), ("\"Runs inside Bitrix24\"", "outside"),
                                         ("Unexpected", "unexpected")])

    lines += ["## Hostile data", "",
              "`e2e/hostile.test.mjs`: payloads in every text field of one person each (and department names), "
              "unsafe photo URLs; each payload must reach the card exactly as the simulator sent it (name, "
              "position, chips, notes, departments, manager, contacts), a sentinel global must stay unset, no "
              "unsafe image may load, every link must be encoder-built, every text with a direction control "
              "must sit in an isolating element, and the layout must not overflow. Also `tests/web/` (both "
              "browsers).", ""]
    lines += table(records, "hostile-text", [("Payloads", "payloads"), ("Text fields each", "fieldsPerPerson"),
                                             ("Cards opened", "cardsOpened"), ("Texts compared", "textsCompared"),
                                             ("Scripts run", "scriptsRun"), ("Failures", "failures")])
    lines += table(records, "hostile-photos", [("Photo URLs", "photos"), ("Loaded (https)", "loaded"),
                                               ("Refused", "refused"), ("Failures", "failures")])

    faults = records.get("faults")
    lines += ["## Faults", "",
              "`e2e/faults.test.mjs`: each fault in its own simulator, five at a time on this two-core machine, in "
              "Chromium and in Firefox (one row per fault and browser). Time runs from opening the portal page. "
              "REST goes over `fetch`, so every status is seen at once: a 503 is retried after 1.5 s and "
              "2.25 s, a 429 after 10 s (reads and writes: the portal refused before running anything); a "
              "5xx error, a dropped connection or an unparsable answer after 1 s and 2 s, for reads only "
              "(3 attempts in all); an answer that never comes is aborted at the 20-second call timeout. A "
              "write whose outcome is unknown is never sent again by itself. A refused token is refreshed "
              "once through the parent page; a refresh the parent never answers is given up after 5 s. Tokens "
              "are refreshed ahead of expiry at most once per 30 s at any lifetime (\"Closest\" is the shortest time "
              "between two refreshes made while nobody acted: asserted at least 30 s on the token-lifetime rows; on "
              "other rows the refreshes answer refused tokens), and a write is sent only with a token whose owner "
              "is confirmed. \"Past the waits\" is the time from the fault's "
              "first answer to the end state, less the waits the retry policy prescribes: measured, not "
              "asserted (— where a case's end state is read after a scripted interaction). Each case proves "
              "its fault fired: the simulator counts the answers each fault changed (`/sim/api/log`), and the "
              "case fails unless that count is exactly what it expects; `refreshAuth` is what the portal page "
              "received from the frame.", ""]
    if faults:
        lines += ["| Fault | Browser | Outcome | End state | Seconds | Bound | Past the waits | REST requests | "
                  "Writes recorded | Faults fired | refreshAuth | Closest |",
                  "|---|---|---|---|---|---|---|---|---|---|---|---|"]
        seen = set()
        for case in faults["cases"]:
            seen.add((case["name"], case.get("browser")))
            fired = ", ".join(f"{kind} ×{n}" for kind, n in sorted((case.get("fired") or {}).items())) or "none"
            overrun = "—" if case.get("overrunS") is None else f"{case['overrunS']} s"
            closest = "—" if case.get("closestAheadS") is None else f"{case['closestAheadS']} s"
            state = case.get("state", "—") + (f" ({case['error']})" if case.get("error") else "")
            lines.append(f"| {case['name']} | {case.get('browser', '—')} | {outcome(case['ok'])} | {state} | "
                         f"{case.get('seconds', '—')} | {case.get('boundS', '—')} | {overrun} | "
                         f"{case.get('requests', '—')} | {case.get('writes', '—')} | {fired} | "
                         f"{case.get('refreshes', '—')} | {closest} |")
        for name, browser in faults["expected"]:
            if (name, browser) not in seen:
                lines.append(f"| {name} | {browser} | **MISSING** | not recorded | | | | | | | | |")
        lines.append("")
    else:
        lines += missing("faults")

    lines += ["## Secrets", "",
              "`e2e/secrets.test.mjs`: after a card, both lists, a search, a refreshed token, failing writes and a "
              "card error, every token seen (checked to be the ones in REST bodies) is searched for in every "
              "request URL, the frame's console, localStorage, sessionStorage, cookies, DOM, URL and "
              "`window.name`.", ""]
    lines += table(records, "secrets", [("Tokens", "tokens"), ("Places searched", "places"), ("Request URLs", "urls"),
                                        ("Console messages", "consoleMessages"), ("Leaks", "leaks")])

    code = meta["code"]
    now, carried = fuzz_runs(out, code, meta, records)
    lines += ["## Fuzzing", "",
              "Property-based targets (proptest): `tests/fuzz/` and `portal/tests/fuzz.rs`. No panic, and the "
              "safety properties hold for every input (vCard lines ≤ 75 octets with one `END:VCARD`, `tel:` "
              "and `mailto:` links of safe characters only, images only https or the portal's own, REST form "
              "bodies that read back to exactly their parameters, interests and skills bounded, profile links "
              "only `http(s)`/`skype:` and safe in an attribute, meeting slots inside both working days). A "
              "target that fails records its failure before the test stops.", ""]
    if now:
        lines += ["This run:", "", "| Target | Inputs | Outcome |", "|---|---|---|"]
        for target in sorted(now):
            run_ = now[target]
            failure = f" ({run_['failure']})" if run_.get("failure") else ""
            lines.append(f"| {target} | {run_['inputs']:,} | {outcome(run_['ok'])}{failure} |")
        lines.append("")
    else:
        lines += ["No fuzz target ran in this run.", ""]
    large = {t: r for t, r in carried.items() if r.get("run") != meta["run"]}
    if large:
        lines += [f"Largest passing runs of `./scripts/fuzz.sh` made at exactly this code (fingerprint `{code}` of "
                  "`src`, `tests`, `crates`, `portal/src`, `portal/tests` and `Cargo.lock` on disk), each from its "
                  "own run:", "", "| Target | Inputs | Date | Commit | Run |", "|---|---|---|---|---|"]
        for target in sorted(large):
            r = large[target]
            lines.append(f"| {target} | {r['inputs']:,} | {r['date']} | {r['commit']} | `{r['run']}` |")
        lines.append("")

    lines += ["## Host hardening", "",
              "`portal/tests/host.rs` (native): POST and GET on handler paths, bodies over 64 KB refused with "
              "413, path traversal refused (encoded and plain), `frame-ancestors` from the configuration, the "
              "production Content-Security-Policy with the page's own inline loader hash, immutable caching of "
              "hashed assets only; security headers on every answer, errors included. `portal/tests/limits.rs` "
              "(real sockets): trickled headers cut off at the read timeout, a trickled body answered 408, a "
              "10 GB announced body refused with 413 at once, open connections bounded, and hyper's own "
              "400/414/431 answers stamped with the security headers. `e2e/smoke.test.mjs` runs the release build "
              "under that policy and fails on any violation.", "",
              f"<!-- fuzz-runs: {json.dumps(carried, sort_keys=True)} -->", ""]
    with open(out, "w") as f:
        f.write("\n".join(lines))
    return len(lines)


def main(argv):
    try:
        if argv[:1] == ["start"]:
            print(start(ROOT, argv[1:]))
            return 0
        count = write(ROOT, os.path.join(ROOT, "RELIABILITY.md"), os.environ.get("RELIABILITY_RUN"))
        print(f"RELIABILITY.md written ({count} lines)")
        return 0
    except Refused as refusal:
        print(f"reliability.py: refused: {refusal}", file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
