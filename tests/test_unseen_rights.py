"""Rights topics (workers' rights, Indigenous rights, human-rights due diligence) on unseen text.

Classes of errors and traps found on a fresh set of real published passages (kept outside the
repository), each pinned here with short sentences of our own: the subject said in other words
must be tagged, and the topic's words used where its subject is absent must not be. The facts may
be real; the sentences are written for these tests. See nlp/data/topics.yaml for the rules.
"""

from __future__ import annotations

import pytest

from tests.helpers import assert_topics

RIGHTS = {"workers-rights", "indigenous-rights", "human-rights-due-diligence"}



# (class, text, topics that must be tagged, topics that must not be)
CASES = [
    # -- due diligence said as mapping a material's supply back to its mines, or naming suppliers
    ("hrdd: mapping the supply of a mineral",
     "The watchdog said the carmakers had not mapped the supply of cobalt from Congolese mines to the smelters.",
     ["human-rights-due-diligence"], []),
    ("hrdd: tracing the origin of a mineral",
     "Researchers traced the origin of the graphite in the battery back to a mine in northern China.",
     ["human-rights-due-diligence"], []),
    ("hrdd: knowing where the material comes from",
     "The automaker admitted it could not say where its cobalt comes from.",
     ["human-rights-due-diligence"], []),
    ("hrdd: suppliers made public",
     "For the first time the brand published its list of battery suppliers and smelters.",
     ["human-rights-due-diligence"], []),
    ("hrdd: a complaint to the OECD contact point",
     "Villagers filed a complaint with the OECD contact point over evictions at the bauxite mine.",
     ["human-rights-due-diligence"], []),
    ("hrdd: identity papers kept from workers",
     "Inspectors found that the migrant welders had their passports taken by the labour agency.",
     ["human-rights-due-diligence"], []),
    ("hrdd: identity papers kept from workers",
     "The contractor confiscated the workers' passports when they arrived at the site.",
     ["human-rights-due-diligence"], []),
    # -- goods held or traced for reasons that are not forced labour
    ("hrdd trap: stolen cars seized at a port",
     "Police seized forty stolen cars at the port before they could be shipped to West Africa.",
     [], ["human-rights-due-diligence"]),
    ("hrdd trap: counterfeit parts detained",
     "Customs officers detained a shipment of counterfeit brake pads bearing a German carmaker's logo.",
     [], ["human-rights-due-diligence"]),
    ("hrdd trap: a defect traced to a supplier",
     "Engineers traced the fault back to a supplier's faulty weld on the battery housing.",
     [], ["human-rights-due-diligence"]),
    ("hrdd trap: batch traceability after a recall",
     "After the recall the parts maker improved the traceability of every batch it sends to its suppliers.",
     [], ["human-rights-due-diligence"]),
    ("hrdd trap: quality traceability of parts",
     "Each bracket carries a lot number so the plant can trace it from raw material sourcing to final assembly.",
     [], ["human-rights-due-diligence"]),
    ("hrdd trap: quality traceability of parts",
     "The traceability system ties serial numbers and quality checks to every supplier of the gearbox.",
     [], ["human-rights-due-diligence"]),
    ("hrdd: traceability of a mineral still counts",
     "The carmaker said blockchain traceability now covers the cobalt its battery suppliers buy.",
     ["human-rights-due-diligence"], []),
    ("hrdd: smuggled minerals are still a tracing story",
     "Officials said ore smuggled out of Congo made it hard for refiners to trace where their cobalt was mined.",
     ["human-rights-due-diligence"], []),
    ("hrdd trap: due diligence on a takeover",
     "The buyer finished its due diligence and the takeover of the seat maker closed in March.",
     [], ["human-rights-due-diligence"]),
    ("hrdd trap: auditors of the accounts",
     "The auditors warned that there was substantial doubt about the carmaker's ability to continue as a going concern.",
     [], ["human-rights-due-diligence"]),
    # -- workers' rights in other words
    ("workers: equal pay for equal work",
     "The temporary staff at the plant demanded equal pay for equal work and permanent contracts.",
     ["workers-rights"], []),
    ("workers: a tentative agreement",
     "Autoworkers will vote next week on the tentative agreement reached on Sunday.",
     ["workers-rights"], []),
    ("workers: a contract vote",
     "The employees voted to reject the new contract offered by the company.",
     ["workers-rights"], []),
    # -- a strike, a union or a wage that is no labour story
    ("workers trap: a hunger strike by activists",
     "Three activists held in custody went on hunger strike to protest their detention without bail.",
     [], ["workers-rights"]),
    ("workers trap: a lightning strike",
     "A lightning strike set fire to the warehouse, but no staff were hurt and the plant reopened on Monday.",
     [], ["workers-rights"]),
    ("workers trap: a missile strike on a factory",
     "A missile strike hit the factory overnight and damaged its roof, the regional governor said.",
     [], ["workers-rights"]),
    ("workers trap: strikes in sport",
     "The pitcher threw 80 strikes and the bowler rolled 12 strikes in a row on the same night.",
     [], ["workers-rights"]),
    ("workers trap: a credit union",
     "Members can get a cheaper car loan from their credit union than from the dealer.",
     [], ["workers-rights"]),
    ("workers trap: job cuts alone",
     "The carmaker will cut 20,000 jobs and close seven factories by 2027 to save costs.",
     [], ["workers-rights"]),
    ("workers trap: the Labour party",
     "The Labour government will bring back the 2030 end date for new petrol cars.",
     [], ["workers-rights"]),
    ("workers trap: a union of scientists",
     "The Union of Concerned Scientists found that electric cars emit less over their lifetime.",
     [], ["workers-rights"]),
    ("workers trap: a union minister",
     "The Union minister said India would soon build its own lithium-ion cells.",
     [], ["workers-rights"]),
    # -- Indigenous peoples named with their land or consent, and namesakes
    ("indigenous: Kanak land",
     "Kanak elders blocked the road to the nickel plant, saying the clans had never agreed to the mine on their land.",
     ["indigenous-rights"], []),
    ("indigenous: traditional owners and heritage sites",
     "The miner redesigned the lithium pit after talks with the traditional owners about nearby heritage sites.",
     ["indigenous-rights"], []),
    ("indigenous trap: indigenous plants",
     "The restoration project replants indigenous plants that are native to the region.",
     [], ["indigenous-rights"]),
    ("indigenous trap: home-grown technology",
     "The minister praised the indigenous battery technology developed by small firms.",
     [], ["indigenous-rights"]),
    ("indigenous trap: the helicopter",
     "The army ordered two dozen new Apache helicopters from the manufacturer.",
     [], ["indigenous-rights"]),
    ("indigenous trap: a people merely named",
     "The Kanak singer won the award for the best album of the year.",
     [], ["indigenous-rights"]),
]


@pytest.mark.parametrize("name,text,present,absent", CASES, ids=[f"{c[0]}: {c[1][:40]}" for c in CASES])
def test_rights_classes(tagger, name, text, present, absent):
    assert_topics(tagger, name, text, present, absent)


def test_rights_traps_leave_the_other_rights_topics_alone(tagger):
    """A trap for one rights topic must not slide into another (a hunger strike is no due diligence)."""
    for name, text, present, absent in CASES:
        if present or not absent:
            continue
        got = set(tagger.tag(text).topic_ids()) & RIGHTS
        assert not got, f"{name}: {text!r} tagged {sorted(got)}"
