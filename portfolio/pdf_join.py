"""Join tagged PDFs written separately (by WeasyPrint, with pdf/ua-1) into one tagged PDF.

Why: an attempt's written pages never change once it is scored, so a repeat export can keep each part's
written PDF and only write what changed. Joining keeps what PDF/UA needs from every part:

- pages, in order, with their resources (each part keeps its own font subsets);
- the structure tree: every part's top-level elements become children of the first part's Document
  element, and each part's ParentTree keys are shifted past the previous parts' (pages' /StructParents
  and annotations' /StructParent shifted to match);
- named destinations: one sorted /Dests name tree, so a link in one part (the contents) reaches an
  anchor in another (an attempt). A part written with stand-in anchors for targets it links to but does
  not hold (see ``stand_ins``) has those stand-ins dropped here in favour of the real ones;
- outlines (bookmarks): each part's top-level items appended in order;
- fonts: WeasyPrint tags every subset of a font with the same six letters ("XKQQSR+DejaVu-Sans"), so
  once joined, different subsets would share a name (viewers may pick the wrong glyphs). Each subset is
  renamed by a hash of its font file, and byte-identical font files are kept once;
- the first part's catalog entries (language, XMP metadata with pdfuaid, MarkInfo, viewer preferences)
  and document information.

Uses pikepdf (qpdf): copying a page and then an object that refers to it (a structure element's /Pg, a
destination) maps both to the same copy, so references stay consistent.
"""
from __future__ import annotations

import hashlib
import io
import warnings

import pikepdf
from pikepdf import Array, Dictionary, Name, String


def _leaves(tree, key: str) -> list:
    """The flat [key, value, ...] pairs of a name tree (``key`` "/Names") or number tree ("/Nums"), from its
    leaf and any /Kids."""
    if tree is None:
        return []
    out = list(tree.get(key, []))
    for kid in tree.get("/Kids", []):
        out.extend(_leaves(kid, key))
    return out


def _copy(out, obj):
    """Copy ``obj`` from another PDF into ``out``; direct arrays and dictionaries are copied member by member
    (copy_foreign takes indirect objects only)."""
    if isinstance(obj, (Array, Dictionary)) and not obj.is_indirect:
        if isinstance(obj, Array):
            return Array([_copy(out, x) for x in obj])
        return Dictionary({k: _copy(out, v) for k, v in obj.items()})
    if isinstance(obj, pikepdf.Object) and obj.is_indirect:
        return out.copy_foreign(obj)
    return obj


def _font_file(font):
    """(descriptor, key of its font file) of a font dictionary, or (None, None)."""
    holder = font.DescendantFonts[0] if "/DescendantFonts" in font else font
    descriptor = holder.get("/FontDescriptor")
    if descriptor is None:
        return None, None
    for key in ("/FontFile2", "/FontFile3", "/FontFile"):
        if key in descriptor:
            return descriptor, key
    return descriptor, None


class _Fonts:
    """Renames font subsets by their content and keeps byte-identical font files once."""

    def __init__(self):
        self.files: dict[bytes, object] = {}
        self.done: set = set()

    def resources(self, resources):
        """The fonts of a resource dictionary and of the forms and patterns it holds (each shared one once)."""
        if resources is None:
            return
        if resources.is_indirect:
            if resources.objgen in self.done:
                return
            self.done.add(resources.objgen)
        for font in (resources.get("/Font") or {}).values():
            self.font(font)
        for holder in [*(resources.get("/XObject") or {}).values(), *(resources.get("/Pattern") or {}).values()]:
            if isinstance(holder, (Dictionary, pikepdf.Stream)):
                self.resources(holder.get("/Resources"))

    def font(self, font):
        if font.objgen in self.done:
            return
        self.done.add(font.objgen)
        descriptor, key = _font_file(font)
        name = str(font.get("/BaseFont", ""))
        if key is None or "+" not in name:
            return   # not an embedded subset
        body = descriptor[key].read_raw_bytes()
        digest = hashlib.sha256(body).digest()
        kept = self.files.setdefault(digest, descriptor[key])
        if kept.objgen != descriptor[key].objgen:
            descriptor[key] = kept
        renamed = Name("/" + "".join(chr(65 + b % 26) for b in digest[:6]) + "+" + name.split("+", 1)[1])
        font.BaseFont = renamed
        if "/DescendantFonts" in font:
            font.DescendantFonts[0].BaseFont = renamed
        descriptor.FontName = renamed


def _chain(first):
    item = first
    while item is not None:
        yield item
        item = item.get("/Next")


def _shift_struct_parents(pages, offset: int) -> None:
    """Move a part's pages' and annotations' ParentTree keys past the keys of the parts before it."""
    for page in pages:
        if "/StructParents" in page.obj:
            page.obj.StructParents = int(page.obj.StructParents) + offset
        for annot in page.obj.get("/Annots", []):
            if "/StructParent" in annot:
                annot.StructParent = int(annot.StructParent) + offset


def _append_outlines(out, outlines, src):
    """Append ``src``'s top-level bookmarks (with their children) to ``outlines``; returns the outline root."""
    src_outlines = src.Root.get("/Outlines")
    if src_outlines is None or "/First" not in src_outlines:
        return outlines
    copied = out.copy_foreign(src_outlines)
    if outlines is None or "/First" not in outlines:
        outlines = out.make_indirect(Dictionary(Type=Name.Outlines, Count=0))
        out.Root.Outlines = outlines
        last = None
    else:
        last = outlines.Last
    for item in _chain(copied.First):
        item.Parent = outlines
    if last is None:
        outlines.First = copied.First
    else:
        last.Next, copied.First.Prev = copied.First, last
    outlines.Last = copied.Last
    outlines.Count = int(outlines.get("/Count", 0)) + int(copied.get("/Count", 0))
    return outlines


def _dests(pdf) -> list:
    return _leaves(pdf.Root.get("/Names", {}).get("/Dests"), "/Names")


def join(parts: list[tuple[bytes, frozenset]]) -> bytes:
    """``parts``: (written PDF, names of its stand-in anchors) in reading order. Returns the joined PDF."""
    out = pikepdf.open(io.BytesIO(parts[0][0]))
    root = out.Root
    tree = root.StructTreeRoot
    document = tree.K[0] if isinstance(tree.K, Array) else tree.K
    nums = _leaves(tree.ParentTree, "/Nums")
    next_key = max((int(k) for k in nums[0::2]), default=-1) + 1
    dests = {str(name): dest for name, dest in zip(*[iter(_dests(out))] * 2) if str(name) not in parts[0][1]}
    outlines = root.get("/Outlines")
    fonts = _Fonts()
    for page in out.pages:
        fonts.resources(page.obj.get("/Resources"))

    for body, stand_ins in parts[1:]:
        src = pikepdf.open(io.BytesIO(body))
        first_page = len(out.pages)
        # Pages first: qpdf then maps every later reference to them (a structure element's /Pg, a
        # destination) onto these copies.
        with warnings.catch_warnings():
            # pikepdf warns that copied pages lose their named destinations: the /Dests tree is rebuilt below.
            warnings.simplefilter("ignore", pikepdf.PageCopyWarning)
            out.pages.extend(src.pages)
        added = out.pages[first_page:]
        for page in added:
            fonts.resources(page.obj.get("/Resources"))
        offset = next_key
        _shift_struct_parents(added, offset)
        # The whole structure tree in one copy (one qpdf call, not one per element), its top-level elements
        # moved under this document's Document element.
        src_tree = out.copy_foreign(src.Root.StructTreeRoot)
        src_doc = src_tree.K[0] if isinstance(src_tree.K, Array) else src_tree.K
        kids = src_doc.K if isinstance(src_doc.K, Array) else [src_doc.K]
        for element in kids:
            element.P = document
        document.K.extend(kids)
        src_nums = _leaves(src_tree.ParentTree, "/Nums")
        for key, value in zip(src_nums[0::2], src_nums[1::2]):
            nums.extend([int(key) + offset, value])
            next_key = max(next_key, int(key) + offset + 1)
        for name, dest in zip(*[iter(_dests(src))] * 2):
            if str(name) not in stand_ins:
                dests.setdefault(str(name), _copy(out, dest))
        outlines = _append_outlines(out, outlines, src)

    tree.ParentTree = out.make_indirect(Dictionary(Nums=Array(nums)))
    tree.ParentTreeNextKey = next_key
    if dests:
        names = root.get("/Names") or Dictionary()
        flat = []
        # A name tree's keys are sorted (anchors are ASCII).
        for name in sorted(dests, key=lambda n: n.encode("utf-8")):
            flat.extend([String(name), dests[name]])
        names.Dests = out.make_indirect(Dictionary(Names=Array(flat)))
        root.Names = names
    buffer = io.BytesIO()
    # Streams are written as they are (already compressed by WeasyPrint): decoding and recompressing
    # them cost 40% of the join.
    out.save(buffer, deterministic_id=True, stream_decode_level=pikepdf.StreamDecodeLevel.none,
             object_stream_mode=pikepdf.ObjectStreamMode.generate)
    return buffer.getvalue()
