#!/usr/bin/env python3
"""Parser throughput: our parser (release build of the module with a timing harness) against
tree-sitter-powershell (PyPI `tree-sitter` + `tree-sitter-powershell`), timing the parse alone and
the parse plus the release of its tree, the same work on both sides, on generated admin-style
scripts of 1 MB and 10 MB that both parsers accept without error, in the same run.
Prints MB/s for each, the ratio to tree-sitter, the 1 MB -> 10 MB time scaling, and whether both
inputs parsed cleanly on both sides (exit status 1 if not: the figures would not compare)."""
import ctypes, glob, importlib, os, subprocess, sys, time

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
OUT = os.path.join(ROOT, '.build', 'bench', 'parser')
RUNS = int(os.environ.get('BENCH_RUNS', '9'))


def ensure_tree_sitter():
    try:
        importlib.import_module('tree_sitter')
        importlib.import_module('tree_sitter_powershell')
    except ImportError:
        subprocess.run([sys.executable, '-m', 'pip', 'install', '--quiet', 'tree-sitter', 'tree-sitter-powershell'],
                       check=True)
    import tree_sitter, tree_sitter_powershell
    return tree_sitter.Parser(tree_sitter.Language(tree_sitter_powershell.language()))


def build_harness():
    exe = os.path.join(OUT, 'parser-bench')
    sources = sorted(glob.glob(os.path.join(ROOT, 'Sources/CmdletParser/*.swift')) +
                     glob.glob(os.path.join(ROOT, 'Sources/CmdletParser/*/*.swift')))
    subprocess.run(['swiftc', '-O', '-parse-as-library', '-module-name', 'CmdletParser', *sources,
                    os.path.join(ROOT, 'scripts/parser/bench_main.swift'), '-o', exe], check=True)
    return exe


def ours(exe, paths):
    out = subprocess.run([exe, '--runs', str(RUNS), *paths], check=True, capture_output=True, text=True).stdout
    result = {}
    for line in out.splitlines():
        path, size, secs, secs_release, errors = line.split()
        result[path] = (int(size), float(secs), float(secs_release), int(errors))
    return result


def tree_sitter_problems(parser, data):
    """ERROR and MISSING nodes in tree-sitter's tree of `data` (a clean parse has none)."""
    count, stack = 0, [parser.parse(data).root_node]
    while stack:
        node = stack.pop()
        if node.is_error or node.is_missing:
            count += 1
        elif node.has_error:
            stack.extend(node.children)
    return count


def tree_sitter_times(parser, paths):
    datas = [open(p, 'rb').read() for p in paths]
    parse = [float('inf')] * len(paths)
    with_release = [float('inf')] * len(paths)
    libc = ctypes.CDLL(None)
    trim = libc.malloc_trim if hasattr(libc, 'malloc_trim') else (lambda pad: 0)
    for _ in range(RUNS):  # alternate between the files, as the Swift harness does
        for i, data in enumerate(datas):
            # Timed apart, as on our side: the parse, then the release of its tree.
            start = time.perf_counter()
            tree = parser.parse(data)
            parsed = time.perf_counter()
            del tree
            end = time.perf_counter()
            parse[i] = min(parse[i], parsed - start)
            with_release[i] = min(with_release[i], end - start)
            trim(0)
    return {p: (len(d), a, b, tree_sitter_problems(parser, d)) for p, d, a, b in zip(paths, datas, parse, with_release)}


def main():
    os.makedirs(OUT, exist_ok=True)
    gen = os.path.join(ROOT, 'scripts/parser/gen_admin_script.py')
    paths = []
    for mb in (1, 10):
        path = os.path.join(OUT, f'admin-{mb}mb.ps1')
        subprocess.run([sys.executable, gen, str(mb * 1024 * 1024), path], check=True)
        paths.append(path)
    ts = ensure_tree_sitter()
    exe = build_harness()
    mine = ours(exe, paths)
    theirs = tree_sitter_times(ts, paths)
    mb = lambda n: n / (1024 * 1024)
    load = os.getloadavg()[0] if hasattr(os, 'getloadavg') else 0.0
    print(f'parser benchmark (best of {RUNS} runs; load average {load:.1f} on {os.cpu_count()} CPUs)')
    print(f'{"input":>8} {"CmdletParser":>18} {"tree-sitter-powershell":>26} {"ratio":>7}')
    rates = {}
    clean = True
    for label, column in (('parse', 1), ('parse + tree release', 2)):
        print(label + ':')
        for path in paths:
            size, secs = mine[path][0], mine[path][column]
            tsize, tsecs = theirs[path][0], theirs[path][column]
            r, t = mb(size) / secs, mb(tsize) / tsecs
            rates.setdefault(label, {})[path] = (secs, tsecs)
            print(f'{mb(size):6.1f}MB {r:9.1f} MB/s {secs:6.3f}s {t:12.1f} MB/s {tsecs:7.3f}s {r / t:6.1f}x')
    for path in paths:
        errors, terror = mine[path][3], theirs[path][3]
        clean = clean and errors == 0 and terror == 0
        print(f'{mb(mine[path][0]):6.1f}MB parse errors: CmdletParser {errors}, tree-sitter {terror} ERROR/MISSING nodes')
    for label, r in rates.items():
        (s1, t1), (s10, t10) = r[paths[0]], r[paths[1]]
        print(f'scaling 1MB -> 10MB ({label}): CmdletParser {s10 / s1:.1f}x time, tree-sitter {t10 / t1:.1f}x time')
    rows = os.environ.get('BENCH_ROWS')
    if rows and clean:
        (s1, t1), (s10, t10) = rates['parse + tree release'][paths[0]], rates['parse + tree release'][paths[1]]
        size = mb(mine[paths[1]][0])
        with open(rows, 'a') as f:
            f.write(f'parser\t{size:.0f} MB admin script, parse + tree release\t{size / s10:.1f} MB/s'
                    f'\ttree-sitter-powershell {size / t10:.1f} MB/s\t{t10 / s10:.2f}x\t>= 3x\n')
            f.write(f'parser\t10x the input (1 MB to 10 MB), time\t{s10 / s1:.1f}x\ttree-sitter {t10 / t1:.1f}x'
                    f'\t{s10 / s1:.1f}x\t<= 11x\n')
    print('both parsers accept both inputs without error' if clean else
          'NOT COMPARABLE: a parser reported errors on the input (change gen_admin_script.py)')
    if not clean:
        sys.exit(1)


if __name__ == '__main__':
    main()
