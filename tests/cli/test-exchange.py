#!/usr/bin/python3
# test-exchange.py: carnet-cli export, import and check's backup line
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Runs the built carnet-cli ($CARNET_CLI) on notebooks in temporary folders,
# under TZ=Europe/Paris, and prints TAP. Standard library only (pdftotext is
# used when it is there).

import csv
import hashlib
import io
import json
import os
import re
import shutil
import stat
import subprocess
import sys
import tempfile
import unittest

CLI = os.environ.get('CARNET_CLI')
KINDS = ('appointments', 'results', 'side-effects', 'questions', 'treatments')


class ExchangeTestCase(unittest.TestCase):
    maxDiff = None

    def setUp(self):
        self.tmp = tempfile.TemporaryDirectory(prefix='carnet-exchange-test-')
        self.dir = self.tmp.name
        self.notebook = os.path.join(self.dir, 'notebook.carnet')

    def tearDown(self):
        self.tmp.cleanup()

    def path(self, name):
        return os.path.join(self.dir, name)

    def run_cli(self, *args, notebook=None, text=True):
        env = dict(os.environ)
        env['TZ'] = 'Europe/Paris'
        env.pop('CARNET_NOTEBOOK', None)
        command = [CLI, '--notebook', notebook or self.notebook] + list(args)
        return subprocess.run(command, capture_output=True, text=text, env=env, timeout=120)

    def ok(self, *args, **kwargs):
        proc = self.run_cli(*args, **kwargs)
        self.assertEqual(proc.returncode, 0, 'carnet-cli %s: %s' % (' '.join(args), proc.stderr))
        self.assertFalse(proc.stderr)
        return proc.stdout

    def snapshot(self, path):
        state = {}
        for suffix in ('', '-wal'):
            name = path + suffix
            data = b''
            if os.path.exists(name):
                with open(name, 'rb') as f:
                    data = f.read()
            state[suffix] = hashlib.sha256(data).hexdigest()
        return state

    def fails(self, code, message, *args, notebook=None):
        """Fails with @code, one line on stderr starting with @message,
        nothing on stdout, the notebook as it was (or still absent)."""
        path = notebook or self.notebook
        before = self.snapshot(path) if os.path.exists(path) else None
        proc = self.run_cli(*args, notebook=notebook)
        self.assertEqual(proc.stdout, '')
        self.assertTrue(proc.stderr.startswith('carnet-cli: ' + message),
                        '%r does not start with %r' % (proc.stderr, message))
        self.assertEqual(proc.stderr.count('\n'), 1, 'one line on stderr')
        self.assertEqual(proc.returncode, code, proc.stderr)
        if before is None:
            self.assertFalse(os.path.exists(path), 'a failed command created the notebook')
        else:
            self.assertEqual(self.snapshot(path), before, 'a failed command changed the notebook')
        return proc

    def add(self, kind, *args, notebook=None):
        return int(self.ok('add', kind, *args, notebook=notebook))

    def fill(self, notebook=None):
        consultation = self.add('appointment', '--title', 'Oncology follow-up', '--kind', 'consultation',
                                '--at', '2030-12-03T08:30', '--duration', '30',
                                '--location', 'Hôpital Saint-Louis, bâtiment B', '--with', 'Dr Martin',
                                '--remind', '1d,2h', '--repeat', 'FREQ=MONTHLY;INTERVAL=3;COUNT=4',
                                notebook=notebook)
        self.add('appointment', '--title', 'PET scan', '--kind', 'imaging', '--at', '2030-12-10',
                 '--all-day', notebook=notebook)
        treatment = self.add('treatment', '--name', 'FEC 100', '--kind', 'chemotherapy',
                             '--start', '2030-10-13', '--cycle-days', '21', '--cycles', '6',
                             notebook=notebook)
        self.add('result', '--name', 'Haemoglobin', '--value', '0.1', '--unit', 'g/dL', '--low', '12',
                 '--high', '16', '--at', '2030-11-20T08:00', '--notes', 'fasting, "as asked"',
                 notebook=notebook)
        self.add('result', '--name', 'Scanner', '--text', 'No progression.', '--at', '2030-11-21',
                 notebook=notebook)
        self.add('side-effect', '--symptom', 'Nausées', '--severity', '3', '--at', '2030-11-05',
                 '--treatment', str(treatment), notebook=notebook)
        self.add('question', '--text', 'Can I travel in January?', '--appointment', str(consultation),
                 notebook=notebook)
        trashed = self.add('question', '--text', 'Entered twice', notebook=notebook)
        self.ok('delete', 'question', str(trashed), notebook=notebook)
        return consultation

    def listing(self, notebook=None):
        return {kind: json.loads(self.ok('list', kind, '--json', notebook=notebook)) for kind in KINDS}

    def test_export_formats(self):
        self.fill()
        for fmt, head in (('ics', b'BEGIN:VCALENDAR\r\n'), ('csv', b'date,time,name,value'),
                          ('json', b'{\n  "format" : "carnet-backup"'), ('pdf', b'%PDF-')):
            out = self.path('export.' + fmt)
            self.assertEqual(self.ok('export', '--format', fmt, '--output', out), '')
            with open(out, 'rb') as f:
                self.assertTrue(f.read().startswith(head), fmt)
            # Health data: for its owner only.
            self.assertEqual(stat.S_IMODE(os.stat(out).st_mode), 0o600, fmt)

        with open(self.path('export.csv'), newline='', encoding='utf-8') as f:
            rows = list(csv.DictReader(f))
        self.assertEqual([row['name'] for row in rows], ['Haemoglobin', 'Scanner'])
        self.assertEqual(rows[0]['value'], '0.1')
        self.assertEqual(rows[0]['notes'], 'fasting, "as asked"')
        self.assertEqual(rows[0]['flag'], 'low')

    def test_export_to_stdout(self):
        self.fill()
        out = self.ok('export', '--format', 'json', '--output', '-')
        backup = json.loads(out)
        self.assertEqual(backup['format'], 'carnet-backup')
        self.assertEqual(len(backup['questions']), 2)
        self.assertIsNotNone([q for q in backup['questions'] if q['text'] == 'Entered twice'][0]['trashed'])
        proc = self.run_cli('export', '--format', 'pdf', '--output', '-', text=False)
        self.assertEqual(proc.returncode, 0)
        self.assertTrue(proc.stdout.startswith(b'%PDF-'))

    def test_pdf_sheet(self):
        consultation = self.fill()
        out = self.path('sheet.pdf')
        self.ok('export', '--format', 'pdf', '--output', out, '--appointment', str(consultation))
        if shutil.which('pdftotext') is None:
            self.skipTest('no pdftotext')
        text = subprocess.run(['pdftotext', '-layout', out, '-'], capture_output=True, text=True,
                              check=True).stdout
        # Columns are laid out with spaces: count them as one.
        text = re.sub(' +', ' ', text)
        for expected in ('Consultation sheet', 'Tuesday, December 3, 2030 at 08:30',
                         'Place: Hôpital Saint-Louis, bâtiment B', 'With: Dr Martin',
                         '1. Can I travel in January?', 'FEC 100', 'Page 1 of 1'):
            self.assertIn(expected, text)

    def test_round_trip(self):
        self.fill()
        backup = self.path('backup.json')
        self.ok('export', '--format', 'json', '--output', backup)
        restored = self.path('restored.carnet')
        self.assertEqual(self.ok('import', backup, notebook=restored), 'Restored 8 records.\n')
        self.assertEqual(self.listing(restored), self.listing())
        for kind in KINDS:
            self.assertEqual(self.ok('show', kind[:-1] if kind != 'side-effects' else 'side-effect',
                                     '1', '--json', notebook=restored),
                             self.ok('show', kind[:-1] if kind != 'side-effects' else 'side-effect',
                                     '1', '--json'))

        # Again: nothing twice.
        report = json.loads(self.ok('import', backup, '--json', notebook=restored))
        self.assertFalse(report['restored'])
        self.assertEqual(sum(report['added'].values()), 0)
        self.assertEqual(sum(report['skipped'].values()), 8)
        self.assertEqual(self.listing(restored), self.listing())

    def test_merge(self):
        self.fill()
        backup = self.path('backup.json')
        self.ok('export', '--format', 'json', '--output', backup)
        other = self.path('other.carnet')
        self.add('question', '--text', 'Is swimming fine?', notebook=other)
        out = self.ok('import', backup, notebook=other)
        self.assertEqual(out, 'Added 8 records; 0 were there already.\n')
        questions = json.loads(self.ok('list', 'questions', '--json', notebook=other))
        self.assertEqual(sorted(q['text'] for q in questions),
                         ['Can I travel in January?', 'Is swimming fine?'])

    def test_import_refused(self):
        self.fill()
        cases = [
            ('{"format": "carnet-backup", "version": 1, "side_effects": [{"id": 1, "symptom": "x",'
             ' "severity": 7, "at": "2026-01-01"}]}', 'side_effects[0].severity: must be 0 to 4, got 7'),
            ('{"format": "carnet-backup",\n "version": 1,,}', 'line 2, column'),
            ('{"format": "carnet-backup", "version": 1, "appointments": [', 'line 1, column'),
            ('{"format": "carnet-backup", "version": 7}', 'this backup was written by a newer version'),
            ('[' * 100000, 'line 1, column 17: nested too deep'),
            ('', 'the file is empty'),
        ]
        for number, (content, message) in enumerate(cases):
            name = self.path('bad%d.json' % number)
            with open(name, 'w', encoding='utf-8') as f:
                f.write(content)
            # Into the notebook: unchanged; into a new one: not even created.
            self.fails(1, '%s: %s' % (name, message), 'import', name)
            self.fails(1, '%s: %s' % (name, message), 'import', name, notebook=self.path('new.carnet'))

        self.fails(1, '', 'import', self.path('missing.json'))
        self.fails(2, 'missing FILE.json', 'import')

    def test_usage_errors(self):
        self.fill()
        self.fails(2, '--format: is required', 'export', '--output', self.path('x'))
        self.fails(2, '--output: is required', 'export', '--format', 'ics')
        self.fails(2, '--format: “xls” is not one of ics, csv, json, pdf',
                   'export', '--format', 'xls', '--output', self.path('x'))
        self.fails(2, '--appointment: only goes with --format pdf',
                   'export', '--format', 'csv', '--output', self.path('x'), '--appointment', '1')
        self.fails(2, '--appointment: “one”', 'export', '--format', 'pdf', '--output', self.path('x'),
                   '--appointment', 'one')
        self.fails(1, '--appointment: there is no appointment 99',
                   'export', '--format', 'pdf', '--output', self.path('x'), '--appointment', '99')
        self.fails(1, '--output: ', 'export', '--format', 'ics',
                   '--output', self.path('no/such/folder/x.ics'))
        self.assertFalse(os.path.exists(self.path('x')))

    def test_no_consultation(self):
        self.add('appointment', '--title', 'Blood test', '--kind', 'blood-test', '--at', '2030-12-03T08:30')
        self.fails(1, 'no consultation is planned: name one with --appointment ID',
                   'export', '--format', 'pdf', '--output', self.path('sheet.pdf'))
        self.fails(1, 'no notebook at', 'export', '--format', 'ics', '--output', self.path('x.ics'),
                   notebook=self.path('none.carnet'))

    def test_check_latest_backup(self):
        self.fill()
        self.assertIn('Latest backup:   none yet\n', self.ok('check'))
        self.assertIsNone(json.loads(self.ok('check', '--json'))['latest_backup'])

        # What the app leaves next to the notebook every day it runs.
        folder = os.path.join(self.dir, 'backups', 'notebook')
        os.makedirs(folder)
        self.ok('export', '--format', 'json', '--output', '-')
        shutil.copy(self.notebook, os.path.join(folder, '2030-11-27-091500.carnet'))
        report = json.loads(self.ok('check', '--json'))
        # The time its name gives, in the local zone.
        self.assertTrue(report['latest_backup']['date'].startswith('2030-11-27T09:15:00'))
        self.assertEqual(report['latest_backup']['entries'], 7)
        self.assertTrue(report['latest_backup']['path'].endswith('2030-11-27-091500.carnet'))
        self.assertRegex(self.ok('check'), r'Latest backup: +November 27, 2030 at 09:15, 7 records\n')


class TapResult(unittest.TestResult):
    def __init__(self):
        super().__init__()
        self.number = 0

    def _report(self, test, ok, detail=None, directive=''):
        self.number += 1
        print('%s %d - %s%s' % ('ok' if ok else 'not ok', self.number, test.id(), directive))
        if detail:
            for line in detail.splitlines():
                print('# ' + line)
        sys.stdout.flush()

    def addSuccess(self, test):
        super().addSuccess(test)
        self._report(test, True)

    def addFailure(self, test, err):
        super().addFailure(test, err)
        self._report(test, False, self._exc_info_to_string(err, test))

    def addError(self, test, err):
        super().addError(test, err)
        self._report(test, False, self._exc_info_to_string(err, test))

    def addSkip(self, test, reason):
        super().addSkip(test, reason)
        self._report(test, True, directive=' # SKIP ' + reason)


def main():
    if not CLI or not os.access(CLI, os.X_OK):
        print('1..0 # SKIP CARNET_CLI does not name the built carnet-cli')
        return 0
    suite = unittest.defaultTestLoader.loadTestsFromTestCase(ExchangeTestCase)
    print('1..%d' % suite.countTestCases())
    result = TapResult()
    suite.run(result)
    return 0 if result.wasSuccessful() else 1


if __name__ == '__main__':
    sys.exit(main())
