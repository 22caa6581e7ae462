"""Prints the WTA benchmark table: each solver's objective, gap to the best known value and
time per instance, beside the reference figures (greedy, ILS, MILP of solve_reference.py).

usage: table.py INSTANCES_DIR REF_JSON SOLUTIONS_DIR SOLVER...
       table.py --andersen ANDERSEN_DIR SOLUTIONS_DIR
Objectives are re-evaluated here from the assignments (expected surviving value).
"""
import glob
import json
import math
import os
import sys


def objective(inst, assignment):
    surv = [1.0] * inst["targets"]
    for i, j in enumerate(assignment):
        if j >= 0:
            surv[j] *= 1.0 - inst["pk"][i][j]
    return sum(v * q for v, q in zip(inst["values"], surv))


def gap(obj, best):
    return 100.0 * (obj - best) / max(best, 1e-12)


def load(path):
    with open(path) as f:
        return json.load(f)


def generated(inst_dir, ref_path, sol_dir, solvers):
    ref = load(ref_path)["instances"]
    head = f"{'instance':16s} {'best':>11s}"
    for s in solvers:
        head += f" | {s + ' gap%':>12s} {'ms':>6s}"
    head += f" | {'ref greedy%':>11s} {'ref ILS5s%':>10s} {'ref MILP s':>10s}"
    print(head)
    worst = {s: 0.0 for s in solvers}
    slow = {s: 0.0 for s in solvers}
    for path in sorted(glob.glob(os.path.join(inst_dir, "*.json")),
                       key=lambda p: (os.path.getsize(p), p)):
        name = os.path.splitext(os.path.basename(path))[0]
        inst = load(path)
        r = ref[name]
        best = r["best_known"]
        row = f"{name:16s} {best:11.4f}"
        for s in solvers:
            sol = load(os.path.join(sol_dir, s, name + ".json"))
            g = gap(objective(inst, sol["assignment"]), best)
            worst[s] = max(worst[s], g)
            limit = 250 if inst["weapons"] >= 200 else 100
            slow[s] = max(slow[s], sol["time_ms"] / limit)
            opt = "*" if sol.get("lower_bound") is not None and \
                abs(sol["lower_bound"] - sol["objective"]) <= 1e-9 * max(1, sol["objective"]) else " "
            row += f" | {g:11.4f}{opt} {sol['time_ms']:6.1f}"
        m = r["milp_oa"]
        row += (f" | {gap(r['greedy']['obj'], best):11.4f} {gap(r['ils']['obj'], best):10.4f}"
                f" {m['time_s']:10.1f}")
        print(row)
    print("worst gap %: " + ", ".join(f"{s} {worst[s]:.4f}" for s in solvers)
          + "; largest time/limit: " + ", ".join(f"{s} {slow[s]:.2f}" for s in solvers)
          + "  (* = proven optimal)")


def andersen(dir_, sol_dir):
    pub = load(os.path.join(dir_, "published_andersen.json"))["instances"]
    print(f"{'instance':16s} {'published':>11s} {'objective':>11s} {'gap%':>8s} {'ms':>7s}")
    for path in sorted(glob.glob(os.path.join(dir_, "wta_*.json"))):
        name = os.path.splitext(os.path.basename(path))[0]
        inst = load(path)
        sol = load(os.path.join(sol_dir, name + ".json"))
        obj = objective(inst, sol["assignment"])
        best = pub[name]["best_ub"]
        print(f"{name:16s} {best:11.4f} {obj:11.4f} {gap(obj, best):8.4f} {sol['time_ms']:7.1f}")


if __name__ == "__main__":
    if sys.argv[1] == "--andersen":
        andersen(sys.argv[2], sys.argv[3])
    else:
        generated(sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4:])
