#!/bin/sh
# Never finishes by itself: starts a child that sleeps for ten minutes, writes the child's pid to $1 and waits
# for it. The test's timeout must kill both (the whole tree), not only this shell.
sleep 600 &
echo $! > "$1"
wait
