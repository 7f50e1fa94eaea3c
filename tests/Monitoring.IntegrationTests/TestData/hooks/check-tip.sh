#!/bin/sh
# A hook script as an operator would write one: reads the tip's JSON on stdin, checks it, and says what it did.
# $1: the target it expects; $2: a file to write its environment into (the test checks nothing secret reached it).
# Exits 0 when the tip is a well-formed hook tip for that target, 3 (with the reason on stderr) otherwise.
env > "$2"
python3 -c '
import json, os, sys
tip = json.load(sys.stdin)
for key in ("id", "status", "automatic", "target", "action", "summary", "raisedAt", "details", "cause", "expectedEffect"):
    if key not in tip:
        sys.exit("missing key " + key)
if tip["id"] != os.environ.get("MONITORING_TIP_ID") or tip["action"].get("kind") != "hook":
    sys.exit("not the tip this hook was started for")
if tip["target"] != sys.argv[1]:
    print("  expected target %s, got %s  " % (sys.argv[1], tip["target"]), file=sys.stderr)
    print("second line", file=sys.stderr)
    sys.exit(3)
print("drained %s for tip %s" % (tip["target"], tip["id"]))
' "$1"
