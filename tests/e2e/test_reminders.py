#!/usr/bin/python3
# test_reminders.py: reminders end to end, with the real programs
# SPDX-License-Identifier: GPL-3.0-or-later
#
# The real `carnet --background` on the session's bus, the real
# notification-daemon, carnet-cli adding appointments while the app runs, the
# Notify calls seen with dbus-monitor, the notification's buttons clicked
# through the accessibility tree, and a restart that must not repeat anything.
# Needs what build-aux/session.sh provides; skipped without it. Prints TAP.

import datetime
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import time

if 'fatal-warnings' in os.environ.get('G_DEBUG', '') and 'CARNET_E2E_G_DEBUG' not in os.environ:
    env = dict(os.environ, CARNET_E2E_G_DEBUG=os.environ['G_DEBUG'])
    env['G_DEBUG'] = ','.join(flag for flag in env['G_DEBUG'].split(',')
                              if flag != 'fatal-warnings')
    os.execve(sys.executable, [sys.executable, *sys.argv], env)


def skip_all(reason):
    print(f'1..0 # SKIP {reason}')
    sys.exit(0)


if not os.environ.get('DISPLAY') or not os.environ.get('DBUS_SESSION_BUS_ADDRESS'):
    skip_all('no DISPLAY or session bus (run the tests with build-aux/test)')
for program in ('dbus-monitor', 'xdotool'):
    if shutil.which(program) is None:
        skip_all(f'{program} is missing (build-aux/deps.sh test installs it)')

try:
    import gi
    gi.require_version('Atspi', '2.0')
    from gi.repository import GLib
    import pyatspi
except (ImportError, ValueError) as e:
    skip_all(f'pyatspi is missing: {e}')

BUILD_ROOT = os.environ['CARNET_BUILD_ROOT']
CARNET = os.path.join(BUILD_ROOT, 'src', 'app', 'carnet')
CARNET_CLI = os.environ['CARNET_CLI']
TIMEOUT = 40


class Failure(Exception):
    pass


def check(condition, message):
    if not condition:
        raise Failure(message)


class Session:
    def __init__(self):
        self.home = tempfile.mkdtemp(prefix='carnet-e2e-')
        self.notebook = os.path.join(self.home, 'claire.carnet')
        self.env = dict(os.environ)
        self.env.update({
            'GSETTINGS_BACKEND': 'memory',
            'G_DEBUG': os.environ.get('CARNET_E2E_G_DEBUG', os.environ.get('G_DEBUG', '')),
            'XDG_DATA_HOME': os.path.join(self.home, 'data'),
            'XDG_CONFIG_HOME': os.path.join(self.home, 'config'),
            'XDG_CACHE_HOME': os.path.join(self.home, 'cache'),
            'GTK_A11Y': 'atspi',
            'NO_AT_BRIDGE': '0',
            'GDK_BACKEND': 'x11',
            'CARNET_NOTEBOOK': self.notebook,
        })
        self.monitor_log = open(os.path.join(self.home, 'notify.log'), 'w+')
        self.monitor = subprocess.Popen(
            ['dbus-monitor', '--session',
             "type='method_call',interface='org.freedesktop.Notifications',member='Notify'"],
            stdout=self.monitor_log, stderr=subprocess.DEVNULL)
        self.app = None
        self.app_log = open(os.path.join(self.home, 'carnet.log'), 'a+')
        time.sleep(0.5)

    def start_app(self):
        env = dict(self.env, G_MESSAGES_DEBUG='carnet-app')
        self.app = subprocess.Popen([CARNET, '--background', '--notebook', self.notebook],
                                    env=env, stdout=self.app_log, stderr=subprocess.STDOUT)

    def stop_app(self):
        if self.app is not None and self.app.poll() is None:
            self.app.send_signal(signal.SIGTERM)
            try:
                self.app.wait(10)
            except subprocess.TimeoutExpired:
                self.app.kill()
                self.app.wait()
        self.app = None

    def cli(self, *args):
        proc = subprocess.run([CARNET_CLI, *args], env=self.env, capture_output=True,
                              text=True, timeout=30)
        check(proc.returncode == 0, f'carnet-cli {" ".join(args)}: {proc.stderr}')
        return proc.stdout

    def notify_calls(self):
        """The Notify calls seen on the bus: (time seen, summary) pairs."""
        self.monitor_log.flush()
        self.monitor_log.seek(0)
        text = self.monitor_log.read()
        calls = []
        for block in text.split('method call')[1:]:
            # Bodies span lines: a string runs to its closing quote.
            strings = re.findall(r'^\s+string "((?:[^"\\]|\\.)*)"', block, re.M | re.S)
            stamp = re.search(r'time=([0-9.]+)', 'method call' + block)
            # app_name, app_icon, summary, body, then the actions
            if len(strings) >= 4:
                calls.append((float(stamp.group(1)) if stamp else 0.0, strings[2], strings[3]))
        return calls

    def wait_for_notify(self, count):
        deadline = time.monotonic() + TIMEOUT
        while time.monotonic() < deadline:
            calls = self.notify_calls()
            if len(calls) >= count:
                return calls
            time.sleep(0.2)
        self.app_log.flush()
        self.app_log.seek(0)
        raise Failure(f'expected {count} notifications, saw {self.notify_calls()}; '
                      f'carnet said: {self.app_log.read()[-2000:]}')

    def app_output(self):
        self.app_log.flush()
        self.app_log.seek(0)
        return self.app_log.read()

    def close(self):
        self.stop_app()
        self.monitor.terminate()
        self.monitor.wait()
        shutil.rmtree(self.home, ignore_errors=True)


def find_button(summary, label):
    """The button @label of the notification-daemon popup that shows @summary."""
    deadline = time.monotonic() + TIMEOUT
    while time.monotonic() < deadline:
        desktop = pyatspi.Registry.getDesktop(0)
        for app in desktop:
            try:
                if app is None or app.name != 'notification-daemon':
                    continue
            except GLib.Error:
                continue
            for popup in app:
                labels = pyatspi.findAllDescendants(
                    popup, lambda n: n.getRoleName() == 'label' and n.name == summary)
                if not labels:
                    continue
                buttons = pyatspi.findAllDescendants(
                    popup, lambda n: n.getRoleName() == 'push button' and n.name == label)
                if buttons:
                    return buttons[0]
        time.sleep(0.3)
    seen = []
    for app in pyatspi.Registry.getDesktop(0):
        if app is not None and app.name == 'notification-daemon':
            seen += [f'{n.getRoleName()}:{n.name}' for n in pyatspi.findAllDescendants(
                app, lambda n: n.getRoleName() in ('label', 'push button'))]
    raise Failure(f'no "{label}" button on the notification "{summary}"; '
                  f'the notifications show {seen}')


def click(button):
    """A real mouse click in the middle of @button, found on screen through
    the accessibility tree. (notification-daemon's buttons answer the mouse,
    not AT-SPI's click action.)"""
    extents = button.queryComponent().getExtents(pyatspi.DESKTOP_COORDS)
    x = extents.x + extents.width // 2
    y = extents.y + extents.height // 2
    subprocess.run(['xdotool', 'mousemove', str(x), str(y), 'click', '1'], check=True, timeout=10)


def reminders(session):
    return json.loads(session.cli('reminders', '--json',
                                  '--from', datetime.datetime.now().strftime('%Y-%m-%d')))


def click_until(session, summary, label, condition, message):
    """Clicks @label on the notification @summary until @condition holds: on a
    loaded machine the popup may still be moving into place when the first
    click lands. A button that worked closes its notification, so a second
    click only happens when the first did nothing."""
    deadline = time.monotonic() + TIMEOUT
    while time.monotonic() < deadline:
        click(find_button(summary, label))
        retry = time.monotonic() + 5
        while time.monotonic() < min(retry, deadline):
            if condition():
                return
            time.sleep(0.3)
    raise Failure(f'{message}; carnet said: {session.app_output()[-1500:]}')


def test_fire_snooze_done_restart(session):
    session.start_app()
    time.sleep(2)
    check(session.app.poll() is None, 'carnet --background exited')
    check(session.notify_calls() == [], 'nothing is due yet')

    # Added with carnet-cli while the app runs: due at the start, in seconds.
    # One notification on screen at a time, so that a click lands on its own.
    blood = datetime.datetime.now().replace(microsecond=0) + datetime.timedelta(seconds=6)
    session.cli('add', 'appointment', '--title', 'Prise de sang', '--kind', 'blood-test',
                '--at', blood.strftime('%Y-%m-%dT%H:%M:%S'), '--remind', '0m',
                '--location', 'Laboratoire Pasteur', '--duration', '30')
    calls = session.wait_for_notify(1)
    check(calls[0][1] == 'Prise de sang', f'notified: {calls}')
    check('Laboratoire Pasteur' in calls[0][2], f'the body says where: {calls[0][2]!r}')
    # On time: not before the reminder's time, and within a few seconds of it.
    late = calls[0][0] - blood.timestamp()
    check(-0.5 <= late <= 3, f'shown {late:.1f} s after it was due')

    # Snooze it from the notification itself.
    click_until(session, 'Prise de sang', 'Snooze 1 hour',
                lambda: any(r['appointment_id'] == 1 and r['state'] == 'snoozed'
                            for r in reminders(session)),
                'the snooze is not in the notebook')
    snoozed = [r for r in reminders(session) if r['appointment_id'] == 1][0]
    due = datetime.datetime.fromisoformat(snoozed['due'])
    check(3500 <= (due - datetime.datetime.now(due.tzinfo)).total_seconds() <= 3610,
          f'snoozed until {snoozed["due"]}')

    # Done with the next one.
    scanner = datetime.datetime.now().replace(microsecond=0) + datetime.timedelta(seconds=5)
    session.cli('add', 'appointment', '--title', 'Scanner', '--kind', 'imaging',
                '--at', scanner.strftime('%Y-%m-%dT%H:%M:%S'), '--remind', '0m',
                '--duration', '30')
    calls = session.wait_for_notify(2)
    check(calls[1][1] == 'Scanner', f'notified: {calls}')
    click_until(session, 'Scanner', 'Done',
                lambda: not any(r['appointment_id'] == 2 for r in reminders(session)),
                'the done reminder is still pending')
    check(any(r['appointment_id'] == 1 and r['state'] == 'snoozed' for r in reminders(session)),
          'finishing one reminder touched another')

    # Restart: nothing is shown twice, the snooze is still there.
    session.stop_app()
    session.start_app()
    time.sleep(4)
    check(session.app.poll() is None, 'carnet --background exited after the restart')
    check(len(session.notify_calls()) == 2,
          f'a restart repeated notifications: {session.notify_calls()}')
    check(any(r['appointment_id'] == 1 and r['state'] == 'snoozed' for r in reminders(session)),
          'the snooze did not survive the restart')


TESTS = [test_fire_snooze_done_restart]


def main():
    print(f'1..{len(TESTS)}')
    failed = 0
    for i, test in enumerate(TESTS, 1):
        session = Session()
        try:
            test(session)
            print(f'ok {i} - {test.__name__}')
        except Exception as e:
            failed += 1
            print(f'not ok {i} - {test.__name__}')
            for line in str(e).splitlines():
                print(f'# {line}')
        finally:
            session.close()
    sys.exit(1 if failed else 0)


main()
