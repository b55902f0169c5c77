#!/usr/bin/python3
# test_pages.py: every page of the real `carnet --demo`, through the accessibility tree
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Starts the real program on the demo notebook, in English and in French, in a
# wide (1200 px) and a narrow (360 px) window. On each page (the six of the view
# switcher, the trash and the search results) it walks the accessibility tree
# as a screen reader would and fails on any button or field without a name,
# and takes a screenshot into <build>/meson-logs/screenshots/pages/ to look at.
# Needs an X display and the accessibility bus (build-aux/session.sh); skipped
# without them. Prints TAP.

import datetime
import gettext
import json
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
LOCALEDIR = os.path.join(BUILD_ROOT, 'po')
SCREENSHOTS = os.path.join(BUILD_ROOT, 'meson-logs', 'screenshots', 'pages')
TIMEOUT = 30

# The pages of the view switcher, by their English titles, in switcher order.
PAGES = ['Upcoming', 'Journal', 'Results', 'Side Effects', 'Questions', 'Treatments']

# What a screen reader must be able to name: whatever a user acts on.
NAMED_ROLES = {
    pyatspi.ROLE_PUSH_BUTTON, pyatspi.ROLE_TOGGLE_BUTTON, pyatspi.ROLE_CHECK_BOX,
    pyatspi.ROLE_RADIO_BUTTON, pyatspi.ROLE_COMBO_BOX, pyatspi.ROLE_ENTRY,
    pyatspi.ROLE_PASSWORD_TEXT, pyatspi.ROLE_SPIN_BUTTON, pyatspi.ROLE_SLIDER,
    pyatspi.ROLE_LINK, pyatspi.ROLE_MENU_ITEM, pyatspi.ROLE_CHECK_MENU_ITEM,
    pyatspi.ROLE_RADIO_MENU_ITEM, pyatspi.ROLE_SWITCH if hasattr(pyatspi, 'ROLE_SWITCH') else -1,
}


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


def wait_until(what, predicate, timeout=TIMEOUT):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            value = predicate()
        except GLib.Error:
            value = None
        if value:
            return value
        time.sleep(0.2)
    raise Failure(f'timed out waiting for {what}')


class Carnet:
    """One run of `carnet --demo` in a language and a window size."""

    def __init__(self, home, language, width, height):
        self.home = home
        config = os.path.join(home, 'config')
        os.makedirs(os.path.join(config, 'glib-2.0', 'settings'), exist_ok=True)
        with open(os.path.join(config, 'glib-2.0', 'settings', 'keyfile'), 'w') as f:
            f.write(f'[io/github/carnet/Carnet]\nwindow-width={width}\nwindow-height={height}\n')

        env = dict(os.environ)
        env.update({
            'GSETTINGS_BACKEND': 'keyfile',
            'G_DEBUG': os.environ.get('CARNET_E2E_G_DEBUG', os.environ.get('G_DEBUG', '')),
            'XDG_DATA_HOME': os.path.join(home, 'data'),
            'XDG_CONFIG_HOME': config,
            'XDG_CACHE_HOME': os.path.join(home, 'cache'),
            'GTK_A11Y': 'atspi',
            'NO_AT_BRIDGE': '0',
            'GDK_BACKEND': 'x11',
            'CARNET_LOCALEDIR': LOCALEDIR,
        })
        if language == 'fr':
            env.update({'LANG': 'fr_FR.UTF-8', 'LC_ALL': 'fr_FR.UTF-8', 'LANGUAGE': 'fr'})
        else:
            env.update({'LANG': 'C.UTF-8', 'LC_ALL': 'C.UTF-8', 'LANGUAGE': ''})
        self.env = env
        self.log = open(os.path.join(home, 'carnet.log'), 'a+')
        self.process = subprocess.Popen([CARNET, '--demo'], env=env,
                                        stdout=self.log, stderr=subprocess.STDOUT)

    def output(self):
        self.log.flush()
        self.log.seek(0)
        return self.log.read()

    def frame(self):
        def find():
            check(self.process.poll() is None,
                  f'carnet exited with {self.process.returncode}:\n{self.output()}')
            for app in pyatspi.Registry.getDesktop(0):
                if app is not None and app.get_process_id() == self.process.pid:
                    for frame in app:
                        if (frame is not None and frame.getRole() == pyatspi.ROLE_FRAME
                                and 'Claire Martin' in frame.name):
                            return frame
            return None
        return wait_until('the demo window', find)

    def quit(self):
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


def showing(node):
    # GTK 4.8 says "visible" of what is visible in GTK's sense, the hidden
    # pages of a stack too, and never says "showing": the walk checks those
    # pages as well, which is stricter.
    try:
        return node.getState().contains(pyatspi.STATE_VISIBLE)
    except GLib.Error:
        return False


def has_name(node):
    """GTK 4.8 names a control without a name after its class: "GtkButton"."""
    name = (node.name or '').strip()
    if not name or (name[:3] in ('Gtk', 'Adw') and name.isalnum()):
        labelled = [r for r in node.getRelationSet()
                    if r.getRelationType() == pyatspi.RELATION_LABELLED_BY]
        return bool(labelled)
    return True


def walk(node, path=(), depth=0):
    """Every showing node under @node, with the names of its ancestors."""
    if node is None or depth > 60:
        return
    try:
        children = list(node)
    except GLib.Error:
        return
    for child in children:
        if child is None or not showing(child):
            continue
        yield child, path
        yield from walk(child, path + (child.name or child.getRoleName(),), depth + 1)


def unnamed_controls(frame):
    """The controls a screen reader could not name."""
    missing = []
    for node, path in walk(frame):
        try:
            role = node.getRole()
            if role not in NAMED_ROLES:
                continue
            if not has_name(node):
                missing.append(f'{node.getRoleName()} “{node.name}” in {" > ".join(path[-4:])}')
        except GLib.Error:
            continue
    return missing


def names(frame):
    return [node.name for node, _ in walk(frame) if node.name]


def find_control(frame, role, name):
    for node, _ in walk(frame):
        try:
            if node.getRole() == role and node.name == name:
                return node
        except GLib.Error:
            continue
    return None


def click(node):
    """Clicks @node, or the first of its descendants that can be clicked (a
    GtkMenuButton's accessible is a box around its button)."""
    try:
        action = node.queryAction()
        for i in range(action.nActions):
            if action.getName(i) in ('click', 'activate', 'press', 'toggle'):
                action.doAction(i)
                return True
    except (NotImplementedError, GLib.Error):
        pass
    for child in node:
        if child is not None and click(child):
            return True
    return False


def switcher_tab(frame, title, width):
    """The switcher's tab for a page: in the header bar when the window is
    wide, in the bar at the bottom when it is narrow (both are in the tree)."""
    tabs = [node for node, _path in walk(frame)
            if node.getRole() == pyatspi.ROLE_PAGE_TAB and node.name == title]
    if not tabs:
        return None
    return tabs[0] if width > 600 else tabs[-1]


def screenshot(frame, name):
    os.makedirs(SCREENSHOTS, exist_ok=True)
    path = os.path.join(SCREENSHOTS, name + '.png')
    # GTK knows no screen coordinates; with no window manager, the window is
    # at the top left of the screen.
    _x, _y, w, h = frame.queryComponent().getExtents(pyatspi.WINDOW_COORDS)
    # Give the last frame time to be drawn.
    time.sleep(0.6)
    subprocess.run(['import', '-window', 'root', '-crop', f'{w}x{h}+0+0', '+repage', path],
                   check=True,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return path


def cli(home, *args):
    env = dict(os.environ, XDG_DATA_HOME=os.path.join(home, 'data'))
    return subprocess.run([CARNET_CLI, *args], env=env, check=True,
                          capture_output=True, text=True).stdout


def translator(language):
    if language == 'en':
        return lambda text: text
    catalog = gettext.translation('carnet', localedir=LOCALEDIR, languages=[language])
    return catalog.gettext


def visit_every_page(home, language, width, height):
    _ = translator(language)
    tag = f'{language}-{width}'
    carnet = Carnet(home, language, width, height)
    try:
        frame = carnet.frame()
        demo = os.path.join(home, 'data', 'carnet', 'demo.carnet')
        wait_until('the demo notebook', lambda: os.path.exists(demo))

        # Something in the trash, for the trash to show it, and an exam that
        # is over and not marked done, for Upcoming to show it as missed.
        questions = json.loads(cli(home, '--notebook', demo, 'list', 'questions', '--json'))
        cli(home, '--notebook', demo, 'delete', 'question', str(questions[-1]['id']))
        missed = (datetime.date.today() - datetime.timedelta(days=5)).isoformat() + 'T09:00'
        cli(home, '--notebook', demo, 'add', 'appointment', '--title', 'Chest scanner',
            '--kind', 'imaging', '--at', missed, '--duration', '30')
        # The window follows the change within a second or so.
        wait_until('the missed exam', lambda: find_control(frame, pyatspi.ROLE_PUSH_BUTTON,
                                                           _('Mark Done')))

        wait_until(f'the page switcher ({_(PAGES[0])})',
                   lambda: switcher_tab(frame, _(PAGES[0]), width))
        shown = [page for page in PAGES if switcher_tab(frame, _(page), width) is not None]
        check(len(shown) >= 4, f'the switcher shows only {shown}: {names(frame)}')

        for number, page in enumerate(shown, 1):
            tab = switcher_tab(frame, _(page), width)
            click(tab)
            wait_until(f'the {page} page', lambda: tab.getState().contains(pyatspi.STATE_SELECTED))
            time.sleep(0.5)
            slug = page.lower().replace(' ', '-')
            print(f'# screenshot: {screenshot(frame, f"{tag}-{number}-{slug}")}')

        # The trash, from the primary menu.
        menu = find_control(frame, pyatspi.ROLE_PUSH_BUTTON, _('Main Menu'))
        check(menu is not None, f'no “{_("Main Menu")}” button: {names(frame)}')
        click(menu)
        item = wait_until('the Trash menu item',
                          lambda: find_control(frame, pyatspi.ROLE_MENU_ITEM, _('Trash')))
        click(item)
        wait_until('the trash', lambda: find_control(frame, pyatspi.ROLE_PUSH_BUTTON, _('Back')))
        wait_until('the trashed question', lambda: find_control(frame, pyatspi.ROLE_PUSH_BUTTON,
                                                                 _('Restore')))
        print(f'# screenshot: {screenshot(frame, f"{tag}-7-trash")}')
        click(find_control(frame, pyatspi.ROLE_PUSH_BUTTON, _('Back')))

        # Search, from the header bar's button.
        search = wait_until('the Search button',
                            lambda: find_control(frame, pyatspi.ROLE_PUSH_BUTTON, _('Search')))
        click(search)
        entry = wait_until('the search entry', lambda: next(
            (node for node, _path in walk(frame)
             if node.getRole() in (pyatspi.ROLE_ENTRY, pyatspi.ROLE_TEXT)
             and node.getState().contains(pyatspi.STATE_EDITABLE)), None))
        entry.queryEditableText().setTextContents(_('Nausea')[:5])
        wait_until('search results', lambda: any(_('Nausea') in name for name in names(frame)))
        print(f'# screenshot: {screenshot(frame, f"{tag}-8-search")}')

        # Every page has been shown, so read: GTK 4.8 keeps the hidden pages
        # of a stack in the tree, and one walk sees them all.
        problems = unnamed_controls(frame)

        carnet.quit()
    except GLib.Error as e:
        raise Failure(f'{e}\n{carnet.output()}')
    finally:
        carnet.kill()

    check(not problems, 'controls without an accessible name:\n' + '\n'.join(problems))


def test_english_wide(home):
    visit_every_page(home, 'en', 1200, 800)


def test_english_narrow(home):
    visit_every_page(home, 'en', 360, 720)


def test_french_wide(home):
    visit_every_page(home, 'fr', 1200, 800)


def test_french_narrow(home):
    visit_every_page(home, 'fr', 360, 720)


TESTS = [test_english_wide, test_english_narrow, test_french_wide, test_french_narrow]


def main():
    print(f'1..{len(TESTS)}')
    failed = 0
    french = os.path.exists(os.path.join(LOCALEDIR, 'fr', 'LC_MESSAGES', 'carnet.mo'))
    for number, test in enumerate(TESTS, 1):
        if 'french' in test.__name__ and not french:
            print(f'ok {number} {test.__name__} # SKIP the French catalogue is not built')
            continue
        home = tempfile.mkdtemp(prefix='carnet-e2e-pages-')
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
