#!/usr/bin/env python3
"""Structure rules of the workspace (docs/architecture.md, "Rules"), checked on the sources.

- no source file over 600 lines;
- no function over 120 lines;
- no module of a crate imports another that imports it back (no cycle among a crate's modules).

Prints every breach and exits 1 if there is any.
"""
import re
import sys
from pathlib import Path

MAX_FILE_LINES = 600
MAX_FN_LINES = 120
ROOT = Path(__file__).resolve().parent.parent

FN_START = re.compile(r"^\s*(pub(\([^)]*\))?\s+)?(const\s+)?(async\s+)?(unsafe\s+)?fn\s+(\w+)")
CRATE_PATH = re.compile(r"\bcrate::((?:\w+::)*\w+)")
SUPER_PATH = re.compile(r"\b((?:super::)+)((?:\w+::)*\w+)")
SELF_PATH = re.compile(r"\bself::((?:\w+::)*\w+)")
SUPER_GROUP = re.compile(r"\buse\s+super::\{([^;]*)\};", re.S)
USE_GROUP = re.compile(r"\buse\s+crate::\{([^;]*)\};", re.S)


def strip(text):
    """The text with comments, strings and char literals blanked (newlines kept)."""
    out, i, n = [], 0, len(text)
    while i < n:
        c = text[i]
        if text.startswith("//", i):
            j = text.find("\n", i)
            j = n if j < 0 else j
            out.append(" " * (j - i))
            i = j
        elif text.startswith("/*", i):
            j = text.find("*/", i + 2)
            j = n if j < 0 else j + 2
            out.append(re.sub(r"[^\n]", " ", text[i:j]))
            i = j
        elif c == '"' or text.startswith('r#"', i) or text.startswith('r"', i):
            if c == "r":
                hashes = 0
                k = i + 1
                while text[k] == "#":
                    hashes += 1
                    k += 1
                end = '"' + "#" * hashes
                j = text.find(end, k + 1)
                j = n if j < 0 else j + len(end)
            else:
                j = i + 1
                while j < n and text[j] != '"':
                    j += 2 if text[j] == "\\" else 1
                j += 1
            out.append(re.sub(r"[^\n]", " ", text[i:j]))
            i = j
        elif c == "'" and re.match(r"'(\\.|[^\\'])'", text[i:i + 4]) or text.startswith("'\\u{", i):
            j = text.find("'", i + 1 if text[i + 1] != "\\" else i + 2) + 1
            out.append(" " * (j - i))
            i = j
        else:
            out.append(c)
            i += 1
    return "".join(out)


def long_functions(path, code):
    lines = code.split("\n")
    for number, line in enumerate(lines):
        match = FN_START.match(line)
        if not match:
            continue
        depth, opened = 0, False
        for end in range(number, len(lines)):
            for ch in lines[end]:
                if ch == "{":
                    depth += 1
                    opened = True
                elif ch == "}":
                    depth -= 1
                elif ch == ";" and not opened and depth == 0:
                    break
            else:
                if opened and depth == 0:
                    length = end - number + 1
                    if length > MAX_FN_LINES:
                        yield f"{path}:{number + 1}: fn {match.group(6)} is {length} lines (at most {MAX_FN_LINES})"
                    break
                continue
            break


def module_files(src):
    """Module path (tuple) -> file, for a crate's src directory."""
    modules = {}
    for file in src.rglob("*.rs"):
        parts = list(file.relative_to(src).with_suffix("").parts)
        if parts[-1] in ("lib", "main", "mod"):
            parts = parts[:-1]
        modules[tuple(parts)] = file
    return modules


def imported_modules(code, modules, own, is_dir):
    """The modules of the crate that `own` refers to (by `crate::`, `super::` or `self::`)."""
    parent = list(own) if is_dir else list(own[:-1])
    paths = [m.group(1).split("::") for m in CRATE_PATH.finditer(code)]
    for m in SUPER_PATH.finditer(code):
        ups = m.group(1).count("super")
        base = parent[: len(parent) - (ups - 1)] if ups > 1 else parent
        paths.append(base + m.group(2).split("::"))
    for m in SELF_PATH.finditer(code):
        paths.append(list(own) + m.group(1).split("::"))
    for group in USE_GROUP.finditer(code):
        for item in re.split(r",(?![^{]*\})", group.group(1)):
            head = item.strip().split("::")[0].strip()
            if head:
                paths.append([head])
    for group in SUPER_GROUP.finditer(code):
        for item in re.split(r",(?![^{]*\})", group.group(1)):
            head = item.strip().split("::")[0].strip()
            if head:
                paths.append(parent + [head])
    found = set()
    for parts in paths:
        for k in range(len(parts), 0, -1):
            key = tuple(parts[:k])
            if key in modules:
                if key != own and own[: len(key)] != key:
                    found.add(key)
                break
    return found


def cycles(crate):
    src = crate / "src"
    modules = module_files(src)
    graph = {}
    for key, file in modules.items():
        is_dir = file.stem in ("lib", "main", "mod")
        graph[key] = imported_modules(strip(file.read_text()), modules, key, is_dir)
    # Tarjan's strongly connected components.
    index, low, stack, on, out = {}, {}, [], set(), []
    counter = [0]

    def visit(v):
        index[v] = low[v] = counter[0]
        counter[0] += 1
        stack.append(v)
        on.add(v)
        for w in sorted(graph[v]):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            component = []
            while True:
                w = stack.pop()
                on.discard(w)
                component.append(w)
                if w == v:
                    break
            if len(component) > 1:
                out.append(sorted(component))

    sys.setrecursionlimit(10000)
    for v in sorted(graph):
        if v not in index:
            visit(v)
    for component in out:
        names = ", ".join("::".join(c) or "lib" for c in component)
        yield f"{crate.relative_to(ROOT)}: modules import each other in a circle: {names}"


def main():
    problems = []
    crates = sorted(p for p in (ROOT / "crates").iterdir() if (p / "Cargo.toml").exists())
    for crate in crates:
        for file in sorted(crate.rglob("*.rs")):
            if "target" in file.parts:
                continue
            text = file.read_text()
            rel = file.relative_to(ROOT)
            count = text.count("\n")
            if count > MAX_FILE_LINES:
                problems.append(f"{rel}: {count} lines (at most {MAX_FILE_LINES})")
            problems.extend(long_functions(rel, strip(text)))
        if (crate / "src").exists():
            problems.extend(cycles(crate))
    for problem in problems:
        print(problem)
    if problems:
        print(f"{len(problems)} structure rule(s) broken", file=sys.stderr)
        return 1
    print("structure: files, functions and module imports within the rules")
    return 0


if __name__ == "__main__":
    sys.exit(main())
