#!/usr/bin/python3
# test-faults.py: carnet-cli under injected faults
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Each changing command (add, edit, delete, import) runs with the fault VFS of
# tests/faults preloaded ($CARNET_FAULT_PRELOAD) for a full disk, an
# input/output error and a read-only file, and against another process that
# holds the write lock past the busy timeout. Each must exit 1 with a one-line
# message that says what happened, and leave every record saved before as it
# was (list --json before and after, integrity_check); without the fault the
# same command succeeds. Also: `check` on a damaged notebook. Prints TAP.

import json
import os
import pwd
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import unittest

CLI = os.environ.get('CARNET_CLI')
PRELOAD = os.environ.get('CARNET_FAULT_PRELOAD')
# A preloaded library comes before the AddressSanitizer runtime, which ASan
# refuses: the sanitized build runs the fault cases in-process (test-faults).
SANITIZED = os.environ.get('CARNET_SANITIZE', 'none') not in ('', 'none')

KINDS = ['appointments', 'results', 'side-effects', 'questions', 'treatments']

MESSAGES = {
    'disk-full': 'The disk is full: nothing was saved. Free some space and try again.',
    'io-error': 'The notebook could not be written (input/output error): nothing was saved. '
                'Check the disk and try again.',
    'read-only': 'The notebook is read-only: nothing was saved. Check that you may write to the '
                 'file and its folder.',
    'locked': 'The notebook is busy in another program (carnet-cli or another Carnet window): '
              'nothing was saved; try again in a moment.',
}


NO_PRELOAD = unittest.skipIf(SANITIZED or not PRELOAD,
                             'the fault VFS cannot be preloaded before the sanitizer runtime')


class FaultTests(unittest.TestCase):
    maxDiff = None

    def setUp(self):
        self.tmp = tempfile.TemporaryDirectory(prefix='carnet-faults-test-')
        self.dir = self.tmp.name
        self.notebook = os.path.join(self.dir, 'notebook.carnet')
        appointment = self.add('appointment', '--title', 'Oncologue', '--kind', 'consultation',
                               '--at', '2026-12-03T08:30')
        self.add('result', '--name', 'Hémoglobine', '--value', '11.2', '--unit', 'g/dL',
                 '--low', '12', '--high', '16', '--at', '2026-11-20',
                 '--appointment', str(appointment))
        self.add('side-effect', '--symptom', 'Nausées', '--severity', '2',
                 '--at', '2026-11-21T09:00')
        self.add('question', '--text', 'Combien de cures ?')
        self.add('treatment', '--name', 'FOLFOX', '--kind', 'chemotherapy',
                 '--start', '2026-10-01', '--cycle-days', '14', '--cycles', '12')
        self.appointment = appointment

        # The file to import: another notebook's JSON backup.
        other = os.path.join(self.dir, 'other.carnet')
        self.run_cli('add', 'question', '--text', 'Et le scanner ?', notebook=other)
        self.backup = os.path.join(self.dir, 'other.json')
        proc = self.run_cli('export', '--format', 'json', '--output', self.backup, notebook=other)
        self.assertEqual(proc.returncode, 0, proc.stderr)

    def tearDown(self):
        self.tmp.cleanup()

    def run_cli(self, *args, notebook=None, fault=None):
        env = dict(os.environ)
        env['TZ'] = 'Europe/Paris'
        env.pop('CARNET_NOTEBOOK', None)
        if fault is not None:
            env['LD_PRELOAD'] = PRELOAD
            env['CARNET_FAULT'] = fault
            env['CARNET_FAULT_MATCH'] = os.path.basename(notebook or self.notebook)
        command = [CLI, '--notebook', notebook or self.notebook] + list(args)
        return subprocess.run(command, capture_output=True, text=True, env=env, timeout=60)

    def add(self, kind, *args):
        proc = self.run_cli('add', kind, *args)
        self.assertEqual(proc.returncode, 0, proc.stderr)
        return int(proc.stdout)

    def snapshot(self):
        """Every record, as `list --json` shows it, and the integrity check."""
        state = {}
        for kind in KINDS:
            proc = self.run_cli('list', kind, '--json')
            self.assertEqual(proc.returncode, 0, proc.stderr)
            state[kind] = json.loads(proc.stdout)
        db = sqlite3.connect('file:%s?mode=ro' % self.notebook, uri=True)
        try:
            self.assertEqual(db.execute('PRAGMA integrity_check').fetchall(), [('ok',)])
            state['trash'] = sum(db.execute(
                'SELECT count(*) FROM %s WHERE trashed_utc IS NOT NULL' % table).fetchone()[0]
                for table in ('appointments', 'results', 'side_effects', 'questions',
                              'treatments'))
        finally:
            db.close()
        return state

    def commands(self):
        return [
            ('add', ['add', 'appointment', '--title', 'Scanner', '--kind', 'imaging',
                     '--at', '2026-12-10T14:00']),
            ('edit', ['edit', 'appointment', str(self.appointment), '--title', 'Radiothérapeute']),
            ('delete', ['delete', 'appointment', str(self.appointment)]),
            ('import', ['import', self.backup]),
        ]

    def check_refused(self, proc, fault, name):
        self.assertEqual(proc.returncode, 1, '%s under %s: %s' % (name, fault, proc.stderr))
        self.assertEqual(proc.stdout, '')
        lines = proc.stderr.splitlines()
        self.assertEqual(len(lines), 1, proc.stderr)
        self.assertTrue(lines[0].startswith('carnet-cli: '), lines[0])
        self.assertIn(MESSAGES[fault], lines[0])

    def check_fault(self, fault):
        for name, args in self.commands():
            with self.subTest(command=name):
                before = self.snapshot()
                proc = self.run_cli(*args, fault=fault)
                self.check_refused(proc, fault, name)
                self.assertEqual(self.snapshot(), before, '%s under %s changed the notebook'
                                 % (name, fault))

                # Without the fault, the same command does it.
                proc = self.run_cli(*args)
                self.assertEqual(proc.returncode, 0, proc.stderr)
                self.assertNotEqual(self.snapshot(), before)
                if name == 'delete':
                    self.run_cli('restore', 'appointment', str(self.appointment))

    @NO_PRELOAD
    def test_disk_full(self):
        self.check_fault('disk-full')

    @NO_PRELOAD
    def test_io_error(self):
        self.check_fault('io-error')

    @NO_PRELOAD
    def test_read_only(self):
        self.check_fault('read-only')

    def test_locked(self):
        """Another process holds the write lock past carnet-cli's busy timeout."""
        for name, args in self.commands():
            with self.subTest(command=name):
                before = self.snapshot()
                holder = sqlite3.connect(self.notebook, timeout=0, isolation_level=None)
                try:
                    holder.execute('BEGIN EXCLUSIVE')
                    holder.execute("DELETE FROM meta WHERE key = 'no such key'")
                    proc = self.run_cli(*args)
                finally:
                    holder.execute('ROLLBACK')
                    holder.close()
                self.check_refused(proc, 'locked', name)
                self.assertEqual(self.snapshot(), before)

                proc = self.run_cli(*args)
                self.assertEqual(proc.returncode, 0, proc.stderr)
                if name == 'delete':
                    self.run_cli('restore', 'appointment', str(self.appointment))

    def test_read_only_file(self):
        """A notebook without the write permission, for real: refused, then,
        once writable again, written (SQLite leaves a read-only -shm behind,
        which must not keep refusing)."""
        prefix = []
        if os.geteuid() == 0:
            # Permissions do not stop root: run carnet-cli as nobody.
            if not shutil.which('setpriv'):
                self.skipTest('no setpriv to run carnet-cli as another user')
            nobody = pwd.getpwnam('nobody')
            for path in (self.dir, self.notebook):
                os.chown(path, nobody.pw_uid, nobody.pw_gid)
            prefix = ['setpriv', '--reuid=%d' % nobody.pw_uid, '--regid=%d' % nobody.pw_gid,
                      '--clear-groups']

        def run(*args):
            env = dict(os.environ, TZ='Europe/Paris')
            return subprocess.run(prefix + [CLI, '--notebook', self.notebook] + list(args),
                                  capture_output=True, text=True, env=env, timeout=60)

        def titles():
            proc = run('list', 'questions', '--json')
            self.assertEqual(proc.returncode, 0, proc.stderr)
            return [q['text'] for q in json.loads(proc.stdout)]

        before = titles()
        os.chmod(self.notebook, 0o400)
        proc = run('add', 'question', '--text', 'Et la fatigue ?')
        self.check_refused(proc, 'read-only', 'add')
        self.assertEqual(titles(), before)

        os.chmod(self.notebook, 0o600)
        proc = run('add', 'question', '--text', 'Et la fatigue ?')
        self.assertEqual(proc.returncode, 0, proc.stderr)
        self.assertEqual(titles(), before + ['Et la fatigue ?'])

    @NO_PRELOAD
    def test_reads_under_fault(self):
        """The fault strikes writes only: reading commands still work."""
        before = self.snapshot()
        for fault in ('disk-full', 'io-error', 'read-only'):
            proc = self.run_cli('list', 'appointments', '--json', fault=fault)
            self.assertEqual(proc.returncode, 0, proc.stderr)
            self.assertEqual(json.loads(proc.stdout), before['appointments'])


class DamagedTests(unittest.TestCase):
    """`check` and the other commands on a damaged notebook: exit 1, a clear
    message, and the file left as it was."""

    def setUp(self):
        self.tmp = tempfile.TemporaryDirectory(prefix='carnet-damaged-test-')
        self.notebook = os.path.join(self.tmp.name, 'notebook.carnet')
        for i in range(20):
            proc = subprocess.run([CLI, '--notebook', self.notebook, 'add', 'question',
                                   '--text', 'Question %d ' % i + 'x' * 4000],
                                  capture_output=True, text=True)
            self.assertEqual(proc.returncode, 0, proc.stderr)

    def tearDown(self):
        self.tmp.cleanup()

    def run_check(self):
        with open(self.notebook, 'rb') as f:
            before = f.read()
        proc = subprocess.run([CLI, '--notebook', self.notebook, 'check'],
                              capture_output=True, text=True)
        with open(self.notebook, 'rb') as f:
            self.assertEqual(f.read(), before, 'check changed the damaged file')
        return proc

    def test_truncated(self):
        size = os.path.getsize(self.notebook)
        os.truncate(self.notebook, size // 2)
        proc = self.run_check()
        self.assertEqual(proc.returncode, 1)
        self.assertEqual(proc.stderr,
                         'carnet-cli: “notebook.carnet” is damaged: the file is shorter than '
                         'the notebook it holds, it was cut off.\n'.replace(
                             'notebook.carnet', self.notebook))

    def test_garbage_pages(self):
        size = os.path.getsize(self.notebook)
        with open(self.notebook, 'r+b') as f:
            f.seek(100)
            f.write(bytes((i * 37 + 11) % 256 for i in range(size - 100)))
        proc = self.run_check()
        self.assertEqual(proc.returncode, 1)
        self.assertIn('is damaged', proc.stderr)
        self.assertEqual(proc.stderr.count('\n'), 1)

    def test_garbage_in_one_page(self):
        """A page far from the header: the notebook opens, `check` finds it."""
        page_size = 4096
        with open(self.notebook, 'r+b') as f:
            f.seek(page_size * 10)
            f.write(b'\xa5' * page_size)
        proc = self.run_check()
        self.assertEqual(proc.returncode, 1, proc.stdout + proc.stderr)
        self.assertIn('damaged', proc.stderr + proc.stdout)


def flatten(suite):
    for test in suite:
        if isinstance(test, unittest.TestSuite):
            yield from flatten(test)
        else:
            yield test


def main():
    if not CLI or not os.access(CLI, os.X_OK):
        print('1..0 # SKIP CARNET_CLI does not name the built carnet-cli')
        return 0
    tests = list(flatten(unittest.defaultTestLoader.loadTestsFromModule(sys.modules[__name__])))
    print('1..%d' % len(tests))
    failed = 0
    for n, test in enumerate(tests, 1):
        result = unittest.TestResult()
        test.run(result)
        name = test.id().split('.', 1)[1]
        if result.skipped:
            print('ok %d %s # SKIP %s' % (n, name, result.skipped[0][1]))
        elif result.wasSuccessful():
            print('ok %d %s' % (n, name))
        else:
            failed += 1
            print('not ok %d %s' % (n, name))
            for _, trace in result.failures + result.errors:
                for line in trace.splitlines():
                    print('# ' + line)
        sys.stdout.flush()
    return 1 if failed else 0


if __name__ == '__main__':
    sys.exit(main())
