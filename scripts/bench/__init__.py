#!/usr/bin/env python3
"""`make bench`: sangtao on synthetic districts and provinces, measured side by side.

For each size N (1,000 and 10,000 dossiers; 100 and 1,000 with ``--quick``) the script builds
a throw-away repository in a temporary folder: the project's ``schema/``, ``docs/`` and
``mkdocs.yml``, a roster, one cycle and N dossiers of realistic Vietnamese text, committed
through ONE ``git fast-import`` stream as a few hundred pull-request merges on ``main``. It then
runs, each as a subprocess (wall time with ``time.perf_counter``, peak memory from
``/usr/bin/time`` or ``os.wait4``):

* ``sangtao check`` against ``check-jsonschema`` on the same files;
* receipt times: ``sangtao.history.read_history`` (one ``git log`` pass) against one ``git log``
  per file on a sample, extrapolated to every file, and checks that both agree;
* ``sangtao status --format json``;
* ``mkdocs build --strict`` of the whole site, with the size of its pages and search index.

It prints PASS/FAIL for each target of the issue and, unless ``--quick``, rewrites
``docs/performance.md`` with the numbers and the machine they were measured on.
"""

from pathlib import Path

PROJECT = Path(__file__).resolve().parents[2]
