"""One manifest format for every ZIP of evidence (a learner's evidence pack and a cohort export), and its check.

manifest.json (schema ``evidence-manifest/1``; the full description is in portfolio/README.md, "Manifest"):

    {"schema": "evidence-manifest/1",
     "kind": "evidence-pack" | "cohort-export",
     "generated_at": "2026-12-07T03:50:00+00:00",
     "include": ["evidence", "reflections"],
     "candidate_number": "RR-2026-0001",          # evidence-pack only
     "cohort": {"id": 3, "name": "..."},          # cohort-export only
     "files": [{"name": "portfolio.pdf", "bytes": 12345, "sha256": "<64 hex>"}, ...],
     "note": "..."}

``name`` is the file's path relative to the folder that holds manifest.json. Every other file in the ZIP is listed;
the manifest's own SHA-256 is recorded outside the ZIP (the page that offers the download shows it).
"""
from __future__ import annotations

import hashlib
import io
import json
import re
import zipfile
from dataclasses import dataclass, field

SCHEMA = "evidence-manifest/1"
KINDS = ("evidence-pack", "cohort-export")
NOTE = ("manifest.json lists every other file in this ZIP (name relative to this folder) with its size and SHA-256. "
        "It cannot list its own hash: that is recorded outside the ZIP when the ZIP is made (shown on the page that "
        "offers the download, printed by the CLI). Verify: `flask --app app portfolio verify FILE.zip "
        "[--sha256 HASH]`, or sha256sum manifest.json equals the recorded hash, then each file's sha256sum "
        "equals its entry here.")
_HEX64 = re.compile(r"[0-9a-f]{64}")


def file_entry(name: str, body: bytes) -> dict:
    """One line of a manifest's files: the name relative to the manifest's folder, its size and SHA-256."""
    return {"name": name, "bytes": len(body), "sha256": hashlib.sha256(body).hexdigest()}


def manifest_bytes(kind: str, files: dict[str, bytes] | list[dict], *, generated_at: str, include,
                   **header) -> bytes:
    """The manifest.json for these files (name -> bytes, or entries made by `file_entry` as they were written)."""
    if kind not in KINDS:
        raise ValueError(f"kind: {kind!r}, expected one of {KINDS}")
    entries = [file_entry(n, b) for n, b in files.items()] if isinstance(files, dict) else list(files)
    body = {"schema": SCHEMA, "kind": kind, "generated_at": generated_at, "include": list(include), **header,
            "files": entries, "note": NOTE}
    return json.dumps(body, indent=2, sort_keys=True, ensure_ascii=False).encode("utf-8")


@dataclass
class Verification:
    """What `verify_zip` found: ok only when every check passed."""

    manifest_sha256: str = ""
    checked: int = 0
    problems: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems and self.checked > 0


def _schema_problems(manifest) -> list[str]:
    if not isinstance(manifest, dict):
        return ["manifest.json: a JSON object is expected"]
    problems = []
    if manifest.get("schema") != SCHEMA:
        problems.append(f"manifest.json: schema {manifest.get('schema')!r}, expected {SCHEMA!r}")
    if manifest.get("kind") not in KINDS:
        problems.append(f"manifest.json: kind {manifest.get('kind')!r}, expected one of {KINDS}")
    files = manifest.get("files")
    if not isinstance(files, list) or not files:
        return problems + ["manifest.json: files must be a non-empty list"]
    for i, entry in enumerate(files):
        if not isinstance(entry, dict) or set(entry) != {"name", "bytes", "sha256"}:
            problems.append(f"manifest.json: files[{i}] must have exactly name, bytes and sha256")
        elif not _HEX64.fullmatch(str(entry["sha256"])):
            problems.append(f"manifest.json: files[{i}].sha256 is not 64 lower-case hex digits")
    return problems


def verify_zip(data: bytes, expected_manifest_sha256: str | None = None) -> Verification:
    """Check a pack or cohort ZIP against its manifest (and the manifest against its recorded hash, if given)."""
    report = Verification()
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except zipfile.BadZipFile:
        report.problems.append("not a ZIP file")
        return report
    with archive:
        names = [n for n in archive.namelist() if not n.endswith("/")]
        manifests = [n for n in names if n.rsplit("/", 1)[-1] == "manifest.json"]
        if len(manifests) != 1:
            report.problems.append(f"expected one manifest.json, found {len(manifests)}")
            return report
        raw = archive.read(manifests[0])
        report.manifest_sha256 = hashlib.sha256(raw).hexdigest()
        if expected_manifest_sha256 and expected_manifest_sha256.strip().lower() != report.manifest_sha256:
            report.problems.append(f"manifest.json: SHA-256 {report.manifest_sha256} is not the recorded "
                                   f"{expected_manifest_sha256.strip().lower()}: the manifest was changed")
        try:
            manifest = json.loads(raw)
        except ValueError:
            report.problems.append("manifest.json: not valid JSON")
            return report
        problems = _schema_problems(manifest)
        if problems:
            report.problems += problems
            return report
        folder = manifests[0][: -len("manifest.json")]
        listed = {}
        for entry in manifest["files"]:
            path = folder + entry["name"]
            listed[path] = entry
            if path not in names:
                report.problems.append(f"{entry['name']}: listed in the manifest but not in the ZIP")
                continue
            body = archive.read(path)
            if len(body) != entry["bytes"] or hashlib.sha256(body).hexdigest() != entry["sha256"]:
                report.problems.append(f"{entry['name']}: changed since the manifest was written (SHA-256 differs)")
            report.checked += 1
        for extra in sorted(set(names) - set(listed) - {manifests[0]}):
            report.problems.append(f"{extra}: in the ZIP but not in the manifest")
    return report
