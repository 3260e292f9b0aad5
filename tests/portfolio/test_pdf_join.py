"""The portfolio is written part by part and joined: the joined PDF must be one coherent tagged document.

Checked on the real export (pikepdf reads the objects, pypdf the text): the structure tree's elements sit
on pages of this document, every marked-content owner is in the ParentTree, the contents entries are
links that land on the right attempt, bookmarks follow the attempts, and a warm-cache export after
adding an attempt is byte-for-byte the export a cold start makes.
"""
import io
import re

import pikepdf
import pytest

import portfolio
from portfolio import pdf as pdf_module
from tests.portfolio.conftest import page_texts
from tests.portfolio.sample import make_portfolio


@pytest.fixture(scope="module")
def doc(portfolio40):
    return pikepdf.open(io.BytesIO(portfolio40))


def _elements(tree):
    """Every structure element, with the parent it names and the parent it hangs under."""
    todo = [(k, tree) for k in (tree.K if isinstance(tree.K, pikepdf.Array) else [tree.K])]
    while todo:
        element, under = todo.pop()
        if not isinstance(element, pikepdf.Dictionary) or element.get("/Type") == "/MCR":
            continue
        if "/S" not in element:
            continue
        yield element, under
        kids = element.get("/K")
        if kids is not None:
            todo.extend((k, element) for k in (kids if isinstance(kids, pikepdf.Array) else [kids]))


def test_one_document_element_holds_every_parts_structure_and_each_element_sits_on_a_page_of_this_pdf(doc):
    tree = doc.Root.StructTreeRoot
    pages = {p.obj.objgen for p in doc.pages}
    documents = [e for e, under in _elements(tree) if e.S == "/Document"]
    assert len(documents) == 1
    count = 0
    for element, under in _elements(tree):
        count += 1
        assert element.P.objgen == under.objgen, "an element's /P is not the element it hangs under"
        if "/Pg" in element:
            assert element.Pg.objgen in pages, "an element points at a page that is not in this PDF"
    assert count > 1000   # 40 attempts: headings, paragraphs, tables, cells


def test_the_parent_tree_has_one_key_per_page_and_link_and_no_key_twice(doc):
    tree = doc.Root.StructTreeRoot
    nums = list(tree.ParentTree.Nums)
    keys = [int(k) for k in nums[0::2]]
    assert len(keys) == len(set(keys))
    page_keys = [int(p.obj.StructParents) for p in doc.pages]
    annot_keys = [int(a.StructParent) for p in doc.pages for a in p.obj.get("/Annots", []) if "/StructParent" in a]
    assert len(set(page_keys)) == len(doc.pages)
    assert set(page_keys) | set(annot_keys) == set(keys)
    assert int(tree.ParentTreeNextKey) == max(keys) + 1


def test_every_contents_entry_is_a_link_that_lands_on_its_attempt(doc, portfolio40):
    texts = page_texts(portfolio40)
    page_index = {p.obj.objgen: i for i, p in enumerate(doc.pages)}
    flat = list(doc.Root.Names.Dests.Names)
    dests = {str(flat[i]): page_index[flat[i + 1][0].objgen] for i in range(0, len(flat), 2)}
    assert [str(n) for n in flat[0::2]] == sorted(str(n) for n in flat[0::2])   # a name tree is sorted
    front = next(i for i, t in enumerate(texts) if t.startswith("Attempt 1:"))
    targets = {str(a.Dest) for page in doc.pages[:front] for a in page.obj.get("/Annots", []) if "/Dest" in a}
    for n in (1, 2, 21, 40):
        assert f"attempt-{n}" in targets, f"the contents have no link to attempt {n}"
        assert texts[dests[f"attempt-{n}"]].startswith(f"Attempt {n}:")
    assert texts[dests["declaration"]].startswith("Declaration of authenticity")
    assert texts[dests["evidence-map"]].startswith("Evidence map")
    # Every link in the document resolves (no stand-in left pointing at the contents page).
    for page in doc.pages:
        for annot in page.obj.get("/Annots", []):
            if "/Dest" in annot:
                assert str(annot.Dest) in dests


def test_bookmarks_list_the_front_matter_then_every_attempt_in_order_on_its_page(doc, portfolio40):
    texts = page_texts(portfolio40)
    page_index = {p.obj.objgen: i for i, p in enumerate(doc.pages)}
    with doc.open_outline() as outline:
        top = [(item.title, page_index[item.destination[0].objgen]) for item in outline.root]
    attempts = [(title, page) for title, page in top if re.match(r"Attempt \d+:", title)]
    assert [int(re.match(r"Attempt (\d+):", t).group(1)) for t, _ in attempts] == list(range(1, 41))
    for title, page in attempts:
        assert texts[page].startswith(title[:20])
    assert top[0][1] == 0 and top[-1][0].startswith("Declaration")


@pytest.mark.slow
def test_adding_an_attempt_lays_out_only_what_changed_and_gives_the_bytes_of_a_cold_export(sample40, portfolio40):
    data, _ = sample40
    cache = portfolio.PageCache()
    portfolio.render_portfolio_pdf(dict(data, attempts=data["attempts"][:39]), cache=cache, generated_at="2026-11-23")
    laid_out = []
    real_layout = pdf_module.layout

    def counting_layout(html, stylesheets=("print.css",)):
        laid_out.append(html)
        return real_layout(html, stylesheets)

    pdf_module.layout = counting_layout
    try:
        warm = portfolio.render_portfolio_pdf(data, cache=cache, generated_at="2026-11-23")
    finally:
        pdf_module.layout = real_layout
    kinds = sorted("attempt" if 'class="part attempt' in h or "<h1>Attempt " in h else
                   "cover" if 'id="cover"' in h else "contents 1" if "<h1>Contents</h1>" in h else
                   "contents 2" if "string-set: section 'Contents'" in h else "summary" if 'id="summary"' in h else
                   "evidence map" if 'id="evidence-map"' in h else "declaration" if 'id="declaration"' in h else "?"
                   for h in laid_out)
    # Reused as written: attempts 1-39, the first page of the contents (rows 1-34) and the cover (the sample's
    # period is given, not worked out from the attempts). Changed: the last contents page, the summary, the
    # map and the declaration's page number.
    assert kinds == ["attempt", "contents 2", "declaration", "evidence map", "summary"], kinds
    assert warm == portfolio40   # portfolio40: the same 40 attempts exported in one go


def test_a_part_linking_outside_itself_gets_stand_ins_and_its_cached_pages_are_left_alone():
    data, _ = make_portfolio(2, seed=5)
    html = portfolio.exports.portfolio_html(data).replace("</body>", '<p><a href="#nowhere-else">x</a></p></body>')
    document = pdf_module.layout(html)
    before = [dict(p.anchors) for p in document.pages]
    body, stand_ins = pdf_module.write_part(document)
    assert stand_ins == {"nowhere-else"}
    assert [dict(p.anchors) for p in document.pages] == before
    joined = pikepdf.open(io.BytesIO(pdf_module.join([(body, stand_ins)])))
    assert "nowhere-else" not in [str(n) for n in joined.Root.Names.Dests.Names[0::2]]


def test_each_font_subset_has_its_own_name_so_a_viewer_cannot_mix_up_their_glyphs(doc):
    files_by_name: dict[str, set] = {}
    for page in doc.pages:
        for font in page.obj.Resources.get("/Font", {}).values():
            holder = font.DescendantFonts[0] if "/DescendantFonts" in font else font
            descriptor = holder.FontDescriptor
            body = descriptor.FontFile2.read_raw_bytes()
            name = str(font.BaseFont)
            assert name == str(holder.BaseFont) == str(descriptor.FontName)
            files_by_name.setdefault(name, set()).add(body)
    assert len(files_by_name) > 3   # one subset per part and face: many, each named once
    assert all(len(bodies) == 1 for bodies in files_by_name.values()), "two different subsets share a name"
