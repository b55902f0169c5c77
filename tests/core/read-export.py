#!/usr/bin/python3
# read-export.py: Carnet's exports read back by independent parsers
# SPDX-License-Identifier: GPL-3.0-or-later
#
#   read-export.py ics FILE   python3-icalendar, repeats expanded with dateutil
#   read-export.py csv FILE   the csv module
#
# Prints what was read as JSON on stdout, for test-export to compare with the
# notebook. Exit status 77 when a module is missing (the test then skips).

import csv
import datetime
import json
import sys
import zoneinfo

kind, path = sys.argv[1], sys.argv[2]

if kind == 'csv':
    # newline='' as the csv module asks: quoted fields keep their newlines.
    with open(path, newline='', encoding='utf-8') as f:
        rows = list(csv.reader(f, strict=True))
    print(json.dumps({'rows': rows}))
    sys.exit(0)

try:
    import icalendar
    from dateutil import rrule
except ImportError:
    sys.exit(77)

with open(path, 'rb') as f:
    calendar = icalendar.Calendar.from_ical(f.read())

horizon = datetime.datetime(2030, 1, 1, tzinfo=datetime.timezone.utc)
events = []
for event in calendar.walk('VEVENT'):
    start = event.get('dtstart').dt
    all_day = not isinstance(start, datetime.datetime)
    item = {
        'uid': str(event.get('uid')),
        'summary': str(event.get('summary')),
        'all_day': all_day,
        'location': str(event['location']) if 'location' in event else None,
        'description': str(event['description']) if 'description' in event else None,
        'status': str(event.get('status')),
        'tzid': event.get('dtstart').params.get('TZID'),
        'alarms': [],
        'occurrences': [],
    }
    if all_day:
        item['start'] = start.isoformat()
        item['end'] = event.get('dtend').dt.isoformat() if 'dtend' in event else None
    else:
        item['start'] = start.isoformat()
        item['end'] = event.get('dtend').dt.isoformat() if 'dtend' in event else None
    for alarm in event.walk('VALARM'):
        trigger = alarm.get('trigger').dt
        item['alarms'].append({'action': str(alarm.get('action')),
                               'minutes_before': int(-trigger.total_seconds() // 60),
                               'days': -trigger.days if trigger.seconds == 0 else None,
                               'description': str(alarm.get('description'))})
    if 'rrule' in event:
        # Repeats run on the wall clock of the TZID (RFC 5545); icalendar may
        # hand out a pytz zone frozen at the first offset, so use zoneinfo.
        if item['tzid']:
            start = start.replace(tzinfo=zoneinfo.ZoneInfo(item['tzid']))
        rule = rrule.rrulestr(event.get('rrule').to_ical().decode(), dtstart=start)
        excluded = set()
        exdates = event.get('exdate')
        if exdates is not None:
            for exdate in (exdates if isinstance(exdates, list) else [exdates]):
                for d in exdate.dts:
                    excluded.add(d.dt.replace(tzinfo=start.tzinfo) if item['tzid'] else d.dt)
        for occurrence in rule:
            if not all_day and occurrence >= horizon:
                break
            if occurrence not in excluded:
                item['occurrences'].append(occurrence.isoformat())
    events.append(item)

zones = [str(z.get('tzid')) for z in calendar.walk('VTIMEZONE')]
print(json.dumps({'events': events, 'zones': zones,
                  'version': str(calendar.get('version')),
                  'prodid': str(calendar.get('prodid'))}))
