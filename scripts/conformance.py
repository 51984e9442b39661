#!/usr/bin/env python3
"""Runs the golden console sessions (Tests/Conformance/sessions) against a built shell.

Each case folder holds steps 1.stdin, 2.stdin, ... run one after another as separate processes that
share one fresh SMBCONFIG_HOME; the merged stdout+stderr of each step must equal N.stdout byte for
byte, and its exit status must be N.exit where the session or Tests/ConformanceExitCodes/<case> records
one, otherwise any (the sessions are external data; our own recorded statuses are kept apart so a
refresh keeps them). Prints one line per failing case with a diff and
ends with "N passed, N failed"."""
import argparse
import concurrent.futures
import difflib
import os
import shutil
import subprocess
import sys
import tempfile


EXIT_CODES = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "Tests", "ConformanceExitCodes")


def steps_of(case_dir):
    steps = []
    for name in os.listdir(case_dir):
        if name.endswith(".stdin") and name.split(".")[0].isdigit():
            steps.append(int(name.split(".")[0]))
    return sorted(steps)


def read_lines(path):
    if not os.path.exists(path):
        return []
    with open(path, encoding="utf-8") as f:
        return [line.rstrip("\n") for line in f if line.strip()]


def run_case(binary, case_dir, timeout):
    tmp = tempfile.mkdtemp(prefix="smbconf-golden-")
    try:
        env = {
            "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
            "HOME": tmp,
            "COLUMNS": "120",
            "LANG": "C.UTF-8",
            "TERM": "dumb",
            "SMBCONFIG_HOME": os.path.join(tmp, "state"),
            "SMBCONFIG_DATAGRAM_ENDPOINT": "127.0.0.1:0",
        }
        for line in read_lines(os.path.join(case_dir, "case.env")):
            key, _, value = line.partition("=")
            env[key] = value
        for step in steps_of(case_dir):
            args = read_lines(os.path.join(case_dir, f"{step}.args"))
            with open(os.path.join(case_dir, f"{step}.stdin"), "rb") as stdin:
                try:
                    proc = subprocess.run([binary, "-NoLogo", "-NoProfile", *args], stdin=stdin,
                                          stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                                          env=env, cwd=tmp, timeout=timeout)
                except subprocess.TimeoutExpired:
                    return f"step {step}: timed out after {timeout}s"
            with open(os.path.join(case_dir, f"{step}.stdout"), "rb") as f:
                expected = f.read()
            if proc.stdout != expected:
                diff = difflib.unified_diff(
                    expected.decode("utf-8", "replace").splitlines(keepends=True),
                    proc.stdout.decode("utf-8", "replace").splitlines(keepends=True),
                    "expected", "actual")
                return f"step {step}: output differs\n" + "".join(
                    l if l.endswith("\n") else l + "\n" for l in diff)
            paths = [os.path.join(case_dir, f"{step}.exit"),
                     os.path.join(EXIT_CODES, os.path.basename(os.path.normpath(case_dir)), f"{step}.exit")]
            recorded = [p for p in paths if os.path.exists(p)]
            want = int(open(recorded[0]).read().strip()) if recorded else None
            if want is not None and proc.returncode != want:
                return f"step {step}: exit {proc.returncode}, expected {want}"
        return None
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--binary", required=True)
    parser.add_argument("--timeout", type=float, default=30)
    parser.add_argument("--filter", default="")
    parser.add_argument("sessions")
    args = parser.parse_args()
    args.binary = os.path.abspath(args.binary)
    cases = sorted(d for d in os.listdir(args.sessions)
                   if os.path.isdir(os.path.join(args.sessions, d)) and args.filter in d)
    with concurrent.futures.ThreadPoolExecutor(max_workers=4) as pool:
        results = list(pool.map(lambda c: run_case(args.binary, os.path.join(args.sessions, c),
                                                   args.timeout), cases))
    failed = 0
    for case, problem in zip(cases, results):
        if problem is None:
            print(f"PASS {case}")
        else:
            failed += 1
            print(f"FAIL {case}: {problem}")
    print(f"conformance: {len(cases) - failed} passed, {failed} failed")
    return 1 if failed or not cases else 0


if __name__ == "__main__":
    sys.exit(main())
