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
    """(passed, not passed, [what to name]) from node --test's TAP output: the counts are its summary's (leaf tests
    only); the names are of every failing test and suite, to look at."""
    try:
        text = open(path, encoding="utf-8", errors="replace").read()
    except FileNotFoundError:
        return 0, 1, ["node --test left no output"]
    if not re.search(r"^# pass \d+$", text, re.M):
        return 0, 1, ["node --test printed no summary"]
    count = lambda name: int(m.group(1)) if (m := re.search(rf"^# {name} (\d+)$", text, re.M)) else 0
    names = [f"S3 test server: {name}" for name in dict.fromkeys(m.group(1) for m in re.finditer(r"^\s*not ok \d+ - (.*?)(?: # .*)?$", text, re.M))]
    if count("skipped") + count("todo"):
        names.append(f"S3 test server: {count('skipped') + count('todo')} test(s) skipped or left to do")
    return count("pass"), count("fail") + count("cancelled") + count("skipped") + count("todo"), names


def main():
    trx_dir, tap, dotnet_exit, node_exit = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
    passed_dotnet, failing_dotnet = dotnet(trx_dir)
    passed_node, failed_node, named_node = node(tap)
    if dotnet_exit != 0 and not failing_dotnet:
        failing_dotnet.append(f"dotnet test exited with code {dotnet_exit} with no failing test")
    if node_exit != 0 and failed_node == 0:
        failed_node, named_node = 1, named_node + [f"node --test exited with code {node_exit} with no failing test"]
    failed = len(failing_dotnet) + failed_node
    if failed:
        print("Not passed:")
        for name in failing_dotnet + named_node:
            print(f"  {name}")
    print(f"{passed_dotnet + passed_node} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
