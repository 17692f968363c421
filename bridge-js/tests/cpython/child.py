"""Runs one file of CPython's `test` package inside our runtime (run.mjs
starts one runtime per file) and prints its result as one JSON line.

Like regrtest in its default mode: no optional resources (network, cpu,
largefile...: their tests are skipped), a fresh working directory, the
module's own `load_tests`. Unlike regrtest, it reports the id of every
failing test, so run.mjs can tell expected failures (expected-failures.txt)
from new ones.
"""
import importlib
import json
import os
import sys
import tempfile
import time
import traceback
import unittest

MARKER = "CPYTHON-TESTS-RESULT "


def base_id(test):
    # A failing subTest reports as its parent test.
    inner = getattr(test, "test_case", None)
    return (inner if inner is not None else test).id()


def run(name, verbose):
    from test import support

    support.use_resources = []  # like regrtest without -u
    support.verbose = verbose
    result = {"name": name, "status": "passed", "run": 0, "failed": [], "skipped": 0,
              "expected_failures": 0, "unexpected_successes": 0, "error": None}
    start = time.monotonic()
    with tempfile.TemporaryDirectory(prefix="cpython-tests-") as cwd:
        os.chdir(cwd)
        try:
            module = importlib.import_module(f"test.{name}")
            suite = unittest.defaultTestLoader.loadTestsFromModule(module)
        except unittest.SkipTest as e:
            result["status"] = "skipped"
            result["error"] = f"skipped: {e}"
            suite = None
        except BaseException:
            result["status"] = "failed"
            result["error"] = "import: " + traceback.format_exc(limit=-8)
            suite = None
        if suite is not None:
            runner = unittest.TextTestRunner(stream=sys.stdout, verbosity=2 if verbose else 0)
            outcome = runner.run(suite)
            result["run"] = outcome.testsRun
            result["failed"] = sorted({base_id(t) for t, _ in outcome.failures + outcome.errors})
            result["skipped"] = len(outcome.skipped)
            result["expected_failures"] = len(outcome.expectedFailures)
            result["unexpected_successes"] = len(outcome.unexpectedSuccesses)
            if outcome.failures or outcome.errors:
                result["status"] = "failed"
            elif outcome.testsRun == 0 or outcome.testsRun == len(outcome.skipped):
                result["status"] = "skipped"
                result["error"] = "every test skipped" if outcome.testsRun else "no tests"
        os.chdir("/")
    result["seconds"] = round(time.monotonic() - start, 2)
    sys.stdout.flush()
    print(MARKER + json.dumps(result), flush=True)
