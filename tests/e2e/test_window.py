#!/usr/bin/python3
# test_window.py: the real carnet program, driven through the accessibility tree
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Starts `carnet` as a user would, finds its window with AT-SPI (pyatspi) and
# checks what a user (or a screen reader) gets: the window title naming the
# person, the summary, the empty state, the refusal of a foreign file. Needs an
# X display and the accessibility bus, which build-aux/session.sh provides;
# skipped without them. Prints TAP.

import glob
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time


# G_DEBUG=fatal-warnings is for the program under test, not for this harness:
# libatspi warns here whenever an application leaves the bus mid-query.
if 'fatal-warnings' in os.environ.get('G_DEBUG', '') and 'CARNET_E2E_G_DEBUG' not in os.environ:
    env = dict(os.environ, CARNET_E2E_G_DEBUG=os.environ['G_DEBUG'])
    env['G_DEBUG'] = ','.join(flag for flag in env['G_DEBUG'].split(',')
                              if flag != 'fatal-warnings')
    os.execve(sys.executable, [sys.executable, *sys.argv], env)


def skip_all(reason):
    print(f'1..0 # SKIP {reason}')
    sys.exit(0)


if not os.environ.get('DISPLAY'):
    skip_all('no DISPLAY (run the tests with build-aux/test)')

try:
    import gi
    gi.require_version('Atspi', '2.0')
    from gi.repository import Gio, GLib
    import pyatspi
except (ImportError, ValueError) as e:
    skip_all(f'pyatspi is missing: {e}')


APP_ID = 'io.github.carnet.Carnet'
APP_PATH = '/io/github/carnet/Carnet'
BUILD_ROOT = os.environ['CARNET_BUILD_ROOT']
CARNET = os.path.join(BUILD_ROOT, 'src', 'app', 'carnet')
CARNET_CLI = os.environ['CARNET_CLI']
SCREENSHOTS = os.path.join(BUILD_ROOT, 'meson-logs', 'screenshots')
TIMEOUT = 30


def session_bus():
    return Gio.bus_get_sync(Gio.BusType.SESSION, None)


def atspi_bus_available():
    try:
        reply = session_bus().call_sync(
            'org.a11y.Bus', '/org/a11y/bus', 'org.a11y.Bus', 'GetAddress',
            None, GLib.VariantType('(s)'), Gio.DBusCallFlags.NONE, 5000, None)
        return bool(reply.unpack()[0])
    except GLib.Error:
        return False


if not atspi_bus_available():
    skip_all('no accessibility bus (at-spi-bus-launcher)')


class Failure(Exception):
    pass


def check(condition, message):
    if not condition:
        raise Failure(message)


class Carnet:
    """One run of the carnet program, with its own data folders."""

    def __init__(self, home, *args, settings='memory'):
        self.home = home
        env = dict(os.environ)
        env.update({
            'GSETTINGS_BACKEND': settings,
            'G_DEBUG': os.environ.get('CARNET_E2E_G_DEBUG', os.environ.get('G_DEBUG', '')),
            'XDG_DATA_HOME': os.path.join(home, 'data'),
            'XDG_CONFIG_HOME': os.path.join(home, 'config'),
            'XDG_CACHE_HOME': os.path.join(home, 'cache'),
            'GTK_A11Y': 'atspi',
            'NO_AT_BRIDGE': '0',
            'GDK_BACKEND': 'x11',
        })
        self.env = env
        self.log = open(os.path.join(home, 'carnet.log'), 'a+')
        self.process = subprocess.Popen([CARNET, *args], env=env,
                                        stdout=self.log, stderr=subprocess.STDOUT)

    def output(self):
        self.log.flush()
        self.log.seek(0)
        return self.log.read()

    def application(self):
        """The program's node in the accessibility tree, once it is there."""
        desktop = pyatspi.Registry.getDesktop(0)
        for app in desktop:
            try:
                if app is not None and app.get_process_id() == self.process.pid:
                    return app
            except GLib.Error:
                continue
        return None

    def wait_for_frame(self, name_part):
        deadline = time.monotonic() + TIMEOUT
        seen = []
        while time.monotonic() < deadline:
            check(self.process.poll() is None,
                  f'carnet exited with {self.process.returncode}:\n{self.output()}')
            app = self.application()
            if app is not None:
                seen = [frame.name for frame in app
                        if frame is not None and frame.getRole() == pyatspi.ROLE_FRAME]
                for frame in app:
                    if (frame is not None and frame.getRole() == pyatspi.ROLE_FRAME
                            and name_part in frame.name):
                        return frame
            time.sleep(0.2)
        raise Failure(f'no window named like “{name_part}” (windows: {seen})\n{self.output()}')

    def quit(self):
        """Quits through the app.quit action, as the menu or Ctrl+Q do."""
        session_bus().call_sync(
            APP_ID, APP_PATH, 'org.gtk.Actions', 'Activate',
            GLib.Variant('(sava{sv})', ('quit', [], {})),
            None, Gio.DBusCallFlags.NONE, 5000, None)
        try:
            code = self.process.wait(TIMEOUT)
        except subprocess.TimeoutExpired:
            self.kill()
            raise Failure('carnet did not quit')
        check(code == 0, f'carnet exited with {code}:\n{self.output()}')

    def kill(self):
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(5)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()


def texts(node, depth=0, limit=40):
    """Every name in the subtree: labels, rows, buttons."""
    found = []
    if node is None or depth > limit:
        return found
    try:
        if node.name:
            found.append(node.name)
        for child in node:
            found.extend(texts(child, depth + 1, limit))
    except GLib.Error:
        pass
    return found


def wait_for_text(frame, text):
    deadline = time.monotonic() + TIMEOUT
    names = []
    while time.monotonic() < deadline:
        names = texts(frame)
        if any(text in name for name in names):
            return names
        time.sleep(0.2)
    raise Failure(f'“{text}” is not in the window; it shows: {names}')


def screenshot(name):
    os.makedirs(SCREENSHOTS, exist_ok=True)
    path = os.path.join(SCREENSHOTS, name + '.png')
    # Give the last frame time to be drawn.
    time.sleep(0.5)
    subprocess.run(['import', '-window', 'root', path], check=True,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return path


def cli(home, *args):
    env = dict(os.environ, XDG_DATA_HOME=os.path.join(home, 'data'))
    return subprocess.run([CARNET_CLI, *args], env=env, check=True,
                          capture_output=True, text=True).stdout


def count_questions(notebook, home):
    import json
    return len(json.loads(cli(home, '--notebook', notebook, 'list', 'questions', '--json')))


def test_demo(home):
    """--demo opens a fictional patient's notebook, made afresh each time."""
    demo = os.path.join(home, 'data', 'carnet', 'demo.carnet')

    carnet = Carnet(home, '--demo')
    try:
        frame = carnet.wait_for_frame('Claire Martin')
        names = wait_for_text(frame, 'Oncology consultation')
        check('Upcoming' in names, f'no “Upcoming” group in {names}')
        check('Claire Martin' in names, f'the header bar does not name the person: {names}')
        check(any('Mammography' in name for name in names), f'no mammography in {names}')
        print(f'# screenshot: {screenshot("e2e-demo")}')
        carnet.quit()
    finally:
        carnet.kill()

    check(os.path.exists(demo), f'no demo notebook at {demo}')
    check(count_questions(demo, home) == 6, 'the demo has not 6 questions')

    # Whatever was added to the demo goes the next time.
    cli(home, '--notebook', demo, 'add', 'question', '--text', 'Scribbled in the demo')
    check(count_questions(demo, home) == 7, 'carnet-cli did not add the question')
    carnet = Carnet(home, '--demo')
    try:
        carnet.wait_for_frame('Claire Martin')
        carnet.quit()
    finally:
        carnet.kill()
    check(count_questions(demo, home) == 6, 'the demo was not made afresh')


def test_empty_notebook(home):
    """A new notebook gets the welcome; a second `carnet` opens in the same instance."""
    path = os.path.join(home, 'empty.carnet')
    other = os.path.join(home, 'other.carnet')

    carnet = Carnet(home, '--notebook', path)
    try:
        frame = carnet.wait_for_frame('Carnet')
        names = wait_for_text(frame, 'Nothing Planned')
        check('empty.carnet' in names, f'the subtitle does not name the file: {names}')
        check(any('Name This Notebook' in name for name in names),
              f'no button to name the notebook in {names}')
        check(os.path.exists(path), 'the notebook was not created')
        print(f'# screenshot: {screenshot("e2e-empty")}')

        # Today's automatic backup, started once the window has drawn.
        deadline = time.monotonic() + TIMEOUT
        while not glob.glob(os.path.join(home, 'backups', 'empty', '*.carnet')) \
                and time.monotonic() < deadline:
            time.sleep(0.2)
        check(glob.glob(os.path.join(home, 'backups', 'empty', '*.carnet')),
              f'no automatic backup in {os.path.join(home, "backups", "empty")}')

        # GApplication uniqueness: the second process hands over and exits.
        second = subprocess.run([CARNET, '--notebook', other], env=carnet.env,
                                capture_output=True, text=True, timeout=TIMEOUT)
        check(second.returncode == 0, f'the second carnet failed: {second.stderr}')
        deadline = time.monotonic() + TIMEOUT
        while not os.path.exists(other) and time.monotonic() < deadline:
            time.sleep(0.2)
        check(os.path.exists(other), 'the first instance did not open the second notebook')
        app = carnet.application()
        frames = [f for f in app if f is not None and f.getRole() == pyatspi.ROLE_FRAME]
        check(len(frames) == 2, f'expected two windows, got {[f.name for f in frames]}')
        carnet.quit()
    finally:
        carnet.kill()


def test_remembers_notebooks(home):
    """The notebooks opened are remembered; `carnet` alone reopens the last one."""
    first = os.path.join(home, 'first.carnet')
    second = os.path.join(home, 'second.carnet')
    keyfile = os.path.join(home, 'config', 'glib-2.0', 'settings', 'keyfile')

    for path in (first, second):
        carnet = Carnet(home, '--notebook', path, settings='keyfile')
        try:
            carnet.wait_for_frame('Carnet')
            carnet.quit()
        finally:
            carnet.kill()

    with open(keyfile) as f:
        settings = f.read()
    check(f"last-notebook='{second}'" in settings, f'last-notebook is not {second}:\n{settings}')
    check(f"notebooks=['{second}', '{first}']" in settings,
          f'the known notebooks are not [second, first]:\n{settings}')
    check('window-width=' in settings, f'the window size was not saved:\n{settings}')

    carnet = Carnet(home, settings='keyfile')
    try:
        frame = carnet.wait_for_frame('Carnet')
        names = wait_for_text(frame, 'second.carnet')
        check('first.carnet' not in names, f'the first notebook opened too: {names}')
        carnet.quit()
    finally:
        carnet.kill()


def test_foreign_file(home):
    """A file that is not a notebook is refused, named, and left as it was."""
    path = os.path.join(home, 'shopping.carnet')
    content = b'Bread, milk, apples.\n'
    with open(path, 'wb') as f:
        f.write(content)

    carnet = Carnet(home, '--notebook', path)
    try:
        frame = carnet.wait_for_frame('Carnet')
        names = wait_for_text(frame, 'Not a Carnet Notebook')
        check(any('did not change the file' in name for name in names),
              f'the error does not reassure about the file: {names}')
        print(f'# screenshot: {screenshot("e2e-foreign")}')
        carnet.quit()
    finally:
        carnet.kill()

    with open(path, 'rb') as f:
        check(f.read() == content, 'the foreign file was modified')
    for suffix in ('-wal', '-shm', '-journal'):
        check(not os.path.exists(path + suffix), f'{path}{suffix} was left behind')


def test_usage_error(home):
    """--demo and --notebook together are a usage error (exit 2)."""
    carnet = Carnet(home, '--demo', '--notebook', os.path.join(home, 'x.carnet'))
    try:
        code = carnet.process.wait(TIMEOUT)
    finally:
        carnet.kill()
    check(code == 2, f'expected exit 2, got {code}:\n{carnet.output()}')
    check('--demo' in carnet.output(), f'the error does not say what is wrong: {carnet.output()}')


TESTS = [test_demo, test_empty_notebook, test_remembers_notebooks, test_foreign_file,
         test_usage_error]


def main():
    print(f'1..{len(TESTS)}')
    failed = 0
    for number, test in enumerate(TESTS, 1):
        home = tempfile.mkdtemp(prefix='carnet-e2e-')
        try:
            test(home)
            print(f'ok {number} {test.__name__}')
        except Failure as e:
            failed += 1
            print(f'not ok {number} {test.__name__}')
            for line in str(e).splitlines():
                print(f'# {line}')
        finally:
            shutil.rmtree(home, ignore_errors=True)
    return 1 if failed else 0


if __name__ == '__main__':
    sys.exit(main())
