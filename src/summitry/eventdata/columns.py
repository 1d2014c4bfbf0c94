"""Exact column specifications of the files the importers read.

Sources: GDELT Event Codebook V1.03 / V2.0, GDELT 2.0 Event Mentions and GKG 2.1 codebooks
(data.gdeltproject.org/documentation), the ICEWS Coded Event Data files (Harvard Dataverse
doi:10.7910/DVN/28075, the 20-column ``events.YYYY.*.tab`` layout) and the POLECAT weekly
data files (Harvard Dataverse, "POLECAT Weekly Data": the 40-column tab-separated layout
with a header row whose last column, ``Version``, names the coder release of each row).

Canonical GDELT files are tab-separated, unquoted, without a header; empty fields are empty.
Each spec is a list of (name, DuckDB type) in file order. Codes (CAMEO event and actor codes,
FIPS codes, dates as YYYYMMDD) are read as text so that leading zeros survive.
"""

from __future__ import annotations

Spec = list[tuple[str, str]]

_ACTOR = [
    ("Code", "VARCHAR"),
    ("Name", "VARCHAR"),
    ("CountryCode", "VARCHAR"),
    ("KnownGroupCode", "VARCHAR"),
    ("EthnicCode", "VARCHAR"),
    ("Religion1Code", "VARCHAR"),
    ("Religion2Code", "VARCHAR"),
    ("Type1Code", "VARCHAR"),
    ("Type2Code", "VARCHAR"),
    ("Type3Code", "VARCHAR"),
]


def _geo(prefix: str, adm2: bool) -> Spec:
    cols = [
        ("Type", "INTEGER"),
        ("FullName", "VARCHAR"),
        ("CountryCode", "VARCHAR"),
        ("ADM1Code", "VARCHAR"),
    ]
    if adm2:
        cols.append(("ADM2Code", "VARCHAR"))
    cols += [("Lat", "DOUBLE"), ("Long", "DOUBLE"), ("FeatureID", "VARCHAR")]
    return [(f"{prefix}_{n}", t) for n, t in cols]


def _gdelt_events(version: int, with_url: bool) -> Spec:
    adm2 = version == 2
    spec: Spec = [
        ("GLOBALEVENTID", "BIGINT"),
        ("SQLDATE", "VARCHAR"),
        ("MonthYear", "VARCHAR"),
        ("Year", "VARCHAR"),
        ("FractionDate", "DOUBLE"),
    ]
    spec += [(f"Actor1{n}", t) for n, t in _ACTOR] + [(f"Actor2{n}", t) for n, t in _ACTOR]
    spec += [
        ("IsRootEvent", "INTEGER"),
        ("EventCode", "VARCHAR"),
        ("EventBaseCode", "VARCHAR"),
        ("EventRootCode", "VARCHAR"),
        ("QuadClass", "INTEGER"),
        ("GoldsteinScale", "DOUBLE"),
        ("NumMentions", "INTEGER"),
        ("NumSources", "INTEGER"),
        ("NumArticles", "INTEGER"),
        ("AvgTone", "DOUBLE"),
    ]
    spec += _geo("Actor1Geo", adm2) + _geo("Actor2Geo", adm2) + _geo("ActionGeo", adm2)
    spec.append(("DATEADDED", "VARCHAR"))
    if with_url:
        spec.append(("SOURCEURL", "VARCHAR"))
    return spec


#: GDELT 1.0 historical files (events up to 2013-03-31): 57 columns, no SOURCEURL.
GDELT1_57 = _gdelt_events(1, with_url=False)
#: GDELT 1.0 daily files (from 2013-04-01): 58 columns, SOURCEURL last.
GDELT1_58 = _gdelt_events(1, with_url=True)
#: GDELT 2.0 15-minute export files: 61 columns (ADM2Code in each geo block).
GDELT2_61 = _gdelt_events(2, with_url=True)

#: GDELT 2.0 mentions (``*.mentions.CSV.zip``): 16 columns.
MENTIONS_16: Spec = [
    ("GLOBALEVENTID", "BIGINT"),
    ("EventTimeDate", "VARCHAR"),
    ("MentionTimeDate", "VARCHAR"),
    ("MentionType", "INTEGER"),
    ("MentionSourceName", "VARCHAR"),
    ("MentionIdentifier", "VARCHAR"),
    ("SentenceID", "INTEGER"),
    ("Actor1CharOffset", "INTEGER"),
    ("Actor2CharOffset", "INTEGER"),
    ("ActionCharOffset", "INTEGER"),
    ("InRawText", "INTEGER"),
    ("Confidence", "INTEGER"),
    ("MentionDocLen", "INTEGER"),
    ("MentionDocTone", "DOUBLE"),
    ("MentionDocTranslationInfo", "VARCHAR"),
    ("Extras", "VARCHAR"),
]

#: GDELT GKG 2.1 (``*.gkg.csv.zip``): 27 columns.
GKG_27: Spec = [
    (n, "VARCHAR")
    for n in [
        "GKGRECORDID",
        "V21DATE",
        "V2SOURCECOLLECTIONIDENTIFIER",
        "V2SOURCECOMMONNAME",
        "V2DOCUMENTIDENTIFIER",
        "V1COUNTS",
        "V21COUNTS",
        "V1THEMES",
        "V2ENHANCEDTHEMES",
        "V1LOCATIONS",
        "V2ENHANCEDLOCATIONS",
        "V1PERSONS",
        "V2ENHANCEDPERSONS",
        "V1ORGANIZATIONS",
        "V2ENHANCEDORGANIZATIONS",
        "V15TONE",
        "V21ENHANCEDDATES",
        "V2GCAM",
        "V21SHARINGIMAGE",
        "V21RELATEDIMAGES",
        "V21SOCIALIMAGEEMBEDS",
        "V21SOCIALVIDEOEMBEDS",
        "V21QUOTATIONS",
        "V21ALLNAMES",
        "V21AMOUNTS",
        "V21TRANSLATIONINFO",
        "V2EXTRASXML",
    ]
]

#: ICEWS coded event files (tab-separated, header row): 20 columns.
ICEWS_20: Spec = [
    ("Event ID", "VARCHAR"),
    ("Event Date", "VARCHAR"),
    ("Source Name", "VARCHAR"),
    ("Source Sectors", "VARCHAR"),
    ("Source Country", "VARCHAR"),
    ("Event Text", "VARCHAR"),
    ("CAMEO Code", "VARCHAR"),
    ("Intensity", "DOUBLE"),
    ("Target Name", "VARCHAR"),
    ("Target Sectors", "VARCHAR"),
    ("Target Country", "VARCHAR"),
    ("Story ID", "VARCHAR"),
    ("Sentence Number", "VARCHAR"),
    ("Publisher", "VARCHAR"),
    ("City", "VARCHAR"),
    ("District", "VARCHAR"),
    ("Province", "VARCHAR"),
    ("Country", "VARCHAR"),
    ("Latitude", "DOUBLE"),
    ("Longitude", "DOUBLE"),
]

#: POLECAT weekly files (tab-separated, header row): 40 columns. Older releases call the
#: fifth column ``Event Intensity``; both names are accepted.
POLECAT_40: Spec = [
    ("Event ID", "VARCHAR"),
    ("Event Date", "VARCHAR"),
    ("Event Type", "VARCHAR"),
    ("Event Mode", "VARCHAR"),
    ("Intensity", "DOUBLE"),
    ("Quad Code", "VARCHAR"),
    ("Contexts", "VARCHAR"),
    ("Actor Name", "VARCHAR"),
    ("Actor Country", "VARCHAR"),
    ("Actor COW", "VARCHAR"),
    ("Primary Actor Sector", "VARCHAR"),
    ("Actor Sectors", "VARCHAR"),
    ("Actor Title", "VARCHAR"),
    ("Actor Name Raw", "VARCHAR"),
    ("Wikipedia Actor ID", "VARCHAR"),
    ("Recipient Name", "VARCHAR"),
    ("Recipient Country", "VARCHAR"),
    ("Recipient COW", "VARCHAR"),
    ("Primary Recipient Sector", "VARCHAR"),
    ("Recipient Sectors", "VARCHAR"),
    ("Recipient Title", "VARCHAR"),
    ("Recipient Name Raw", "VARCHAR"),
    ("Wikipedia Recipient ID", "VARCHAR"),
    ("Placename", "VARCHAR"),
    ("City", "VARCHAR"),
    ("District", "VARCHAR"),
    ("Province", "VARCHAR"),
    ("Country", "VARCHAR"),
    ("Latitude", "DOUBLE"),
    ("Longitude", "DOUBLE"),
    ("GeoNames ID", "VARCHAR"),
    ("Raw Placename", "VARCHAR"),
    ("Feature Type", "VARCHAR"),
    ("Source", "VARCHAR"),
    ("Publication Date", "VARCHAR"),
    ("Story People", "VARCHAR"),
    ("Story Organizations", "VARCHAR"),
    ("Story Locations", "VARCHAR"),
    ("Language", "VARCHAR"),
    ("Version", "VARCHAR"),
]
POLECAT_ALIASES = {"event intensity": "Intensity"}

SPECS: dict[str, Spec] = {
    "gdelt1-57": GDELT1_57,
    "gdelt1-58": GDELT1_58,
    "gdelt2-61": GDELT2_61,
    "gdelt-mentions": MENTIONS_16,
    "gkg": GKG_27,
    "icews": ICEWS_20,
    "polecat": POLECAT_40,
}

assert len(GDELT1_57) == 57 and len(GDELT1_58) == 58 and len(GDELT2_61) == 61
assert len(ICEWS_20) == 20
assert len(MENTIONS_16) == 16 and len(GKG_27) == 27 and len(POLECAT_40) == 40
