#!/usr/bin/python3
# torture.py: crash torture. Writers are killed with SIGKILL at random
# moments; after each kill the notebook must pass its integrity checks, hold
# every write acknowledged before the kill, and no transaction may be half
# applied.
# SPDX-License-Identifier: GPL-3.0-or-later
#
#   torture.py --writer TORTURE_WRITER --kills N [--seed S] [--keep]
#
# Rounds alternate two writers on the same notebook:
#  - the core writer (torture-writer, --writer): adds and edits
#    records, claims due reminders and makes automatic backups through the
#    core API, printing an acknowledgement after each call returned TRUE;
#  - carnet-cli ($CARNET_CLI): add, edit, delete, and import of a JSON backup
#    of several records (one transaction), one command after the other; a
#    command that exited 0 is acknowledged.
# Each round ends with one SIGKILL after a random delay (seeded: the seed is
# printed, --seed replays it). After each kill, before anything else opens
# the notebook, its WAL is read to tell whether the kill left frames of an
# uncommitted transaction; then `carnet-cli check`, PRAGMA integrity_check and
# foreign_key_check, and the model: every acknowledged write is there with its
# content, a write in flight is there whole or not at all, nothing appears
# that no one wrote, an import is there entirely or not at all, each record
# agrees with its search-index row (and with the live counts, where the
# schema keeps them), acknowledged reminder claims are in the
# reminder log, and every automatic backup file is a whole notebook.
# Standard library only; prints TAP.

import argparse
import json
import os
import random
import shutil
import signal
import sqlite3
import struct
import subprocess
import sys
import tempfile
import time

CLI = os.environ.get('CARNET_CLI')
APPLICATION_ID = 0x43726e74
IMPORT_SIZE = 6   # appointments and as many results per imported file

KINDS = {
    # table: (search-index kind, title column, content columns)
    'appointments': ('appointment', 'title', ('title', 'notes')),
    'results': ('result', 'name', ('name', 'value')),
    'side_effects': ('side-effect', 'symptom', ('symptom', 'severity')),
}


class TortureFailure(Exception):
    pass


def check(condition, message):
    if not condition:
        raise TortureFailure(message)


class Model:
    """What the notebook may hold: for each record, the states it may be in."""

    def __init__(self):
        # (table, id) -> set of states; a state is (content tuple, trashed)
        self.records = {}
        # (table, title) -> states, for an add in flight whose id is unknown
        self.adds_in_flight = {}
        self.imports_in_flight = []     # title prefixes
        self.imports_done = []          # prefixes of acknowledged imports
        self.claims = set()             # (appointment_id, occurrence_utc, offset)
        self.checked_records = 0

    def ack(self, table, rid, content, trashed=False):
        self.records[(table, rid)] = {(content, trashed)}

    def maybe(self, table, rid, content, trashed=False):
        self.records.setdefault((table, rid), set()).add((content, trashed))

    def current(self, table, rid):
        states = self.records[(table, rid)]
        return next(iter(states)) if len(states) == 1 else None


def read_wal(path):
    """Valid frames after the last commit in the WAL: > 0 when the kill came
    in the middle of writing a transaction. Reads the file as SQLite's WAL
    format describes it (salts and cumulative checksums)."""
    try:
        with open(path + '-wal', 'rb') as f:
            data = f.read()
    except FileNotFoundError:
        return 0, 0
    if len(data) < 32:
        return 0, 0
    magic, _, page_size, _, salt1, salt2, c1, c2 = struct.unpack('>8I', data[:32])
    if magic not in (0x377f0682, 0x377f0683):
        return 0, 0
    order = '>' if magic & 1 else '<'

    def checksum(block, s0, s1):
        words = struct.unpack(order + '%dI' % (len(block) // 4), block)
        for i in range(0, len(words), 2):
            s0 = (s0 + words[i] + s1) & 0xffffffff
            s1 = (s1 + words[i + 1] + s0) & 0xffffffff
        return s0, s1

    s0, s1 = checksum(data[:24], 0, 0)
    if (s0, s1) != (c1, c2):
        return 0, 0
    frames = committed = 0
    offset = 32
    while offset + 24 + page_size <= len(data):
        _, commit, fs1, fs2, fc1, fc2 = struct.unpack('>6I', data[offset:offset + 24])
        if (fs1, fs2) != (salt1, salt2):
            break
        s0, s1 = checksum(data[offset:offset + 8], s0, s1)
        s0, s1 = checksum(data[offset + 24:offset + 24 + page_size], s0, s1)
        if (s0, s1) != (fc1, fc2):
            break
        frames += 1
        if commit:
            committed = frames
        offset += 24 + page_size
    return frames - committed, committed


class Torture:
    def __init__(self, args):
        self.seed = args.seed
        self.rand = random.Random(self.seed)
        self.kills = args.kills
        self.writer = args.writer
        self.tmp = tempfile.mkdtemp(prefix='carnet-torture-')
        self.keep = args.keep
        self.notebook = os.path.join(self.tmp, 'notebook.carnet')
        self.backups = os.path.join(self.tmp, 'backups', 'notebook')
        self.env = dict(os.environ, TZ='Europe/Paris')
        self.env.pop('CARNET_NOTEBOOK', None)
        self.model = Model()
        self.day = 0
        self.backup_acked = None
        self.backup_made = False
        self.temp_files = set()
        self.import_template = None
        self.stats = dict(kills=0, core_kills=0, cli_kills=0, in_flight=0, in_flight_applied=0,
                          uncommitted_wal=0, cli_commands=0, core_calls=0, backups=0,
                          backup_kills=0, imports=0, import_kills=0, claims=0,
                          temp_files_removed=0, acked_writes=0,
                          kills_during_creation=0)
        self.cli_delay = 0.3
        self.core_delay = 0.6

    # Running things

    def cli(self, *args, check_ok=True):
        proc = subprocess.run([CLI, '--notebook', self.notebook] + list(args),
                              capture_output=True, text=True, env=self.env, timeout=120)
        if check_ok and proc.returncode != 0:
            raise TortureFailure('carnet-cli %s: exit %d: %s'
                                 % (' '.join(args), proc.returncode, proc.stderr.strip()))
        return proc

    def make_import_template(self):
        """A JSON backup as carnet-cli writes it, to copy records from."""
        scratch = os.path.join(self.tmp, 'template.carnet')
        base = [CLI, '--notebook', scratch]
        subprocess.run(base + ['add', 'appointment', '--title', 't', '--kind', 'imaging',
                               '--at', '2026-03-02T10:00', '--remind', '1d'],
                       check=True, capture_output=True, env=self.env)
        subprocess.run(base + ['add', 'result', '--name', 't', '--value', '1',
                               '--at', '2026-03-02T10:00'],
                       check=True, capture_output=True, env=self.env)
        out = os.path.join(self.tmp, 'template.json')
        subprocess.run(base + ['export', '--format', 'json', '--output', out],
                       check=True, capture_output=True, env=self.env)
        with open(out) as f:
            self.import_template = json.load(f)
        for name in os.listdir(self.tmp):
            if name.startswith('template'):
                os.remove(os.path.join(self.tmp, name))

    def write_import(self, prefix):
        backup = json.loads(json.dumps(self.import_template))
        appointment = backup['appointments'][0]
        result = backup['results'][0]
        backup['appointments'] = []
        backup['results'] = []
        for i in range(IMPORT_SIZE):
            a = dict(appointment, id=i + 1, title='%s appointment %d' % (prefix, i),
                     notes='imported %d' % i)
            r = dict(result, id=i + 1, name='%s result %d' % (prefix, i), value=float(i + 1),
                     appointment_id=i + 1)
            backup['appointments'].append(a)
            backup['results'].append(r)
        path = os.path.join(self.tmp, 'import.json')
        with open(path, 'w') as f:
            json.dump(backup, f)
        return path

    def kill_after(self, proc, deadline):
        """Waits for @proc until @deadline; kills it then. True if killed."""
        try:
            proc.wait(timeout=max(0.0, deadline - time.monotonic()))
            return False
        except subprocess.TimeoutExpired:
            proc.send_signal(signal.SIGKILL)
            proc.wait()
            return proc.returncode == -signal.SIGKILL

    # A round of the core writer

    def core_round(self, round_no):
        seed = self.rand.randrange(1 << 31)
        delay = self.rand.uniform(0, self.core_delay)
        start = time.monotonic()
        proc = subprocess.Popen([self.writer, self.notebook, str(seed), str(round_no), str(self.day)],
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=self.env)
        killed = self.kill_after(proc, start + delay)
        out = proc.stdout.read().decode()
        err = proc.stderr.read().decode()
        proc.stdout.close()
        proc.stderr.close()
        if not killed:
            raise TortureFailure('torture-writer exited %d by itself: %s'
                                 % (proc.returncode, err.strip()))
        # Calls typically take milliseconds: aim the delays at the calls.
        self.stats['core_kills'] += 1
        in_flight = None
        # A line cut in the middle by the kill was never acknowledged.
        for line in out.split('\n')[:-1]:
            fields = line.split('\t')
            if fields[0] == 'try':
                in_flight = fields[1:]
                self.stats['core_calls'] += 1
                continue
            if fields[0] != 'ack':
                continue
            self.stats['acked_writes'] += 1
            what = fields[1]
            if what == 'add':
                kind, rid = fields[2], int(fields[3])
                table = {'appointment': 'appointments', 'result': 'results',
                         'side-effect': 'side_effects'}[kind]
                if table == 'appointments':
                    content = (fields[4], fields[5])
                elif table == 'results':
                    content = (fields[4], float(fields[5]))
                else:
                    content = (fields[4], int(fields[5]))
                self.model.ack(table, rid, content)
                in_flight = None
            elif what == 'edit':
                self.model.ack('appointments', int(fields[3]), (fields[4], fields[5]))
                in_flight = None
            elif what == 'backup':
                self.day = int(fields[2])
                self.backup_acked = fields[3]
                self.backup_made = True
                self.stats['backups'] += 1
                in_flight = None
            elif what == 'claim':
                self.model.claims.add((int(fields[2]), int(fields[3]), fields[4]))
                self.stats['claims'] += 1
            elif what == 'claimed':
                in_flight = None
        if in_flight is not None:
            self.stats['in_flight'] += 1
            what = in_flight[0]
            if what == 'add':
                table = {'appointment': 'appointments', 'result': 'results',
                         'side-effect': 'side_effects'}[in_flight[1]]
                self.model.adds_in_flight[(table, in_flight[2])] = None
            elif what == 'edit':
                self.model.maybe('appointments', int(in_flight[2]), (in_flight[3], in_flight[4]))
            elif what == 'backup':
                self.day = int(in_flight[1])
                self.backup_acked = None
                self.stats['backup_kills'] += 1
        return in_flight is not None

    # A round of carnet-cli commands

    def pick(self, table):
        ids = [rid for (t, rid), states in self.model.records.items()
               if t == table and len(states) == 1 and not next(iter(states))[1]]
        return self.rand.choice(ids) if ids else None

    def cli_command(self, round_no, n):
        """The next command: (argv, what it does to the model if it succeeds)."""
        tag = 'r%d-%d' % (round_no, n)
        what = self.rand.randrange(100)
        day = '2026-%02d-%02dT%02d:%02d' % (self.rand.randint(1, 12), self.rand.randint(1, 28),
                                             self.rand.randint(7, 18), self.rand.choice((0, 30)))
        if what < 25:
            title = 'cli %s appointment' % tag
            notes = 'cli notes %s' % tag
            return (['add', 'appointment', '--title', title, '--kind', 'consultation', '--at', day,
                     '--notes', notes, '--remind', '1d,2h'],
                    ('add', 'appointments', title, (title, notes)))
        if what < 45:
            name = 'cli %s result' % tag
            value = float(self.rand.randint(1, 500))
            return (['add', 'result', '--name', name, '--value', '%g' % value, '--at', day],
                    ('add', 'results', name, (name, value)))
        if what < 65:
            rid = self.pick('appointments')
            if rid is not None:
                title = 'cli %s edited' % tag
                notes = 'cli edited notes %s' % tag
                return (['edit', 'appointment', str(rid), '--title', title, '--notes', notes],
                        ('edit', 'appointments', rid, (title, notes)))
        if what < 80:
            table = self.rand.choice(('appointments', 'results'))
            rid = self.pick(table)
            if rid is not None:
                kind = {'appointments': 'appointment', 'results': 'result'}[table]
                return (['delete', kind, str(rid)], ('delete', table, rid, None))
        prefix = 'import %s' % tag
        return (['import', self.write_import(prefix)], ('import', None, prefix, None))

    def apply_cli(self, effect, out):
        what, table, key, content = effect
        if what == 'add':
            self.model.ack(table, int(out.strip()), content)
        elif what == 'edit':
            self.model.ack(table, key, content)
        elif what == 'delete':
            content, _ = self.model.current(table, key)
            self.model.ack(table, key, content, trashed=True)
        elif what == 'import':
            self.model.imports_done.append(key)

    def in_flight_cli(self, effect):
        what, table, key, content = effect
        if what == 'add':
            self.model.adds_in_flight[(table, key)] = content
        elif what == 'edit':
            self.model.maybe(table, key, content)
        elif what == 'delete':
            content, _ = self.model.current(table, key)
            self.model.maybe(table, key, content, trashed=True)
        elif what == 'import':
            self.model.imports_in_flight.append(key)
            self.stats['import_kills'] += 1

    def cli_round(self, round_no):
        deadline = time.monotonic() + self.rand.uniform(0, self.cli_delay)
        n = 0
        while True:
            argv, effect = self.cli_command(round_no, n)
            n += 1
            if effect[0] == 'import':
                self.stats['imports'] += 1
            proc = subprocess.Popen([CLI, '--notebook', self.notebook] + argv,
                                    stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                    text=True, env=self.env)
            killed = self.kill_after(proc, deadline)
            out = proc.stdout.read()
            err = proc.stderr.read()
            proc.stdout.close()
            proc.stderr.close()
            self.stats['cli_commands'] += 1
            if killed:
                self.stats['cli_kills'] += 1
                self.stats['in_flight'] += 1
                self.in_flight_cli(effect)
                return True
            if proc.returncode != 0:
                raise TortureFailure('carnet-cli %s: exit %d: %s'
                                     % (' '.join(argv), proc.returncode, err.strip()))
            self.stats['acked_writes'] += 1
            self.apply_cli(effect, out)

    # After a kill

    def verify(self, round_no):
        uncommitted, _ = read_wal(self.notebook)
        if uncommitted:
            self.stats['uncommitted_wal'] += 1

        # Killed while it made the notebook, before anything was acknowledged:
        # the file is still empty (its first transaction rolled back), and the
        # next writer makes it. Nothing else to check.
        if not self.model.records and (not os.path.exists(self.notebook) or
                                       os.path.getsize(self.notebook) == 0):
            self.stats['kills_during_creation'] += 1
            self.model.adds_in_flight.clear()
            self.model.imports_in_flight.clear()
            return

        report = json.loads(self.cli('check', '--json').stdout)
        check(report['ok'], 'carnet-cli check: %s' % report['problems'])

        db = sqlite3.connect(self.notebook)
        try:
            self.verify_db(db)
        finally:
            db.close()
        self.verify_backups()

    def verify_db(self, db):
        rows = db.execute('PRAGMA integrity_check').fetchall()
        check(rows == [('ok',)], 'integrity_check: %s' % rows)
        rows = db.execute('PRAGMA foreign_key_check').fetchall()
        check(rows == [], 'foreign_key_check: %s' % rows)
        app_id = db.execute('PRAGMA application_id').fetchone()[0]
        check(app_id == APPLICATION_ID, 'application_id %x' % app_id)

        model = self.model
        actual = {}
        by_title = {}
        for table, (_, title_column, columns) in KINDS.items():
            for row in db.execute('SELECT id, trashed_utc IS NOT NULL, %s FROM %s'
                                  % (', '.join(columns), table)):
                state = (tuple(row[2:]), bool(row[1]))
                actual[(table, row[0])] = state
                by_title.setdefault((table, row[2]), []).append(row[0])

        # Adds in flight: there once or not at all; then known.
        for (table, title), content in model.adds_in_flight.items():
            ids = by_title.get((table, title), [])
            check(len(ids) <= 1, '%s "%s" written %d times' % (table, title, len(ids)))
            if ids:
                self.stats['in_flight_applied'] += 1
                model.records[(table, ids[0])] = {actual[(table, ids[0])]}
                if content is not None:
                    check(actual[(table, ids[0])] == (content, False),
                          '%s "%s": %s, not %s' % (table, title, actual[(table, ids[0])], content))
        model.adds_in_flight.clear()

        # Imports: whole or not at all.
        for prefix in model.imports_done + model.imports_in_flight:
            ids = {t: [rid for (tt, title), rids in by_title.items()
                       if tt == t and title.startswith(prefix + ' ') for rid in rids]
                   for t in ('appointments', 'results')}
            n = len(ids['appointments']) + len(ids['results'])
            acked = prefix in model.imports_done
            check(n in ((2 * IMPORT_SIZE,) if acked else (0, 2 * IMPORT_SIZE)),
                  'import "%s" is there %d records of %d%s'
                  % (prefix, n, 2 * IMPORT_SIZE, ' (acknowledged)' if acked else ''))
            if n and not acked:
                self.stats['in_flight_applied'] += 1
            for t, rids in ids.items():
                for rid in rids:
                    model.records[(t, rid)] = {actual[(t, rid)]}
        model.imports_done.clear()
        model.imports_in_flight.clear()

        # Every record is one someone wrote, in a state it may be in.
        for key, state in actual.items():
            check(key in model.records, '%s %d appeared from nowhere: %s' % (key[0], key[1], state))
        for key, states in model.records.items():
            check(key in actual, '%s %d acknowledged but gone' % key)
            check(actual[key] in states, '%s %d is %s, expected one of %s'
                  % (key[0], key[1], actual[key], states))
            model.records[key] = {actual[key]}
            model.checked_records += 1

        # Each record agrees with its search-index row.
        index = {}
        for kind, rid, title in db.execute('SELECT kind, record_id, title FROM search_index'):
            check((kind, rid) not in index, 'search_index: %s %d twice' % (kind, rid))
            index[(kind, rid)] = title
        expected = {}
        for table, (kind, title_column, _) in KINDS.items():
            for rid, title in db.execute('SELECT id, %s FROM %s WHERE trashed_utc IS NULL'
                                         % (title_column, table)):
                expected[(kind, rid)] = title
        for kind, rid, title in db.execute("SELECT 'question', id, text FROM questions"
                                           " WHERE trashed_utc IS NULL UNION ALL"
                                           " SELECT 'treatment', id, name FROM treatments"
                                           " WHERE trashed_utc IS NULL"):
            expected[(kind, rid)] = title
        check(index == expected, 'search_index disagrees with the records: %s'
              % sorted(set(index.items()) ^ set(expected.items()))[:5])

        # Where the schema keeps live counts by triggers (schema 5), they
        # agree with the records: a trigger is part of its transaction.
        if db.execute("SELECT 1 FROM sqlite_schema WHERE name = 'live_counts'").fetchone():
            counts = dict(db.execute('SELECT kind, n FROM live_counts'))
            for table, (kind, _, _) in KINDS.items():
                n = db.execute('SELECT count(*) FROM %s WHERE trashed_utc IS NULL'
                               % table).fetchone()[0]
                check(counts.get(kind) == n, 'live_counts says %s %s, there are %d'
                      % (counts.get(kind), kind, n))

        # Claimed reminders are in the log, once (the primary key).
        log = set(db.execute('SELECT appointment_id, occurrence_utc, offset FROM reminder_log'))
        missing = model.claims - log
        check(not missing, 'reminders shown but not in the log: %s' % sorted(missing)[:5])

    def verify_backups(self):
        if not os.path.isdir(self.backups):
            return
        for name in os.listdir(self.backups):
            path = os.path.join(self.backups, name)
            if name.startswith('.backup-'):
                continue
            db = sqlite3.connect('file:%s?mode=ro' % path, uri=True)
            try:
                check(db.execute('PRAGMA integrity_check').fetchall() == [('ok',)],
                      'backup %s is damaged' % name)
                check(db.execute('PRAGMA application_id').fetchone()[0] == APPLICATION_ID,
                      'backup %s is not a notebook' % name)
                check(db.execute('PRAGMA journal_mode').fetchone()[0] == 'delete',
                      'backup %s is not a file on its own' % name)
            finally:
                db.close()
        if self.backup_acked is not None:
            check(os.path.exists(self.backup_acked),
                  'acknowledged backup %s is gone' % self.backup_acked)
        # What a backup killed on its way left is removed by the next one.
        temp = {name for name in os.listdir(self.backups) if name.startswith('.backup-')}
        if self.backup_made:
            left = temp & self.temp_files
            check(not left, 'files of interrupted backups still there after a backup: %s'
                  % sorted(left))
            self.stats['temp_files_removed'] += len(self.temp_files)
            self.backup_made = False
        self.temp_files = temp

    def run(self):
        print('# seed %d (replay with --seed %d), %d kills, in %s'
              % (self.seed, self.seed, self.kills, self.tmp))
        sys.stdout.flush()
        self.make_import_template()
        started = time.monotonic()
        round_no = 0
        while self.stats['kills'] < self.kills:
            round_no += 1
            if round_no % 2:
                killed_in_call = self.core_round(round_no)
            else:
                killed_in_call = self.cli_round(round_no)
            self.stats['kills'] += 1
            if self.stats['kills'] % 100 == 0:
                print('# %d kills, %d s' % (self.stats['kills'], time.monotonic() - started))
                sys.stdout.flush()
            try:
                self.verify(round_no)
            except TortureFailure as e:
                raise TortureFailure('round %d (%s writer, killed %s a call): %s'
                                     % (round_no, 'core' if round_no % 2 else 'cli',
                                        'inside' if killed_in_call else 'between', e))
        self.stats['seconds'] = round(time.monotonic() - started)
        self.stats['record_checks'] = self.model.checked_records
        self.stats['records'] = len(self.model.records)
        return self.stats


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument('--writer', required=True)
    parser.add_argument('--kills', type=int, default=50)
    parser.add_argument('--seed', type=int, default=None)
    parser.add_argument('--keep', action='store_true')
    args = parser.parse_args()
    if args.seed is None:
        args.seed = random.SystemRandom().randrange(1 << 31)

    print('1..1')
    torture = Torture(args)
    try:
        stats = torture.run()
    except TortureFailure as e:
        print('not ok 1 - crash torture, seed %d: %s' % (args.seed, e))
        print('# notebook kept in %s' % torture.tmp)
        return 1
    for name in sorted(stats):
        print('# %s: %s' % (name, stats[name]))
    print('ok 1 - %d kills, %d acknowledged writes checked, seed %d'
          % (stats['kills'], stats['acked_writes'], args.seed))
    if not args.keep:
        shutil.rmtree(torture.tmp)
    return 0


if __name__ == '__main__':
    sys.exit(main())
