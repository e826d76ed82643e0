#!/usr/bin/env python3
"""The mutants of a crate at HEAD that no shard run reached, when the shards ran at different
commits (round-robin sharding numbers the mutants at the commit it runs on, so a shard run at
one commit and another shard run at a later one can miss or repeat a mutant).

    mutants/unreached.py CRATE HEAD_SHARDS [COMMIT:K/N ...] > names.txt

HEAD_SHARDS: the shards of N=4 run (or to be run) at HEAD, as `0,3`; `-` for none.
COMMIT:K/N: a shard run at an earlier commit. A mutant counts as reached there when the same
mutation of the same function in the same file was in that shard (its line may have moved).

Two mutants alike but for their line (the same operator twice in one function) are told apart
by their order in the file. That order can shift when the commits between added or removed a
twin, so a shard at a commit where a key had another number of mutants than at HEAD reaches
none of that key's. (A twin added and another removed between the commits leaves the number as
it was, and goes unnoticed.) `RENAMED=old.rs=new/mod.rs` in the environment maps a file moved
since.
The names printed go to `mutants/run.sh CRATE --names names.txt`.
"""

import os
from collections import Counter
import re
import subprocess
import sys
import tempfile


def listed(cwd, crate, shard=None):
    args = ["cargo", "mutants", "--list", "--package", crate]
    if shard:
        args += ["--shard", shard, "--sharding", "round-robin"]
    out = subprocess.run(args, cwd=cwd, check=True, capture_output=True, text=True).stdout
    return [line for line in out.splitlines() if line.strip()]


def key(name, renamed):
    name = re.sub(r"^([^:]+):\d+:\d+: ", r"\1: ", name)
    for old, new in renamed:
        if name.startswith(old + ":"):
            name = new + name[len(old) :]
    return name


def keys(names, renamed):
    """Each name's key, and its place among the names of the same key (in source order), so that
    two mutants alike but for their line stay two."""
    seen = Counter()
    out = []
    for name in names:
        k = key(name, renamed)
        seen[k] += 1
        out.append((k, seen[k]))
    return out


def main():
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    crate, head_shards, earlier = sys.argv[1], sys.argv[2], sys.argv[3:]
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    renamed = [
        tuple(pair.split("=", 1))
        for pair in os.environ.get("RENAMED", "").split(",")
        if "=" in pair
    ]
    at_head = [] if head_shards == "-" else [int(k) for k in head_shards.split(",")]
    reached = set()
    with tempfile.TemporaryDirectory() as scratch:
        for run in earlier:
            commit, shard = run.split(":")
            tree = os.path.join(scratch, commit + "-" + shard.replace("/", "-"))
            subprocess.run(["git", "worktree", "add", "-q", "--detach", tree, commit],
                           cwd=root, check=True)
            try:
                every = listed(tree, crate)
                in_shard = set(listed(tree, crate, shard))
                placed = keys(every, renamed)
                count = Counter(k for k, _ in placed)
                reached.update(
                    (k, place, count[k])
                    for name, (k, place) in zip(every, placed)
                    if name in in_shard
                )
            finally:
                subprocess.run(["git", "worktree", "remove", "--force", tree], cwd=root,
                               check=True)
    names = listed(root, crate)
    placed = keys(names, renamed)
    count = Counter(k for k, _ in placed)
    unreached = [
        name
        for i, (name, (k, place)) in enumerate(zip(names, placed))
        if i % 4 not in at_head and (k, place, count[k]) not in reached
    ]
    print(f"{crate}: {len(names)} mutants at HEAD, {len(unreached)} reached by no shard",
          file=sys.stderr)
    print("\n".join(unreached))


if __name__ == "__main__":
    main()
