"""The real-interaction logbook form in Chromium (issue 14, issue 16 point 4): everything typed is anonymised and
previewed, forgetting the confirm tick loses nothing, the reply is judged on what was pasted, and only anonymised
text is saved."""
from __future__ import annotations

import re

import pytest

from tests.browser.conftest import check

pytestmark = pytest.mark.browser

CUSTOMER = "Hi, Mhairi MacGillivray here (@mhairimac). My parcel never came, email mhairi.mac@example.com"
REPLY = ("Hi Mhairi, so sorry your parcel hasn't arrived. I've emailed you at mhairi.mac@example.com with a tracking "
         "link and refunded the postage.")
SECRETS = ("Mhairi", "MacGillivray", "mhairimac", "mhairi.mac", "example.com", "14/03/1987", "07700")


def test_the_real_interaction_form_previews_everything_keeps_work_and_judges_the_original(page):
    page.goto("/logbook/real")
    page.get_by_label("The customer's message").fill(CUSTOMER)
    page.get_by_label("Your reply").fill(REPLY)
    page.get_by_label("Platform", exact=True).select_option("facebook")
    page.get_by_label("Title", exact=True).fill("Mhairi MacGillivray's missing parcel")
    page.get_by_label("What went well", exact=True).fill("I used Mhairi's name and said sorry.")
    page.get_by_label("Even better if", exact=True).fill("She gave her DOB 14/03/1987 in public: take it to DM.")
    page.get_by_label("What I will do next", exact=True).fill("Ring 07700 900461 only after a DM.")
    page.get_by_label(re.compile(r"^P3 ")).check()
    page.get_by_label(re.compile(r"^P5 ")).check()
    check(page, "30-real-interaction-paste")
    page.get_by_role("button", name="Anonymise and preview").click()
    page.get_by_role("heading", name="Check the anonymised text").wait_for()

    # The preview: every field anonymised, one pseudonym per person, nothing personal anywhere in the page.
    assert page.locator("#customer").input_value() == ("Hi, Customer A here (@customer_a). My parcel never came, "
                                                       "email customer.a@example.invalid")
    assert page.locator("#title").input_value() == "Customer A's missing parcel"
    assert page.locator("#even_better_if").input_value() == "She gave her DOB [date of birth 1] in public: take it to DM."
    assert page.locator("#next").input_value() == "Ring [phone 1] only after a DM."
    html = page.content()
    for secret in SECRETS:
        assert secret not in html, secret
    assert page.get_by_label(re.compile(r"^P3 ")).is_checked() and page.get_by_label(re.compile(r"^P5 ")).is_checked()
    check(page, "31-real-interaction-preview")

    # Forgetting the tick: the error, and the title, reflection and criteria ticks as they were (with an edit).
    page.locator("#went_well").fill("I used Customer A's name, said sorry and gave a next step.")
    page.get_by_role("button", name="Score it and save to my logbook").click()
    page.get_by_role("alert").get_by_text("Tick the box to confirm").wait_for()
    assert page.locator("#title").input_value() == "Customer A's missing parcel"
    assert page.locator("#went_well").input_value() == "I used Customer A's name, said sorry and gave a next step."
    assert page.locator("#even_better_if").input_value() == "She gave her DOB [date of birth 1] in public: take it to DM."
    assert page.get_by_label(re.compile(r"^P3 ")).is_checked() and page.get_by_label(re.compile(r"^P5 ")).is_checked()
    check(page, "32-real-interaction-no-tick")

    page.get_by_label("I confirm this text is anonymised").check()
    page.get_by_role("button", name="Score it and save to my logbook").click()
    page.get_by_role("heading", name="The interaction (anonymised)").wait_for()
    check(page, "33-real-interaction-saved")
    assert page.get_by_role("heading", level=1).inner_text() == "Customer A's missing parcel"
    # Judged on what was pasted: the e-mail address in a public reply fails data protection.
    row = page.get_by_role("row", name=re.compile(r"^Data protection"))
    assert "fail" in row.inner_text().lower()
    html = page.content()
    for secret in SECRETS:
        assert secret not in html, secret
    assert "I used Customer A's name, said sorry and gave a next step." in html
