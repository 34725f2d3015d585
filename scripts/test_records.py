"""The records cannot carry old figures: RELIABILITY.md shows only what one run recorded
(scripts/reliability.py on a scratch repository), and BENCHMARKS.md holds a figure only inside
the blocks scripts/bench.sh writes or under its dated History heading."""
import json
import os
import re
import subprocess
import sys
import tempfile
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import reliability  # noqa: E402


class Run(unittest.TestCase):
    def setUp(self):
        self.scratch = tempfile.TemporaryDirectory()
        self.root = self.scratch.name
        self.out = os.path.join(self.root, "RELIABILITY.md")
        self.git("init", "-q")
        self.git("config", "user.email", "t@example.invalid")
        self.git("config", "user.name", "t")
        self.put("src/lib.rs", "fn a() {}\n")
        self.put(".gitignore", "/target\n")
        self.git("add", "-A")
        self.git("commit", "-qm", "first")
        self.run_id = reliability.start(self.root, [])

    def tearDown(self):
        self.scratch.cleanup()

    def git(self, *args):
        subprocess.run(["git", "-C", self.root, *args], check=True, capture_output=True)

    def put(self, path, text):
        full = os.path.join(self.root, path)
        os.makedirs(os.path.dirname(full), exist_ok=True)
        with open(full, "w") as f:
            f.write(text)

    def record(self, name, **fields):
        self.put(f"target/reliability/{name}.json", json.dumps({"run": self.run_id, "ok": True, **fields}))

    def faults(self, cases, expected):
        self.record("faults", cases=cases, expected=expected, ok=all(c["ok"] for c in cases))

    def written(self):
        reliability.write(self.root, self.out, self.run_id)
        with open(self.out) as f:
            return f.read()

    def test_a_record_of_another_run_is_refused(self):
        self.put("target/reliability/secrets.json", json.dumps({"run": "earlier", "ok": True, "tokens": 9}))
        with self.assertRaisesRegex(reliability.Refused, "secrets.json belongs to run 'earlier'"):
            self.written()
        self.assertFalse(os.path.exists(self.out))

    def test_a_record_of_no_run_or_without_its_outcome_is_refused(self):
        self.put("target/reliability/secrets.json", json.dumps({"tokens": 9}))
        with self.assertRaises(reliability.Refused):
            self.written()
        self.put("target/reliability/secrets.json", json.dumps({"run": self.run_id, "tokens": 9}))
        with self.assertRaisesRegex(reliability.Refused, "whether it passed"):
            self.written()

    def test_starting_a_run_clears_the_records_of_the_last(self):
        self.record("secrets", tokens=9, places=1, urls=1, consoleMessages=0, leaks=0)
        self.run_id = reliability.start(self.root, [])
        self.assertNotIn("| 9 |", self.written())
        self.assertIn("Not recorded in this run: `e2e/secrets.test.mjs`", self.written())

    def test_another_run_id_is_refused(self):
        with self.assertRaisesRegex(reliability.Refused, "not the run in run.json"):
            reliability.write(self.root, self.out, "someone-else")
        with self.assertRaisesRegex(reliability.Refused, "no run"):
            reliability.write(self.root, self.out, None)

    def test_failed_cases_show_as_failed_and_missing_ones_as_missing(self):
        ok = {"name": "503 storm", "browser": "chromium", "ok": True, "state": "card", "fired": {"x": 1}}
        bad = {"name": "tokens of 1 s", "browser": "chromium", "ok": False, "state": "card", "error": "storm"}
        self.faults([ok, bad], [["503 storm", "chromium"], ["tokens of 1 s", "chromium"],
                                ["503 storm", "firefox"]])
        text = self.written()
        self.assertRegex(text, r"\| 503 storm \| chromium \| passed \|")
        self.assertRegex(text, r"\| tokens of 1 s \| chromium \| \*\*FAILED\*\* \| card \(storm\) \|")
        self.assertRegex(text, r"\| 503 storm \| firefox \| \*\*MISSING\*\* \|")

    def test_a_failed_suite_record_shows_as_failed(self):
        self.record("secrets", ok=False, tokens=9, places=1, urls=1, consoleMessages=0, leaks=2)
        self.assertIn("| 9 | 1 | 1 | 0 | 2 | **FAILED** |", self.written())

    def test_a_changed_tree_is_not_credited_to_its_commit(self):
        clean = reliability.code_id(self.root)
        self.assertNotIn("+changes", reliability.commit_label(self.root))
        self.put("src/lib.rs", "fn b() {}\n")
        self.assertNotEqual(reliability.code_id(self.root), clean)
        self.assertTrue(reliability.commit_label(self.root).endswith("+changes"))
        self.put("src/new.rs", "fn c() {}\n")  # a file git does not know yet counts too
        changed = reliability.code_id(self.root)
        self.put("src/new.rs", "fn d() {}\n")
        self.assertNotEqual(reliability.code_id(self.root), changed)

    def test_code_changed_during_the_run_is_refused(self):
        self.put("src/lib.rs", "fn b() {}\n")
        with self.assertRaisesRegex(reliability.Refused, "code changed during the run"):
            self.written()

    def test_fuzz_runs_show_their_outcome_and_only_passing_runs_at_this_code_are_kept(self):
        self.record("fuzz-vcard", target="vcard", inputs=2000, ok=False, failure="line too long")
        self.record("fuzz-context", target="context", inputs=2000)
        code = reliability.code_id(self.root)
        large = {"vcard": {"target": "vcard", "inputs": 10 ** 6, "ok": True, "code": code, "run": "big",
                           "date": "2026-12-01", "commit": "abc"},
                 "context": {"target": "context", "inputs": 10 ** 6, "ok": True, "code": "other-code",
                             "run": "old", "date": "2026-11-01", "commit": "def"}}
        with open(self.out, "w") as f:
            f.write(f"<!-- fuzz-runs: {json.dumps(large)} -->")
        text = self.written()
        self.assertIn("| vcard | 2,000 | **FAILED** (line too long) |", text)
        self.assertIn("| context | 2,000 | passed |", text)
        self.assertIn("| vcard | 1,000,000 | 2026-12-01 | abc | `big` |", text)
        self.assertNotIn("other-code", text.split("<!--")[0])
        self.assertNotIn("`old`", text)
        kept = json.loads(text.split("<!-- fuzz-runs: ")[1].split(" -->")[0])
        self.assertEqual(sorted(kept), ["context", "vcard"])
        self.assertEqual(kept["context"]["run"], self.run_id, "this run's passing target replaces other code's")
        self.assertEqual(kept["vcard"]["run"], "big", "a failed run is never kept")


# A measured figure: a number with a unit of time, size or ratio.
FIGURE = re.compile(r"\d[\d,.]*\s?(ms|KB|KiB|MB|B|×|%)(?![A-Za-z])")


def stray_figures(text):
    """Lines with a figure outside the generated blocks, before the History heading."""
    stray, generated = [], False
    for number, line in enumerate(text.split("\n"), 1):
        if line.startswith("## History"):
            break
        if line.startswith("<!-- bench:"):
            generated = True
        if not generated and FIGURE.search(line):
            stray.append(f"{number}: {line}")
        if line.startswith("<!-- /bench:"):
            generated = False
    return stray


class Benchmarks(unittest.TestCase):
    def test_current_figures_live_only_in_generated_blocks(self):
        with open(os.path.join(reliability.ROOT, "BENCHMARKS.md")) as f:
            self.assertEqual(stray_figures(f.read()), [])

    def test_the_check_finds_a_figure_in_prose(self):
        text = ("# B\n\nThe card paints in 385 ms.\n<!-- bench:x -->\n| 1 | 97,062 B |\n<!-- /bench:x -->\n"
                "## History\n\n118 KB then.\n")
        self.assertEqual(stray_figures(text), ["3: The card paints in 385 ms."])

    def test_every_generated_block_is_written_by_the_benchmark(self):
        with open(os.path.join(reliability.ROOT, "BENCHMARKS.md")) as f:
            blocks = set(re.findall(r"<!-- bench:([a-z-]+) -->", f.read()))
        with open(os.path.join(reliability.ROOT, "scripts", "bench.sh")) as f:
            written = set(re.findall(r"<!-- bench:([a-z-]+) -->", f.read()))
        self.assertEqual(blocks, written)


if __name__ == "__main__":
    unittest.main()
