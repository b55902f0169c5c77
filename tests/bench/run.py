#!/usr/bin/python3
# tests/bench/run.py BUILDDIR: Carnet's performance benchmark, one table
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Writes (or takes from its cache) notebooks of 1 000, 10 000 and 100 000
# entries with carnet-populate, and on each measures:
#   - process start to first painted frame of `carnet --notebook N` with
#     CARNET_QUIT_AFTER_FIRST_FRAME=1, against tests/bench/empty-window, the
#     programs run in turn (median of --runs, after one run of each to warm the
#     caches), and against `empty-window --chrome` (Carnet's header bar and
#     view switcher over empty pages) for information; and, at the largest
#     size, the instructions each executes to its first frame under valgrind's
#     callgrind (with a notebook without entries too): a count that other work
#     on the machine does not change;
#   - every SQL statement run while tests/bench/bench-window drives the real
#     window through each page, three searches, the editors and the trash
#     (CARNET_PROFILE_QUERIES): the slowest, and how many took over 4 ms;
#     and how long each search took from Enter to the frame that shows it;
#   - carnet_notebook_search(), a durable carnet_notebook_add() against a bare
#     sqlite3 insert with the same pragmas, and the next-reminder computation
#     (tests/bench/bench-core, median and maximum of --repeat);
#   - RssAnon of carnet with its window open, once it stops using CPU, against
#     the empty window;
# and, on the 10 000-entry notebook, the wake-ups of `carnet --background`
# over --idle-seconds (tests/bench/idle-wakeups.sh). Then it prints one
# Markdown table: metric, value per size, baseline, ratio, target, verdict.
#
# It runs inside build-aux/session.sh (it starts one itself when needed).
# Standard library only. No assert: the table is the result.

import argparse
import datetime
import os
import platform
import re
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
SOURCE_ROOT = os.path.dirname(os.path.dirname(HERE))
SESSION = os.path.join(SOURCE_ROOT, 'build-aux', 'session.sh')
SLOW_QUERY_US = 4000
# At most this long for bench-window's tour of one notebook.
UI_TOUR_SECONDS = 300
FTS5_INTERNAL = "'main'.'search_index_"
MIB = 1024


def log(message):
    print('bench: ' + message, file=sys.stderr, flush=True)


def parse_args():
    parser = argparse.ArgumentParser(description='Carnet performance benchmark')
    parser.add_argument('build', help='the build directory')
    parser.add_argument('--sizes', default='1000,10000,100000',
                        help='notebook sizes in entries, comma separated')
    parser.add_argument('--runs', type=int, default=5, help='start-up runs of each program')
    parser.add_argument('--repeat', type=int, default=30, help='repetitions of each core call')
    parser.add_argument('--idle-seconds', type=int, default=120,
                        help='idle window of carnet --background (0: skip)')
    parser.add_argument('--idle-size', type=int, default=10000,
                        help='the notebook size the idle and memory targets are read at')
    parser.add_argument('--cache', help='where the generated notebooks are kept '
                        '(default BUILDDIR/tests/bench/notebooks)')
    parser.add_argument('--output', help='also write the table (Markdown) to this file')
    parser.add_argument('--no-instructions', action='store_true',
                        help='do not count the instructions to the first frame (callgrind)')
    return parser.parse_args()


class Bench:
    def __init__(self, args):
        self.args = args
        self.build = os.path.abspath(args.build)
        self.sizes = [int(s) for s in args.sizes.split(',')]
        self.tmp = tempfile.mkdtemp(prefix='carnet-bench-')
        self.cache = os.path.abspath(args.cache or os.path.join(self.build, 'tests', 'bench', 'notebooks'))
        self.results = {size: {} for size in self.sizes}
        self.notes = []
        home = os.path.join(self.tmp, 'home')
        self.env = dict(os.environ)
        self.env.update({
            'XDG_DATA_HOME': os.path.join(home, 'data'),
            'XDG_CONFIG_HOME': os.path.join(home, 'config'),
            'XDG_CACHE_HOME': os.path.join(home, 'cache'),
            'GSETTINGS_BACKEND': 'memory',
            'GSETTINGS_SCHEMA_DIR': os.path.join(self.build, 'resources'),
            'TZ': os.environ.get('TZ', 'Europe/Paris'),
            'LANG': 'C.UTF-8',
            'LC_ALL': 'C.UTF-8',
            'LANGUAGE': '',
        })
        self.env.pop('CARNET_QUIT_AFTER_FIRST_FRAME', None)
        self.env.pop('CARNET_PROFILE_QUERIES', None)

    def program(self, *path):
        return os.path.join(self.build, *path)

    # Notebooks

    def notebook(self, size):
        """A copy of the generated notebook of @size in a folder of its own."""
        populate = self.program('tests', 'bench', 'carnet-populate')
        version = subprocess.run([populate, '--version'], capture_output=True, text=True,
                                 check=True).stdout.strip()
        # Dates are relative to the day they were written: a notebook is
        # cached for the day.
        key = 'v%s-%s-%d.carnet' % (version, datetime.date.today().isoformat(), size)
        cached = os.path.join(self.cache, key)
        if not os.path.exists(cached):
            os.makedirs(self.cache, exist_ok=True)
            for old in os.listdir(self.cache):
                if old.endswith(('-%d.carnet' % size, '-%d.carnet-wal' % size, '-%d.carnet-shm' % size)):
                    os.unlink(os.path.join(self.cache, old))
            log('writing a notebook of %d entries' % size)
            partial = cached + '.partial'
            for leftover in (partial, partial + '-wal', partial + '-shm'):
                if os.path.exists(leftover):
                    os.unlink(leftover)
            subprocess.run([populate, partial, '--entries', str(size)], env=self.env, check=True,
                           stdout=subprocess.DEVNULL)
            os.rename(partial, cached)
        folder = tempfile.mkdtemp(prefix='n%d-' % size, dir=self.tmp)
        os.chmod(folder, 0o700)
        copy = os.path.join(folder, 'notebook.carnet')
        shutil.copyfile(cached, copy)
        os.chmod(copy, 0o600)
        return copy

    # Start-up

    def timed_run(self, argv):
        env = dict(self.env, CARNET_QUIT_AFTER_FIRST_FRAME='1')
        start = time.perf_counter()
        done = subprocess.run(argv, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                              text=True, timeout=300)
        elapsed = time.perf_counter() - start
        if done.returncode != 0:
            raise RuntimeError('%s exited with %d: %s' % (argv[0], done.returncode, done.stderr.strip()))
        return elapsed * 1000

    def start_up(self, size, notebook):
        carnet = [self.program('src', 'app', 'carnet'), '--notebook', notebook]
        empty = [self.program('tests', 'bench', 'empty-window')]
        chrome = empty + ['--chrome']
        # One run of each to warm the page cache (and make the day's backup).
        self.timed_run(empty)
        self.timed_run(chrome)
        self.timed_run(carnet)
        empties, chromes, carnets = [], [], []
        for _ in range(self.args.runs):
            empties.append(self.timed_run(empty))
            chromes.append(self.timed_run(chrome))
            carnets.append(self.timed_run(carnet))
        r = self.results[size]
        r['start'] = statistics.median(carnets)
        r['start-empty'] = statistics.median(empties)
        r['start-chrome'] = statistics.median(chromes)
        log('%d: start %.0f ms, empty window %.0f ms, chrome %.0f ms'
            % (size, r['start'], r['start-empty'], r['start-chrome']))

    def instructions(self, argv):
        """Instructions @argv executes up to its first frame, under callgrind."""
        out = os.path.join(self.tmp, 'callgrind.out')
        env = dict(self.env, CARNET_QUIT_AFTER_FIRST_FRAME='1')
        done = subprocess.run(['valgrind', '--tool=callgrind', '--callgrind-out-file=' + out] + argv,
                              env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
                              timeout=600)
        if done.returncode != 0:
            raise RuntimeError('%s under callgrind exited with %d' % (argv[0], done.returncode))
        with open(out) as f:
            for line in f:
                if line.startswith('totals:'):
                    return int(line.split()[1])
        raise RuntimeError('no totals in the callgrind output of %s' % argv[0])

    def start_instructions(self, size, notebook):
        if self.args.no_instructions or size != self.sizes[-1] or shutil.which('valgrind') is None:
            return
        carnet = self.program('src', 'app', 'carnet')
        empty_notebook = os.path.join(tempfile.mkdtemp(prefix='n0-', dir=self.tmp), 'notebook.carnet')
        # Made, with its day's backup, before it is counted.
        self.timed_run([carnet, '--notebook', empty_notebook])
        r = self.results[size]
        r['instructions'] = self.instructions([carnet, '--notebook', notebook])
        r['instructions-empty'] = self.instructions([self.program('tests', 'bench', 'empty-window')])
        r['instructions-no-entries'] = self.instructions([carnet, '--notebook', empty_notebook])
        r['instructions-chrome'] = self.instructions([self.program('tests', 'bench', 'empty-window'),
                                                      '--chrome'])
        log('%d: %.0f M instructions to the first frame, empty window %.0f M, no entries %.0f M, '
            'chrome %.0f M' % (size, r['instructions'] / 1e6, r['instructions-empty'] / 1e6,
                               r['instructions-no-entries'] / 1e6, r['instructions-chrome'] / 1e6))

    # Memory

    @staticmethod
    def cpu_ticks(pid):
        with open('/proc/%d/stat' % pid) as f:
            fields = f.read().rsplit(')', 1)[1].split()
        return int(fields[11]) + int(fields[12])

    @staticmethod
    def rss_anon_kib(pid):
        with open('/proc/%d/status' % pid) as f:
            for line in f:
                if line.startswith('RssAnon:'):
                    return int(line.split()[1])
        raise RuntimeError('no RssAnon for %d' % pid)

    def settled_rss(self, argv):
        """RssAnon once the program has used no CPU for a second."""
        process = subprocess.Popen(argv, env=self.env, stdout=subprocess.DEVNULL,
                                   stderr=subprocess.DEVNULL)
        try:
            time.sleep(1)
            last, quiet_since, deadline = -1, time.monotonic(), time.monotonic() + 120
            while time.monotonic() < deadline:
                if process.poll() is not None:
                    raise RuntimeError('%s exited with %d' % (argv[0], process.returncode))
                ticks = self.cpu_ticks(process.pid)
                if ticks != last:
                    last, quiet_since = ticks, time.monotonic()
                elif time.monotonic() - quiet_since >= 1:
                    break
                time.sleep(0.2)
            return self.rss_anon_kib(process.pid)
        finally:
            process.send_signal(signal.SIGTERM)
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()

    def memory(self, size, notebook):
        r = self.results[size]
        r['rss'] = self.settled_rss([self.program('src', 'app', 'carnet'), '--notebook', notebook])
        r['rss-empty'] = self.settled_rss([self.program('tests', 'bench', 'empty-window')])
        log('%d: RssAnon %d KiB, empty window %d KiB' % (size, r['rss'], r['rss-empty']))

    # Queries on the UI paths

    def ui_queries(self, size, notebook):
        profile = os.path.join(self.tmp, 'profile-%d.txt' % size)
        env = dict(self.env, CARNET_PROFILE_QUERIES=profile)
        r = self.results[size]
        try:
            done = subprocess.run([self.program('tests', 'bench', 'bench-window'), notebook], env=env,
                                  stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
                                  timeout=UI_TOUR_SECONDS)
            if done.returncode != 0:
                raise RuntimeError('bench-window exited with %d: %s' % (done.returncode, done.stderr[-2000:]))
            r['ui-steps'] = self.slowest_step(done.stderr)
            shown = [(float(m.group(2)), m.group(1))
                     for m in re.finditer(r'^bench-window: shown (.*) ([\d.]+)$', done.stderr, re.M)]
            if shown:
                r['search-shown'] = max(shown)
        except subprocess.TimeoutExpired:
            r['ui-timeout'] = True
        step, statements = 'open the window', []
        with open(profile, encoding='utf-8', errors='replace') as f:
            for line in f:
                fields = line.rstrip('\n').split('\t', 2)
                if fields[0] == '#':
                    step = fields[1]
                elif FTS5_INTERNAL in fields[-1]:
                    # FTS5 reads its shadow tables with statements of its own,
                    # inside the MATCH query that is timed as a whole.
                    continue
                elif len(fields) == 3 and fields[0].isdigit() and fields[1].isdigit():
                    statements.append((int(fields[0]), fields[2], step, int(fields[1])))
        if r.get('ui-timeout'):
            self.notes.append('%d entries: bench-window did not finish its tour in %d s (it was at “%s”); '
                              'the statements are those run until then.' % (size, UI_TOUR_SECONDS, step))
        if not statements:
            raise RuntimeError('no statement profiled at %d entries' % size)
        slowest = max(statements)
        r['query-max'] = slowest[0] / 1000
        r['query-slow'] = sum(1 for s in statements if s[0] > SLOW_QUERY_US)
        r['query-count'] = len(statements)
        r['query-slowest'] = slowest
        r['query-slow-list'] = sorted((s for s in statements if s[0] > SLOW_QUERY_US), reverse=True)
        r['query-cpu-max'] = max(s[3] for s in statements) / 1000
        log('%d: %d statements, slowest %.1f ms (%s)' % (size, len(statements), slowest[0] / 1000, slowest[2]))

    @staticmethod
    def slowest_step(stderr):
        """The step of the tour that took longest, settling included."""
        marks = [(float(m.group(1)), m.group(2))
                 for m in re.finditer(r'^bench-window: +([\d.]+) s (.*)$', stderr, re.M)]
        steps = [(b[0] - a[0], a[1]) for a, b in zip(marks, marks[1:])]
        return max(steps) if steps else None

    # The core's calls

    def core(self, size, notebook):
        done = subprocess.run([self.program('tests', 'bench', 'bench-core'), notebook, str(self.args.repeat)],
                              env=self.env, capture_output=True, text=True, timeout=600)
        if done.returncode != 0:
            raise RuntimeError('bench-core: ' + done.stderr.strip())
        r = self.results[size]
        for line in done.stdout.splitlines():
            name, median, maximum, _ = line.split('\t')
            r[name] = (int(median) / 1000, int(maximum) / 1000)
        log('%d: search %.2f ms, save %.2f ms (bare %.2f ms), next reminder %.2f ms'
            % (size, r['search'][0], r['save'][0], r['bare-save'][0], r['next-reminder'][0]))

    # Idle

    def idle(self, size, notebook):
        done = subprocess.run([os.path.join(HERE, 'idle-wakeups.sh'), self.build,
                               str(self.args.idle_seconds), notebook],
                              env=self.env, capture_output=True, text=True,
                              timeout=self.args.idle_seconds + 120)
        if done.returncode != 0:
            raise RuntimeError('idle-wakeups.sh: ' + done.stderr.strip())
        line = done.stdout.strip().splitlines()[-1]
        match = re.search(r'(\d+) context switches .* CPU (\d+) ms', line)
        if match is None:
            raise RuntimeError('idle-wakeups.sh said: ' + line)
        r = self.results[size]
        r['wakeups'] = int(match.group(1))
        r['idle-cpu'] = int(match.group(2))
        log('%d: %s' % (size, line))

    def run(self):
        for size in self.sizes:
            notebook = self.notebook(size)
            for measure in (self.start_up, self.start_instructions, self.memory, self.ui_queries,
                            self.core):
                try:
                    measure(size, notebook)
                except (RuntimeError, subprocess.SubprocessError, OSError) as e:
                    self.notes.append('%d entries, %s: %s' % (size, measure.__name__, e))
                    log('%d: %s failed: %s' % (size, measure.__name__, e))
            if size == self.args.idle_size and self.args.idle_seconds > 0:
                try:
                    self.idle(size, notebook)
                except (RuntimeError, subprocess.SubprocessError, OSError) as e:
                    self.notes.append('%d entries, idle: %s' % (size, e))
        return self.table()

    # The table

    def table(self):
        sizes = self.sizes
        largest = sizes[-1]
        at = self.args.idle_size if self.args.idle_size in sizes else largest

        def value(size, key, fmt):
            v = self.results[size].get(key)
            if v is None:
                return '—'
            return fmt(v)

        def ms(v):
            return '%.1f ms' % v if v >= 10 else '%.2f ms' % v

        def median_max(v):
            return '%s / %s' % (ms(v[0]), ms(v[1]))

        def mib(v):
            return '%.1f MiB' % (v / MIB)

        def verdict(ok):
            return '—' if ok is None else ('pass' if ok else 'FAIL')

        def get(size, key):
            return self.results.get(size, {}).get(key)

        rows = []

        start, empty = get(largest, 'start'), get(largest, 'start-empty')
        ratio = start / empty if start and empty else None
        rows.append(['start to first frame (median of %d)' % self.args.runs]
                    + [value(s, 'start', ms) for s in sizes]
                    + [value(largest, 'start-empty', ms) + ' empty window',
                       '%.2f×' % ratio if ratio else '—', '≤ 1.25× at %s' % self.label(largest),
                       verdict(None if ratio is None else ratio <= 1.25)])

        chrome = get(largest, 'start-chrome')
        if start and chrome:
            rows.append(['start to first frame, against Carnet\'s chrome alone']
                        + ['' for s in sizes]
                        + [value(largest, 'start-chrome', ms) + ' chrome window',
                           '%.2f×' % (start / chrome), '', '—'])

        instructions, instructions_empty = get(largest, 'instructions'), get(largest, 'instructions-empty')
        if instructions and instructions_empty:
            rows.append(['instructions to the first frame (callgrind)']
                        + ['%.0f M' % (instructions / 1e6) if s == largest else '—' for s in sizes]
                        + ['%.0f M empty window' % (instructions_empty / 1e6),
                           '%.2f×' % (instructions / instructions_empty), '', '—'])

        slowest = get(largest, 'query-max')
        rows.append(['slowest UI-path query'] + [value(s, 'query-max', ms) for s in sizes]
                    + ['', '', '≤ 4 ms', verdict(None if slowest is None else slowest <= SLOW_QUERY_US / 1000)])
        rows.append(['slowest UI-path query, thread CPU time'] + [value(s, 'query-cpu-max', ms) for s in sizes]
                    + ['', '', '', '—'])
        rows.append(['slowest step of the window tour (wall, settling included)']
                    + [('%.1f s' % self.results[s]['ui-steps'][0] if self.results[s].get('ui-steps')
                        else ('timeout' if self.results[s].get('ui-timeout') else '—')) for s in sizes]
                    + ['', '', '', '—'])
        rows.append(['UI-path queries over 4 ms (of all run)']
                    + [('%d of %d' % (self.results[s]['query-slow'], self.results[s]['query-count'])
                        if 'query-slow' in self.results[s] else '—') for s in sizes]
                    + ['', '', '0', verdict(None if get(largest, 'query-slow') is None
                                            else get(largest, 'query-slow') == 0)])

        search = get(largest, 'search')
        rows.append(['full-text search (median / max)'] + [value(s, 'search', median_max) for s in sizes]
                    + ['', '', '≤ 10 ms (median)', verdict(None if search is None else search[0] <= 10)])

        rows.append(['search shown: Enter to the painted hits (slowest of 3)']
                    + [value(s, 'search-shown', lambda v: ms(v[0])) for s in sizes] + ['', '', '', '—'])

        save, bare = get(largest, 'save'), get(largest, 'bare-save')
        rows.append(['durable save (median / max)'] + [value(s, 'save', median_max) for s in sizes]
                     + [value(largest, 'bare-save', median_max) + ' bare sqlite3',
                        '%.1f×' % (save[0] / bare[0]) if save and bare else '—', '', '—'])

        rows.append(['next-reminder computation (median / max)']
                    + [value(s, 'next-reminder', median_max) for s in sizes] + ['', '', '', '—'])

        rss, rss_empty = get(at, 'rss'), get(at, 'rss-empty')
        rows.append(['RssAnon, window open'] + [value(s, 'rss', mib) for s in sizes]
                    + [value(at, 'rss-empty', mib) + ' empty window',
                       '+%.1f MiB' % ((rss - rss_empty) / MIB) if rss and rss_empty else '—',
                       '≤ empty + 20 MiB at %s' % self.label(at),
                       verdict(None if rss is None or rss_empty is None else rss - rss_empty <= 20 * MIB)])

        wakeups = get(at, 'wakeups')
        if self.args.idle_seconds > 0:
            rows.append(['idle wake-ups of carnet --background in %d s' % self.args.idle_seconds]
                        + [value(s, 'wakeups', str) for s in sizes]
                        + ['', 'CPU %s ms' % value(at, 'idle-cpu', str), '0 at %s' % self.label(at),
                           verdict(None if wakeups is None else wakeups == 0)])

        header = ['metric'] + [self.label(s) for s in sizes] + ['baseline', 'ratio', 'target', 'verdict']
        lines = ['| ' + ' | '.join(header) + ' |', '|' + '|'.join('---' for _ in header) + '|']
        lines += ['| ' + ' | '.join(row) + ' |' for row in rows]

        lines.append('')
        lines.append('Measured %s on %s (%d CPUs, %s), build %s.'
                     % (datetime.datetime.now(datetime.timezone.utc).strftime('%Y-%m-%d %H:%M UTC'),
                        platform.node() or 'this machine', os.cpu_count() or 0, platform.platform(),
                        os.path.basename(self.build)))
        lines.append('')
        for size in sizes:
            slowest = self.results[size].get('query-slowest')
            if slowest:
                lines.append('- Slowest statement at %s (step “%s”, %.1f ms): `%s`'
                             % (self.label(size), slowest[2], slowest[0] / 1000, self.shorten(slowest[1])))
        for size in sizes:
            slow = self.results[size].get('query-slow-list') or []
            for wall, sql, step, cpu in slow[:8]:
                lines.append('- Over 4 ms at %s: %.1f ms (thread CPU %.1f ms), step “%s”: `%s`'
                             % (self.label(size), wall / 1000, cpu / 1000, step, self.shorten(sql, 120)))
        no_entries = get(largest, 'instructions-no-entries')
        if no_entries and instructions_empty:
            lines.append('- Instructions to the first frame with a notebook without entries: %.0f M '
                         '(%.2f× the empty window).' % (no_entries / 1e6, no_entries / instructions_empty))
        instructions_chrome = get(largest, 'instructions-chrome')
        if instructions_chrome and instructions_empty and instructions:
            lines.append('- Instructions to the first frame of the chrome window (`empty-window --chrome`: '
                         'the header bar, its buttons, the view switcher over six empty pages): %.0f M, '
                         '%.2f× the empty window; carnet at %s is %.2f× it.'
                         % (instructions_chrome / 1e6, instructions_chrome / instructions_empty,
                            self.label(largest), instructions / instructions_chrome))
        for size in sizes:
            slowest = self.results[size].get('ui-steps')
            if slowest:
                lines.append('- Slowest step of the window tour at %s: “%s”, %.1f s.'
                             % (self.label(size), slowest[1], slowest[0]))
        for note in self.notes:
            lines.append('- Note: ' + note)
        return '\n'.join(lines) + '\n'

    @staticmethod
    def label(size):
        return '%dk' % (size // 1000) if size % 1000 == 0 else str(size)

    @staticmethod
    def shorten(sql, limit=300):
        sql = ' '.join(sql.split())
        return sql if len(sql) <= limit else sql[:limit - 1] + '…'

    def cleanup(self):
        shutil.rmtree(self.tmp, ignore_errors=True)


def main():
    args = parse_args()
    if not os.environ.get('CARNET_IN_SESSION'):
        os.execv(SESSION, [SESSION, sys.executable, os.path.abspath(__file__)] + sys.argv[1:])
    bench = Bench(args)
    try:
        table = bench.run()
    finally:
        bench.cleanup()
    print(table, end='')
    if args.output:
        with open(args.output, 'w', encoding='utf-8') as f:
            f.write(table)
    return 0


if __name__ == '__main__':
    sys.exit(main())
