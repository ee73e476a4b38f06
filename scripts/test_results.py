#!/usr/bin/env python3
"""Counts what test.sh ran and says so in its last line, "N passed, N failed".

Usage: test_results.py TRX_DIR TAP_FILE DOTNET_EXIT NODE_EXIT

A test passes only when its result says Passed: failed, errored, timed-out, aborted, skipped and not-run tests all
count as failed, each named. A runner that exited with an error without any failing test (a crash, a build error, an
aborted test host) counts as one failure, and so does a run that left no results at all.
"""
import glob
import re
import sys
import xml.etree.ElementTree as ET

NS = "{http://microsoft.com/schemas/VisualStudio/TeamTest/2010}"


def dotnet(directory):
    """(passed, [names of what did not pass]) from the .trx files in directory."""
    files = glob.glob(f"{directory}/*.trx")
    if not files:
        return 0, ["dotnet test left no results (it did not run, or crashed before writing them)"]
    passed, failing = 0, []
    for path in files:
        root = ET.parse(path).getroot()
        counters = root.find(f"{NS}ResultSummary/{NS}Counters")
        results = root.findall(f"{NS}Results/{NS}UnitTestResult")
        passed += sum(1 for r in results if r.get("outcome") == "Passed")
        failing += [f"{r.get('testName')} ({r.get('outcome')})" for r in results if r.get("outcome") != "Passed"]
        total = int(counters.get("total", "0")) if counters is not None else len(results)
        if total > len(results):  # defined but never reported: aborted with its host
            failing += [f"{total - len(results)} test(s) of {path} with no result (aborted)"]
    return passed, failing


def node(path):
    """(passed, [names of what did not pass]) from node --test's TAP output."""
    try:
        text = open(path, encoding="utf-8", errors="replace").read()
    except FileNotFoundError:
        return 0, ["node --test left no output"]
    count = lambda name: int(m.group(1)) if (m := re.search(rf"^# {name} (\d+)$", text, re.M)) else 0
    failing = [f"S3 test server: {m.group(1)}" for m in re.finditer(r"^\s*not ok \d+ - (.*)$", text, re.M)]
    missing = count("fail") + count("cancelled") + count("skipped") + count("todo") - len(failing)
    if missing > 0:
        failing += [f"{missing} S3 test server test(s) failed, cancelled or skipped"]
    if "# pass" not in text:
        failing += ["node --test printed no summary"]
    return count("pass"), failing


def main():
    trx_dir, tap, dotnet_exit, node_exit = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
    passed_dotnet, failing_dotnet = dotnet(trx_dir)
    passed_node, failing_node = node(tap)
    if dotnet_exit != 0 and not failing_dotnet:
        failing_dotnet.append(f"dotnet test exited with code {dotnet_exit} with no failing test")
    if node_exit != 0 and not failing_node:
        failing_node.append(f"node --test exited with code {node_exit} with no failing test")
    failing = failing_dotnet + failing_node
    if failing:
        print("Not passed:")
        for name in failing:
            print(f"  {name}")
    print(f"{passed_dotnet + passed_node} passed, {len(failing)} failed")
    return 1 if failing else 0


if __name__ == "__main__":
    sys.exit(main())
