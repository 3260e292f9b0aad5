"""Plain-language patterns: grammar slips, officialese, jargon, codes and acronyms."""
from __future__ import annotations

import re

from rubrics.cues.matching import gate, rx

NONNATIVE_RE = rx(r"\b(?:(?:we|they|you|i)\s+has\s+\w+|(?:has|have)\s+(?:respond|reply|send|fix|check|receive)\b|"
                  r"do\s+the\s+needful|kindly\s+revert|revert\s+(?:back|to\s+you)|(?:we|you|they)\s+was\b|"
                  r"please\s+to\s+\w+|prepone|it'?s\s+resolve\b|gets?\s+resolve\b|hopefully\s+it\s+gets\s+resolve\b)")
OFFICIALESE_RE = rx(r"\b(?:please\s+be\s+advised|kindly|as\s+per|pursuant|hereby|aforementioned|herewith|"
                    r"in\s+accordance\s+with|"
                    r"at\s+this\s+moment\s+in\s+time|we\s+regret\s+to\s+inform|the\s+undersigned|non-?compliant|"
                    r"with\s+regards?\s+to\s+the\s+above|do\s+the\s+needful|revert\s+back)\b")
JARGON_RE = rx(r"\b(?:tier\s*[123]|l[123]\s+(?:team|support)|sla|rma|noc|crm|backend|back-end|provisioning|"
               r"escalation\s+matrix|ticket\s+(?:id|status)|case\s+(?:id|status)|(?:ont|olt|dslam|pon)\b|"
               r"sync\s+speed|packet\s+loss|node|upstream|downstream|mac\s+address|dns|ttl|incident\s+(?:id|number)|"
               r"p[1-4]\s+(?:incident|priority)|bau|kpi|workaround\s+ref)\b")
CODE_RE = re.compile(r"\b[A-Z]{2,6}[-_]?\d{3,}[A-Z0-9-]*\b")
ACRONYM_RE = re.compile(r"\b[A-Z][A-Z0-9&]{1,5}s?\b")


# Gates: the pattern runs only when one of these substrings is in the lower-cased reply.
gate(NONNATIVE_RE, ('has', 'have', 'needful', 'revert', 'was', 'please to', 'prepone', 'resolve'))
gate(OFFICIALESE_RE, ('advised', 'kindly', 'as per', 'pursuant', 'hereby', 'aforementioned', 'herewith', 'accordance',
                      'moment in time', 'regret to', 'undersigned', 'compliant', 'regard', 'needful', 'revert'))
gate(JARGON_RE, ('tier', 'l1', 'l2', 'l3', 'sla', 'rma', 'noc', 'crm', 'backend', 'back-end', 'provision', 'matrix',
                 'ticket', 'case', 'ont', 'olt', 'dslam', 'pon', 'sync', 'packet', 'node', 'stream', 'mac ', 'dns',
                 'ttl', 'incident', 'p1', 'p2', 'p3', 'p4', 'bau', 'kpi', 'workaround'))
