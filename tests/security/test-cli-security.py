#!/usr/bin/python3
# test-cli-security.py: carnet-cli keeps health data private and off the
# network.
# SPDX-License-Identifier: GPL-3.0-or-later
#
#  - Under umask 000, every file carnet-cli writes is 0600 and every folder it
#    makes 0700: the notebook (and its -wal and -shm), an attached report
#    stored in it, the exports (ics, csv, json, pdf), a notebook restored by
#    import.
#  - Under `strace -f -e trace=network`, carnet-cli opens no socket but
#    AF_UNIX ones, and connects only to a D-Bus bus or an X server; it never
#    binds or listens.
# Standard library only; prints TAP.

import os
import re
import shutil
import stat
import subprocess
import tempfile
import unittest

CLI = os.environ.get('CARNET_CLI')
STRACE = shutil.which('strace')


def mode(path):
    return stat.S_IMODE(os.stat(path).st_mode)


class CliTestCase(unittest.TestCase):
    def setUp(self):
        self.tmp = tempfile.TemporaryDirectory(prefix='carnet-security-')
        self.dir = self.tmp.name
        self.notebook = os.path.join(self.dir, 'people', 'claire', 'claire.carnet')
        self.env = dict(os.environ, TZ='Europe/Paris')
        self.env.pop('CARNET_NOTEBOOK', None)

    def tearDown(self):
        self.tmp.cleanup()

    def cli(self, *args, prefix=(), notebook=None):
        command = list(prefix) + [CLI, '--notebook', notebook or self.notebook] + list(args)
        env = self.env
        if prefix:
            # LeakSanitizer cannot run under ptrace; the other runs check leaks.
            env = dict(env, ASAN_OPTIONS=env.get('ASAN_OPTIONS', '') + ':detect_leaks=0')
        proc = subprocess.run(command, capture_output=True, text=True, env=env,
                              preexec_fn=lambda: os.umask(0), timeout=120)
        self.assertEqual(proc.returncode, 0, '%s: %s' % (' '.join(args), proc.stderr))
        return proc

    def assertModes(self, path):
        """Files 0600, folders 0700, for @path and what is under it."""
        self.assertEqual(mode(path), 0o700 if os.path.isdir(path) else 0o600, path)
        if os.path.isdir(path):
            for name in os.listdir(path):
                self.assertModes(os.path.join(path, name))

    def fill(self, notebook=None):
        report = os.path.join(self.dir, 'report.pdf')
        with open(report, 'wb') as f:
            f.write(b'%PDF-1.4 a report')
        self.cli('add', 'appointment', '--title', 'Oncologist', '--kind', 'consultation',
                 '--at', '2026-12-03T08:30', '--remind', '1d,2h', notebook=notebook)
        self.cli('add', 'result', '--name', 'CT scan report', '--text', 'No sign of lesion.',
                 '--at', '2026-11-20', '--attach', report, notebook=notebook)
        self.cli('add', 'result', '--name', 'Hemoglobin', '--value', '12.5', '--unit', 'g/dL',
                 '--low', '12', '--high', '16', '--at', '2026-11-20T08:00', notebook=notebook)
        self.cli('add', 'side-effect', '--symptom', 'Nausea', '--severity', '2',
                 '--at', '2026-11-21', notebook=notebook)
        self.cli('add', 'question', '--text', 'Can I travel?', notebook=notebook)
        os.remove(report)


class FileModes(CliTestCase):
    def test_notebook_and_attachment(self):
        self.fill()
        # Each write path, a file each time: check after every one.
        self.assertModes(os.path.join(self.dir, 'people'))
        # The -wal and -shm go when the last connection closes; while they
        # are there (test-file-modes checks an open notebook), 0600 too.
        for suffix in ('', '-wal', '-shm'):
            if suffix == '' or os.path.exists(self.notebook + suffix):
                self.assertEqual(mode(self.notebook + suffix), 0o600, suffix)
        self.cli('edit', 'appointment', '1', '--notes', 'Bring the scans')
        self.cli('delete', 'side-effect', '1')
        self.cli('answer', '1', '--text', 'Yes')
        self.assertModes(os.path.join(self.dir, 'people'))

    def test_exports(self):
        self.fill()
        exports = os.path.join(self.dir, 'exports')
        os.mkdir(exports, 0o700)
        for fmt in ('ics', 'csv', 'json', 'pdf'):
            out = os.path.join(exports, 'notebook.' + fmt)
            self.cli('export', '--format', fmt, '--output', out)
            self.assertEqual(mode(out), 0o600, fmt)
            # Over a file readable by all, the export is private again.
            os.chmod(out, 0o666)
            self.cli('export', '--format', fmt, '--output', out)
            self.assertEqual(mode(out), 0o600, fmt)

    def test_import(self):
        self.fill()
        backup = os.path.join(self.dir, 'backup.json')
        self.cli('export', '--format', 'json', '--output', backup)
        restored = os.path.join(self.dir, 'new', 'paul.carnet')
        self.cli('import', backup, notebook=restored)
        self.assertModes(os.path.join(self.dir, 'new'))


# A socket(…) or connect(…) line of strace: its pid, call, and arguments.
SOCKET = re.compile(r'^(\d+)\s+socket\((\w+),')
CONNECT = re.compile(r'^(\d+)\s+connect\(\d+, \{sa_family=(\w+)(?:, sun_path=(@?"[^"]*"))?')
FORBIDDEN = re.compile(r'^(\d+)\s+(bind|listen|accept4?)\(')


def allowed_unix_path(path):
    path = path.replace('"', '')
    return (path.startswith('/tmp/.X11-unix/X') or
            path.startswith('@/tmp/.X11-unix/X') or
            'dbus' in path or
            path.endswith('/bus'))


@unittest.skipIf(STRACE is None, 'strace is not installed')
class Network(CliTestCase):
    def traced(self, *args, notebook=None):
        log = os.path.join(self.dir, 'strace.log')
        self.cli(*args, prefix=[STRACE, '-f', '-qq', '-e', 'trace=network', '-o', log],
                 notebook=notebook)
        with open(log) as f:
            return f.read().splitlines()

    def test_no_network(self):
        self.fill()
        out = os.path.join(self.dir, 'out')
        backup = os.path.join(self.dir, 'backup.json')
        self.cli('export', '--format', 'json', '--output', backup)
        commands = [
            ('add', 'appointment', '--title', 'Scanner', '--kind', 'imaging',
             '--at', '2026-12-10T09:00', '--repeat', 'FREQ=MONTHLY;COUNT=3'),
            ('list', 'results', '--json'),
            ('agenda', '--from', '2026-12-01', '--to', '2027-03-01'),
            ('reminders', '--from', '2026-12-01T00:00', '--to', '2027-01-01T00:00'),
            ('search', 'nausea'),
            ('show', 'result', '1', '--json'),
            ('edit', 'appointment', '1', '--status', 'done'),
            ('delete', 'question', '1'),
            ('restore', 'question', '1'),
            ('export', '--format', 'ics', '--output', out + '.ics'),
            ('export', '--format', 'csv', '--output', out + '.csv'),
            ('export', '--format', 'pdf', '--appointment', '1', '--output', out + '.pdf'),
            ('check',),
        ]
        seen = 0
        for command in commands:
            with self.subTest(command=command[0]):
                self.check_trace(self.traced(*command))
                seen += 1
        with self.subTest(command='import'):
            self.check_trace(self.traced('import', backup,
                                         notebook=os.path.join(self.dir, 'other.carnet')))
        self.assertEqual(seen, len(commands))

    def check_trace(self, lines):
        for line in lines:
            m = SOCKET.match(line)
            if m:
                self.assertEqual(m.group(2), 'AF_UNIX', line)
                continue
            m = CONNECT.match(line)
            if m:
                self.assertEqual(m.group(2), 'AF_UNIX', line)
                self.assertIsNotNone(m.group(3), line)
                self.assertTrue(allowed_unix_path(m.group(3)), line)
                continue
            self.assertIsNone(FORBIDDEN.match(line), line)

    def test_trace_sees_sockets(self):
        """The parser does see sockets: a program that opens one is caught."""
        log = os.path.join(self.dir, 'strace.log')
        subprocess.run([STRACE, '-f', '-qq', '-e', 'trace=network', '-o', log,
                        '/usr/bin/python3', '-c',
                        'import socket; s = socket.socket(socket.AF_INET6, socket.SOCK_DGRAM);'
                        ' s.connect(("::1", 9))'],
                       check=True, timeout=60)
        with open(log) as f:
            lines = f.read().splitlines()
        with self.assertRaises(AssertionError):
            self.check_trace(lines)


def main():
    loader = unittest.TestLoader()
    suite = unittest.TestSuite()
    for case in (FileModes, Network):
        suite.addTests(loader.loadTestsFromTestCase(case))
    tests = list(suite)
    print('1..%d' % len(tests))
    failed = 0
    for number, test in enumerate(tests, 1):
        result = unittest.TestResult()
        test.run(result)
        name = test.id().split('.', 1)[1]
        problems = result.failures + result.errors
        if problems:
            failed += 1
            print('not ok %d - %s' % (number, name))
            for _, text in problems:
                for line in text.splitlines():
                    print('# ' + line)
        elif result.skipped:
            print('ok %d - %s # SKIP %s' % (number, name, result.skipped[0][1]))
        else:
            print('ok %d - %s' % (number, name))
    return 1 if failed else 0


if __name__ == '__main__':
    raise SystemExit(main())
