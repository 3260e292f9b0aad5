"""Rebuild portfolio/data/{first_names,surnames,name_words,word_like_names,street_suffixes,common_words}.txt (run by
hand; not a test).

The name gazetteer is taken from Faker's person providers (offline, MIT licensed) for the locales
below, which cover the names most common among UK customers. `name_words.txt` lists the names that
are also common English words (from pyspellchecker's English frequency list): the anonymiser treats
those as names only with supporting context (a greeting, a title, a neighbouring name).

Usage: .venv/bin/python tests/portfolio/make_gazetteer.py   (needs Debian's wbritish for the dictionary words)
"""
import gzip
import importlib
import json
import re
import sys
from pathlib import Path

GAZETTEER_LOCALES = (
    "en", "en_GB", "en_US", "en_IE", "ga_IE", "en_IN", "en_NZ", "en_KE", "en_NG", "en_PK", "hi_IN",
    "yo_NG", "ig_NG", "ha_NG", "tw_GH", "pl_PL", "ro_RO", "lt_LT", "it_IT", "fr_FR", "de_DE",
    "es_ES", "pt_PT", "pt_BR", "tr_TR", "sk_SK", "hr_HR",
    # Added for issue 14 (UK communities the lists above missed): Vietnamese, Swahili, Zulu, Chinese in pinyin.
    "vi_VN", "sw", "zu_ZA", "zh_CN", "zh_TW",
)
# Locales deliberately NOT in the gazetteer: the recall measurement uses them as unseen names.
# Names that are also everyday words, beyond the 3,000 most frequent English words.
MANUAL_WORDS = set("""Grace Rose Bill Mark Will Joy Hope Faith Dawn Holly Ivy Amber Daisy Penny Ruby Pearl Crystal
Jack Frank Ray Pat Drew Sue Rob Nick Bob Dot Kit Chuck Cliff Gene Sandy Sunny Summer Autumn April June August
Lane Hill Wood Ward Fox Lamb Hunter Baker Cook Mason Carter Turner Archer Bishop Foster Cherry Olive Lily Melody
Harmony Destiny Patience Charity Mercy Liberty Bond Gray Grey Banks Burns Fields Gates Waters Shields Chambers
Savage Swift Ferry Pope Monk Sharp Miles Chase Heather Iris Jade Robin Sky Storm Page Marsh Moss Stone Field
Day Winter Brown Green White Black Young King Hall Bell Hunt Price Long Little Rich Grant Mark Mason Norman
Florence Chester Lincoln Jersey Kent Devon Paris Sydney Austin Dallas Phoenix Georgia Carolina Virginia""".split())
# Two-letter names that are English words ("Do", "He", "So"): never in the gazetteer.
TWO_LETTER_WORDS = set(
    "do so he ye lo ma ho bo ko na le la li no me we us an as at be by go if in is it of on or to up".split()) - {"li"}
BRITISH_DICT = "/usr/share/dict/british-english"   # apt-get install wbritish (only to rebuild the lists)
HELD_OUT_LOCALES = ("nl_NL", "sv_SE", "fi_FI", "hu_HU", "da_DK", "cs_CZ")
LATIN = re.compile(r"^[A-Za-zÀ-ÖØ-öø-ÿĀ-ž'’\-]{2,}$")
DATA = Path(__file__).resolve().parents[2] / "portfolio" / "data"
sys.path.insert(0, str(Path(__file__).resolve().parent))


def names_of(locale):
    provider = importlib.import_module(f"faker.providers.person.{locale}").Provider
    firsts, lasts = set(), set()
    for attr in ("first_names", "first_names_male", "first_names_female", "first_names_nonbinary",
                 "first_romanized_names"):
        value = getattr(provider, attr, ())
        firsts |= set(value.keys() if isinstance(value, dict) else value)
    for attr in ("last_names", "last_names_male", "last_names_female", "last_romanized_names"):
        value = getattr(provider, attr, ())
        lasts |= set(value.keys() if isinstance(value, dict) else value)
    return keep(firsts), keep(lasts)


def keep(names) -> set:
    """Latin-script names as they are written ("FAN" in Faker's pinyin lists is "Fan"), without two-letter words."""
    names = {n.strip().title() if n.strip().isupper() else n.strip() for n in names}
    return {n for n in names if LATIN.match(n) and n.lower() not in TWO_LETTER_WORDS}


def main():
    import uk_names

    firsts, lasts = set(), set()
    for locale in GAZETTEER_LOCALES:
        f, l = names_of(locale)
        firsts |= f
        lasts |= l
    # The hand-written lists of UK nations' and communities' names (tests/portfolio/uk_names.py).
    firsts |= keep(uk_names.all_first())
    lasts |= keep(uk_names.all_surnames())
    spell = Path(importlib.import_module("spellchecker").__file__).parent / "resources" / "en.json.gz"
    freq = json.loads(gzip.open(spell).read())
    common = {w for w, _ in sorted(freq.items(), key=lambda kv: -kv[1])[:3000]}
    # Names that are also lower-case words of the British English dictionary (Debian's wbritish: "echo", "berry",
    # "wade", "young", "power") need support too, unless they are UK first names that are rarely words ("Martin",
    # "Victor", "Dean": spelling-list frequency under 20,000).
    dictionary = {w.strip() for w in open(BRITISH_DICT, encoding="utf-8") if w[:1].islower() and "'" not in w}
    core = set()
    for locale in ("en_GB", "en_IE", "ga_IE"):
        core |= {n.lower() for n in names_of(locale)[0]}
    core |= {n.lower() for n in uk_names.all_first()}
    protected = {n for n in core if freq.get(n, 0) < 20000}
    words = sorted(n for n in firsts | lasts if n.lower() in common or n in MANUAL_WORDS
                   or (n.lower() in dictionary and n.lower() not in protected))
    top5000 = [w for w, _ in sorted(freq.items(), key=lambda kv: -kv[1])[:6000] if w.isalpha()]
    (DATA / "common_words.txt").write_text("\n".join(sorted(set(top5000))) + "\n", encoding="utf-8")
    street = importlib.import_module("faker.providers.address.en_GB").Provider.street_suffixes
    uk = ["Road", "Rd", "Street", "St", "Avenue", "Ave", "Lane", "Ln", "Close", "Drive", "Dr", "Way",
          "Crescent", "Court", "Ct", "Place", "Pl", "Gardens", "Grove", "Terrace", "Hill", "Square", "Sq",
          "Mews", "Row", "Walk", "Park", "Rise", "View", "Green", "Parade", "Vale", "Gate", "Wharf",
          "Fields", "Meadow", "Mount", "Crescent", "Drove", "Wynd", "Yard", "Approach", "Broadway"]
    # Names only from the non-UK lists that are also frequent English words (Curt, Sterling, Bliss, Moody):
    # the anonymiser reads them as words when they open a sentence with nothing to say they are names.
    gb_firsts, gb_lasts = names_of("en_GB")
    word_like = sorted(n.lower() for n in firsts | lasts
                       if freq.get(n.lower(), 0) >= 150 and n.lower() not in {g.lower() for g in gb_firsts | gb_lasts}
                       and n not in words)
    # Names that are also words people type in lower case: a lone lower-case one is read as the word.
    lower = sorted({n.lower() for n in firsts | lasts if freq.get(n.lower(), 0) >= 2000 or n.lower() in dictionary}
                   | {w.lower() for w in words})
    (DATA / "lower_words.txt").write_text("\n".join(lower) + "\n", encoding="utf-8")
    (DATA / "word_like_names.txt").write_text("\n".join(sorted(set(word_like))) + "\n", encoding="utf-8")
    for name, values in (("first_names", firsts), ("surnames", lasts), ("name_words", words),
                         ("street_suffixes", set(street) | set(uk))):
        (DATA / f"{name}.txt").write_text("\n".join(sorted(values)) + "\n", encoding="utf-8")
        print(name, len(values))


if __name__ == "__main__":
    main()
