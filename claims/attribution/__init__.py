"""Attribution: find the attributed claims in parsed units.

Rules of English news attribution, applied to spaCy's dependency parse and the article's paired quote
marks (never the wording of particular articles), one module per kind of construction:

* ``verbs``: a reporting verb (say, tell, stress, warn, claim, deny, announce, write, and every cue of
  the lexicon ``claims/data/cues.yml``) with its subject as the source and its complement as the
  content, in every layout: cue first ("X said (that) ..."), tail ("..., X told me"), inside its
  quotation ('"A," she said, "B."'), inverted ("said X, a spokesman for Y"), parenthetical ("The
  plan, the mayor said, will ..."), as a participle ("..., stressing that ..."), in a relative
  clause ("a change that he said would ..."), in an as-clause ("As the mayor noted, ..."), with a
  phrase for content by the verb's frames ("praised X for Y", "plans to run", "spoke about Z"), or
  introducing a quotation after a colon or comma; a verb outside the lexicon where a quotation's
  layout makes it a cue ('"To date," she continued, "..."');
* ``prepositions``: "according to X", "per X", "citing X";
* ``declines``: "declined to comment", "refused to say", "did not respond", "could not be reached":
  claims about the source, with what was declined as content;
* ``quotations``: a quotation signed with a dash, led by a colon, followed by a line naming its
  speaker, a headline led by a speaker's name and a colon; a quotation that goes on in the next
  sentence, or over a paragraph break left open, is one claim; a quoted sentence with no cue
  continues the previous speaker (inherited);
* ``structure``: nesting (a claim whose cue stands inside another claim's content is relayed by
  it), scope (bullets under an attributed lead), and every other sentence as the reporter's;
* ``learned``: after the rules, a verb of speech no rule made a claim of, with one of its dependents
  as content, when a logistic model trained on annotated news (``claims/data/cue_gate.json``) says so.

``content`` says where reported content ends; ``syntax`` finds speakers, mentions and complements
on the parse; ``text`` handles offsets and quote marks; ``cues`` decides which words and verbs are
cues; ``finder`` holds an article's quotes and candidates and runs the patterns in order.
"""
from .candidate import Cand, act_of, claim_id
from .cues import CONDITIONS, CUE_WORDS, RE_AGENT_NOUN, has_cue_hint, is_cue_verb
from .finder import Finder, entity_windows, find_claims
from .text import RE_DATELINE_LEAD, _tok_end, _tok_start

__all__ = ["Cand", "act_of", "claim_id", "CONDITIONS", "CUE_WORDS", "RE_AGENT_NOUN", "has_cue_hint", "is_cue_verb",
           "Finder", "entity_windows", "find_claims", "RE_DATELINE_LEAD", "_tok_end", "_tok_start"]
