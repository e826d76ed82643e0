#!/usr/bin/env python3
"""Reads criterion's estimates of `cargo bench --bench runtime` and prints, for each pair, the
median time of the derived code, of the hand-written code, and their ratio against its target."""
import json
import os
import sys

TARGETS = {
    "status": ("`status()` on a 30-variant enum, mixed stream of 1024 values", 1.02),
    "problem": ("4xx response with a dynamic `detail` (3 variants)", 0.80),
    "static": ("204, 304, 401, 308 with static headers (4 responses)", 1.00),
    "axum": ("axum: `Err(error)` through `oneshot` on a router", 1.02),
    "context": ("a 4xx through `ResponseContext`'s layer vs a hand-written middleware (2 requests)", 1.00),
}

def median_ns(root, group, name):
    path = os.path.join(root, group, name, "new", "estimates.json")
    with open(path) as f:
        return json.load(f)["median"]["point_estimate"]

def main():
    target_dir = os.environ.get("CARGO_TARGET_DIR", os.path.join(os.path.dirname(__file__), "..", "target"))
    root = os.path.join(target_dir, "criterion")
    print("| benchmark | derived (median) | hand-written (median) | ratio | target | met |")
    print("|---|---|---|---|---|---|")
    failed = False
    for group, (what, target) in TARGETS.items():
        try:
            derived = median_ns(root, group, "derived")
            hand = median_ns(root, group, "hand_written")
        except FileNotFoundError:
            print(f"| {what} | not run | | | {target:.2f} | |")
            continue
        ratio = derived / hand
        met = ratio <= target
        failed |= not met
        print(f"| {what} | {derived:.1f} ns | {hand:.1f} ns | {ratio:.3f} | ≤ {target:.2f} | {'yes' if met else 'no'} |")
    return 1 if failed else 0

if __name__ == "__main__":
    sys.exit(main())
