#!/bin/sh
# Writes 4 MB to stderr without reading stdin, then fails: the hook must neither block on a full pipe nor keep it all.
head -c 4000000 /dev/zero | tr '\0' 'x' >&2
exit 2
