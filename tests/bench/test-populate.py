#!/usr/bin/python3
# test-populate.py: the benchmarks' generator writes a notebook that Carnet
# reads as it wrote it (checked through carnet-cli, not the generator)
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Correctness only: no timing. Prints TAP. Standard library only.

import hashlib
import json
import os
import re
import subprocess
import sys
import tempfile
import unittest

CLI = os.environ['CARNET_CLI']
POPULATE = os.environ['CARNET_POPULATE']
ENTRIES = 500
KINDS = {'appointments': 'appointment', 'results': 'result', 'side-effects': 'side_effect',
         'questions': 'question', 'treatments': 'treatment'}


def run(*args):
    return subprocess.run(args, capture_output=True, text=True)


def cli_json(notebook, *args):
    done = run(CLI, '--notebook', notebook, *args, '--json')
    if done.returncode != 0:
        raise AssertionError(done.stderr)
    return json.loads(done.stdout)


class PopulateTestCase(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.TemporaryDirectory()
        cls.notebook = os.path.join(cls.tmp.name, 'n.carnet')
        cls.done = run(POPULATE, cls.notebook, '--entries', str(ENTRIES), '--seed', '7')

    @classmethod
    def tearDownClass(cls):
        cls.tmp.cleanup()

    def written(self):
        return {kind: int(count) for kind, count in
                (line.split() for line in self.done.stdout.splitlines())}

    def test_counts(self):
        self.assertEqual(self.done.returncode, 0, self.done.stderr)
        written = self.written()
        self.assertEqual(set(written), set(KINDS))
        self.assertEqual(sum(written.values()), ENTRIES)
        report = cli_json(self.notebook, 'check')
        self.assertTrue(report['ok'])
        self.assertEqual(report['trashed'], 0)
        self.assertEqual(report['counts'], {KINDS[kind]: count for kind, count in written.items()})
        for kind, count in written.items():
            self.assertGreater(count, 0, kind)
            self.assertEqual(len(cli_json(self.notebook, 'list', kind)), count, kind)

    def test_content(self):
        appointments = cli_json(self.notebook, 'list', 'appointments')
        self.assertTrue(any(a['status'] == 'planned' for a in appointments))
        self.assertTrue(any(a['status'] == 'done' for a in appointments))
        self.assertTrue(any(a['remind'] for a in appointments))
        results = cli_json(self.notebook, 'list', 'results')
        values = [r for r in results if r['value'] is not None]
        self.assertGreaterEqual(len({r['name'] for r in values}), 20)
        self.assertTrue(all(r['low'] is not None and r['high'] is not None for r in values))
        self.assertTrue(any(r['flag'] == 'high' for r in values))
        self.assertTrue(any(r['appointment_id'] is not None for r in values))
        side_effects = cli_json(self.notebook, 'list', 'side-effects')
        cycles = [s['cycle'] for s in side_effects if s['cycle'] is not None]
        self.assertTrue(cycles)
        self.assertTrue(all(re.fullmatch(r'C\d+ D\d+', c) for c in cycles))
        questions = cli_json(self.notebook, 'list', 'questions')
        self.assertEqual({q['status'] for q in questions}, {'open', 'asked', 'answered'})

    def test_search_index(self):
        # The generator fills the search index in one go at the end: every
        # side effect it wrote is found by its symptom, accents folded.
        side_effects = cli_json(self.notebook, 'list', 'side-effects')
        nausea = {s['id'] for s in side_effects if s['symptom'] == 'Nausées'}
        hits = cli_json(self.notebook, 'search', 'nausees')
        found = {h['id'] for h in hits if h['kind'] == 'side-effect' and h['title'] == 'Nausées'}
        self.assertTrue(nausea)
        self.assertEqual(found, nausea)

    def test_same_seed_same_notebook(self):
        other = os.path.join(self.tmp.name, 'other.carnet')
        done = run(POPULATE, other, '--entries', str(ENTRIES), '--seed', '7')
        self.assertEqual(done.returncode, 0, done.stderr)
        for kind in KINDS:
            self.assertEqual(cli_json(other, 'list', kind), cli_json(self.notebook, 'list', kind), kind)

    def test_refuses_a_notebook_with_records(self):
        with open(self.notebook, 'rb') as f:
            before = hashlib.sha256(f.read()).hexdigest()
        done = run(POPULATE, self.notebook, '--entries', '100')
        self.assertEqual(done.returncode, 1)
        self.assertIn('already holds records', done.stderr)
        self.assertEqual(done.stdout, '')
        with open(self.notebook, 'rb') as f:
            self.assertEqual(hashlib.sha256(f.read()).hexdigest(), before)

    def test_usage_errors(self):
        fresh = os.path.join(self.tmp.name, 'fresh.carnet')
        for args, option in ((['--entries', '5'], '--entries'), ([], '--entries'),
                             (['--entries', '100', '--seed', 'x'], '--seed')):
            done = run(POPULATE, fresh, *args)
            self.assertEqual(done.returncode, 2, args)
            self.assertTrue(done.stderr.startswith('carnet-populate: ' + option), done.stderr)
            self.assertFalse(os.path.exists(fresh))


class TapResult(unittest.TestResult):
    def __init__(self):
        super().__init__()
        self.number = 0

    def report(self, test, ok, err=None):
        self.number += 1
        print('%s %d - %s' % ('ok' if ok else 'not ok', self.number, test.id()))
        if err is not None:
            for line in self._exc_info_to_string(err, test).splitlines():
                print('# ' + line)
        sys.stdout.flush()

    def addSuccess(self, test):
        super().addSuccess(test)
        self.report(test, True)

    def addFailure(self, test, err):
        super().addFailure(test, err)
        self.report(test, False, err)

    def addError(self, test, err):
        super().addError(test, err)
        self.report(test, False, err)


def main():
    suite = unittest.defaultTestLoader.loadTestsFromTestCase(PopulateTestCase)
    print('1..%d' % suite.countTestCases())
    result = TapResult()
    suite.run(result)
    return 0 if result.wasSuccessful() else 1


if __name__ == '__main__':
    sys.exit(main())
