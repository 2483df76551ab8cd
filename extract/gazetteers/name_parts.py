"""Words around names: what is dropped from an entity's name and what is kept as an attribute."""

import re

# Titles and roles written before a person's name ("Sen. Ron Wyden", "President Donald Trump").
# Kept as the entity's `title` attribute, never part of its name.
PERSON_TITLES = frozenset(
    """
    Mr. Mrs. Ms. Miss Mx. Dr. Prof. Professor Rev. Reverend Fr. Father Sister Brother
    Sen. Senator Sens. Rep. Representative Reps. Gov. Governor Lt. Lieutenant Gen. General
    Adm. Admiral Col. Colonel Capt. Captain Maj. Major Sgt. Sergeant Cpl. Corporal Pvt.
    Cmdr. Commander Officer Detective Det. Chief Judge Justice Attorney Atty. Mayor
    President Vice Prime Minister Secretary Chancellor Ambassador Speaker Chairman Chairwoman
    Chair Sheriff Deputy Commissioner Director Superintendent Coach Pope King Queen Prince
    Princess Sir Dame Lord Lady Rabbi Imam Sheikh Pastor Bishop Cardinal CEO Chief Executive
    Minority Majority Leader Whip Assemblyman Assemblywoman Councilman Councilwoman Delegate
    Councillor Cllr Inspector Constable
    """.split()
    # British and Commonwealth style writes contracted titles without a full stop ("Ms Berg")
    + "Mr Mrs Ms Mx Dr Prof Rev Fr Lt Gen Col Capt Maj Sgt Cpl Cmdr Det Supt Insp".split()
)

# Words that may stand before a title without being one ("Republican Gov.", "former President").
PERSON_TITLE_MODIFIERS = frozenset(
    "State U.S. US Former former Acting acting Democratic Republican Democrat GOP".split()
)

# Generational suffixes: "Carlineo" is short for "Patrick W. Carlineo Jr.".
NAME_SUFFIXES = frozenset("Jr. Jr Sr. Sr II III IV".split())

# Phrases after a name that introduce another name for the same entity.
ALIAS_CUES = (
    ", known as",
    ", also known as",
    ", better known as",
    ", commonly known as",
    ", formerly known as",
)

# Party letters in "D-Ore."-style tags after a lawmaker's name.
PARTY_TAGS = {"D": "D", "R": "R", "I": "I", "Dem": "D", "Rep": "R", "Ind": "I"}

# ", D-Ore.", " (R-N.Y.)", ", D-New York": a party-state tag right after a name.
PARTY_STATE_TAG = re.compile(
    r"\A\s*[,(]\s*(?P<party>[A-Z][a-z]{0,2})\.?\s?[-\u2013]\s?"
    r"(?P<state>[A-Z][A-Za-z.]*(?: [A-Z][A-Za-z.]*)?)"
)

# Words an acronym usually skips ("Department of Homeland Security" -> DHS).
ACRONYM_SKIPPED_WORDS = frozenset("of and the for on in to at & de du des la le".split())

# Country prefixes an acronym leaves out ("U.S. Immigration and Customs Enforcement" is ICE).
ACRONYM_SKIPPED_PREFIXES = ("U.S.", "US", "U.K.", "UK", "United States")

# Company-form words that a short name leaves out ("Boeing" for "Boeing Co.").
CORPORATE_SUFFIXES = frozenset(
    """
    Inc. Inc Corp. Corp Co. Co Ltd. Ltd LLC L.L.C. plc PLC AG SA S.A. NV N.V. GmbH Group
    Holdings Company Corporation Incorporated Limited
    """.split()
)

# Parts of speech of words that begin or end no name ("another", "that").
FILLER_POS = frozenset("DET PRON SCONJ CCONJ ADP AUX VERB PART".split())

POSSESSIVE_ENDINGS = ("'s", "\u2019s", "'", "\u2019")

# Leading articles dropped from an entity's name ("the Associated Press" -> Associated Press).
LEADING_ARTICLES = frozenset("the The THE".split())

# Market instrument codes that wire copy writes after a name ("Copper CMCU3", "Sterling GBP=").
INSTRUMENT_CODE = re.compile(r"[A-Z][A-Za-z]*\d[A-Za-z\d]*|[A-Z]{3}=[A-Z\d]*")
