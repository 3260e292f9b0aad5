"""The scenario library and the generated customers, cached per process, and the stored instance each attempt
plays: an attempt keeps its customers after its scenario file is edited.

Every process (each gunicorn worker, each queue worker) keeps its own copy of the library, and checks the scenario
folder's fingerprint (every file's name, size and modification time) at most every LIBRARY_CHECK_SECONDS: an edited,
added or removed scenario file reaches every process within that time, without a restart (issue 17). Scenarios
authored in the app are read from the database on each request (web/services/authoring.py)."""
from __future__ import annotations

import json
import os
import threading
import time
from collections import OrderedDict
from functools import lru_cache

from flask import current_app
from sqlalchemy import select

import simulator
from web.extensions import db
from web.models import ScenarioInstance
from web.services.errors import AttemptError

_libraries: dict[str, tuple[tuple, float, simulator.Library]] = {}   # folder -> (fingerprint, checked at, library)
_libraries_lock = threading.Lock()


def folder_fingerprint(path: str) -> tuple:
    """Every file under the folder with its size and modification time: any edit, addition or removal changes it."""
    found = []
    for folder, _dirs, files in os.walk(path):
        for name in files:
            try:
                stat = os.stat(os.path.join(folder, name))
            except OSError:   # removed while we looked: the next check sees it gone
                continue
            found.append((os.path.relpath(os.path.join(folder, name), path), stat.st_size, stat.st_mtime_ns))
    return tuple(sorted(found))


def _library(path: str, check_seconds: float = 2.0) -> simulator.Library:
    now = time.monotonic()
    with _libraries_lock:
        known = _libraries.get(path)
    if known is not None and now - known[1] < check_seconds:
        return known[2]
    fingerprint = folder_fingerprint(path)
    if known is not None and known[0] == fingerprint:
        lib = known[2]
    else:
        lib = simulator.load_library(path)
    with _libraries_lock:
        _libraries[path] = (fingerprint, now, lib)
    return lib


def library() -> simulator.Library:
    return _library(str(current_app.config["SCENARIO_DIR"]), current_app.config.get("LIBRARY_CHECK_SECONDS", 2.0))


def scenario(scenario_id: str) -> simulator.Scenario:
    try:
        return library().get(scenario_id)
    except simulator.UnknownScenarioError as exc:
        raise AttemptError(f"There is no scenario called {scenario_id!r}.") from exc


@lru_cache(maxsize=256)
def _generate(scenario_dir: str, scenario_id: str, version: str, seed: int) -> simulator.Instance:
    lib = _library(scenario_dir)
    return simulator.generate(lib.get(scenario_id), seed, library=lib)


def generated(sc: simulator.Scenario, seed: int) -> simulator.Instance:
    """The Instance the current version of this scenario generates for this seed (cached per process)."""
    return _generate(str(current_app.config["SCENARIO_DIR"]), sc.id, sc.version, seed)


STORED_CACHE_SIZE = 256
_stored: OrderedDict[tuple, simulator.Instance] = OrderedDict()
_stored_lock = threading.Lock()


def _from_stored(row: ScenarioInstance) -> simulator.Instance:
    """A stored row's Instance, cached per process. A row is written once and never changed, and (scenario id,
    version, seed) names one row, the version being the scenario file's content hash: so that key says which
    data the row holds, and a cached row's data column (large and deferred) is never even read (issue 17)."""
    key = (row.scenario_id, row.scenario_version, row.seed)
    with _stored_lock:
        inst = _stored.get(key)
        if inst is not None:
            _stored.move_to_end(key)
            return inst
    inst = simulator.Instance.from_dict(json.loads(json.dumps(row.data)))
    with _stored_lock:
        _stored[key] = inst
        if len(_stored) > STORED_CACHE_SIZE:
            _stored.popitem(last=False)
    return inst


def instance_for(row: ScenarioInstance) -> simulator.Instance:
    """The simulator's Instance for a stored row: rebuilt from the stored data, so an attempt keeps working
    after its scenario file is edited (older simulators without Instance.from_dict: regenerated)."""
    if hasattr(simulator.Instance, "from_dict"):
        return _from_stored(row)
    sc = scenario(row.scenario_id)
    if sc.version != row.scenario_version:
        raise AttemptError("This scenario has been edited since the attempt started, so the customer can no "
                           "longer answer. Start it again from the catalogue.")
    return generated(sc, row.seed)


_stored_dicts: OrderedDict[tuple, dict] = OrderedDict()


def instance_dict_for(row: ScenarioInstance) -> dict:
    """instance_for(row).to_dict(), built once per process and shared by every request that shows the instance (the
    workspace reads it on every view): treat it as read-only."""
    key = (row.scenario_id, row.scenario_version, row.seed)
    with _stored_lock:
        found = _stored_dicts.get(key)
        if found is not None:
            _stored_dicts.move_to_end(key)
            return found
    found = instance_for(row).to_dict()
    with _stored_lock:
        _stored_dicts[key] = found
        if len(_stored_dicts) > STORED_CACHE_SIZE:
            _stored_dicts.popitem(last=False)
    return found


@lru_cache(maxsize=256)
def _generate_given(sc: simulator.Scenario, seed: int) -> simulator.Instance:
    return simulator.generate(sc, seed)


def stored_instance(scenario_id: str | simulator.Scenario, seed: int) -> ScenarioInstance:
    """The ScenarioInstance row for (id, current version, seed), generated and stored once. Given a Scenario that
    is not the library's (one authored in the browser), that scenario's own version is generated."""
    sc = scenario(scenario_id) if isinstance(scenario_id, str) else scenario_id
    row = db.session.scalar(select(ScenarioInstance).where(
        ScenarioInstance.scenario_id == sc.id, ScenarioInstance.scenario_version == sc.version,
        ScenarioInstance.seed == seed))
    if row is None:
        inst = generated(sc, seed) if library().scenarios.get(sc.id) is sc else _generate_given(sc, seed)
        row = ScenarioInstance(scenario_id=sc.id, scenario_version=sc.version, seed=seed,
                               exercise_type=inst.exercise_type, title=inst.title, data=inst.to_dict())
        db.session.add(row)
        db.session.flush()
    return row
