"""Built-in actor lexicon: country names, institutions, IGOs.

Adjectives and seats of government come from the actors KB (``country_terms.csv``).
This is the coder's own surface-form layer (what strings can name an actor). People,
titles and offices come from the actors knowledge base (``summitry.actors``). Country ids
are ISO 3166-1 alpha-3 (pycountry).
"""

from __future__ import annotations

from functools import lru_cache

import pycountry

# Common short names and aliases not in pycountry's name fields.
COUNTRY_ALIASES: dict[str, str] = {
    "Russia": "RUS",
    "United States": "USA",
    "U.S.": "USA",
    "US": "USA",
    "U.S.A.": "USA",
    "America": "USA",
    "United States of America": "USA",
    "Britain": "GBR",
    "Great Britain": "GBR",
    "United Kingdom": "GBR",
    "UK": "GBR",
    "U.K.": "GBR",
    "England": "GBR",
    "China": "CHN",
    "Iran": "IRN",
    "Syria": "SYR",
    "North Korea": "PRK",
    "South Korea": "KOR",
    "Korea": "KOR",
    "Venezuela": "VEN",
    "Vietnam": "VNM",
    "Laos": "LAO",
    "Bolivia": "BOL",
    "Tanzania": "TZA",
    "Moldova": "MDA",
    "Taiwan": "TWN",
    "Palestine": "PSE",
    "Palestinian territories": "PSE",
    "Czech Republic": "CZE",
    "Czechia": "CZE",
    "Turkey": "TUR",
    "Türkiye": "TUR",
    "Ivory Coast": "CIV",
    "Congo": "COD",
    "Democratic Republic of Congo": "COD",
    "Republic of Congo": "COG",
    "Macedonia": "MKD",
    "Burma": "MMR",
    "Myanmar": "MMR",
    "Brunei": "BRN",
    "Cape Verde": "CPV",
    "Holy See": "VAT",
    "Vatican": "VAT",
    "Kosovo": "XKX",
    "Saudi Arabia": "SAU",
    "UAE": "ARE",
    "United Arab Emirates": "ARE",
    "Micronesia": "FSM",
    "Gambia": "GMB",
    "Bahamas": "BHS",
    "Netherlands": "NLD",
    "Holland": "NLD",
    "Philippines": "PHL",
    "Soviet Union": "SUN",
    "USSR": "SUN",
}
IGOS: dict[str, str] = {
    "United Nations": "UN",
    "U.N.": "UN",
    "UN": "UN",
    "U.N. Security Council": "UNSC",
    "UN Security Council": "UNSC",
    "Security Council": "UNSC",
    "NATO": "NATO",
    "European Union": "EU",
    "EU": "EU",
    "E.U.": "EU",
    "European Commission": "EU",
    "OSCE": "OSCE",
    "G7": "G7",
    "G20": "G20",
    "Group of 20": "G20",
    "Group of Seven": "G7",
    "APEC": "APEC",
    "Asia-Pacific Economic Cooperation": "APEC",
    "BRICS": "BRICS",
    "ASEAN": "ASEAN",
    "Association of Southeast Asian Nations": "ASEAN",
    "African Union": "AU",
    "OPEC": "OPEC",
    "IAEA": "IAEA",
    "International Atomic Energy Agency": "IAEA",
    "World Trade Organization": "WTO",
    "WTO": "WTO",
    "International Monetary Fund": "IMF",
    "IMF": "IMF",
    "World Bank": "WB",
    "Arab League": "ARAB_LEAGUE",
    "Shanghai Cooperation Organisation": "SCO",
    "Islamic State": "ISIL",
    "ISIS": "ISIL",
    "Taliban": "TALIBAN",
    "Hezbollah": "HEZBOLLAH",
    "Hamas": "HAMAS",
    "al Qaeda": "ALQAEDA",
    "al-Qaeda": "ALQAEDA",
    "Red Cross": "ICRC",
    "International Committee of the Red Cross": "ICRC",
    "Amnesty International": "AMNESTY",
    "Human Rights Watch": "HRW",
    "Islamic Jihad": "PIJ",
    "PLO": "PLO",
    "Palestine Liberation Organization": "PLO",
    "Palestinian Liberation Organization": "PLO",
    "Interpol": "INTERPOL",
    "World Food Program": "WFP",
    "World Food Programme": "WFP",
    "UNHCR": "UNHCR",
    "European Community": "EU",
    "PKK": "PKK",
    "Kurdistan Workers' Party": "PKK",
    "al-Shabab": "ALSHABAB",
    "al Shabaab": "ALSHABAB",
    "Boko Haram": "BOKOHARAM",
    "Muslim Brotherhood": "MUSLIM_BROTHERHOOD",
    "Hizbollah": "HEZBOLLAH",
    "Hizbullah": "HEZBOLLAH",
    "Organization of African Unity": "AU",
    "OAU": "AU",
}
IGO_NAMES = {
    "UN": "United Nations",
    "UNSC": "UN Security Council",
    "NATO": "NATO",
    "EU": "European Union",
    "ISIL": "Islamic State",
    "TALIBAN": "Taliban",
    "HEZBOLLAH": "Hezbollah",
    "HAMAS": "Hamas",
    "ALQAEDA": "al Qaeda",
    "WB": "World Bank",
    "ARAB_LEAGUE": "Arab League",
    "ICRC": "International Committee of the Red Cross",
    "AMNESTY": "Amnesty International",
    "HRW": "Human Rights Watch",
    "PIJ": "Islamic Jihad",
    "PLO": "Palestine Liberation Organization",
    "INTERPOL": "Interpol",
    "WFP": "World Food Programme",
    "UNHCR": "UN High Commissioner for Refugees",
    "PKK": "Kurdistan Workers' Party",
    "ALSHABAB": "al-Shabab",
    "BOKOHARAM": "Boko Haram",
    "MUSLIM_BROTHERHOOD": "Muslim Brotherhood",
}


@lru_cache(maxsize=1)
def country_names() -> dict[str, str]:
    """Surface name -> ISO3 for every country (pycountry plus aliases)."""
    out: dict[str, str] = {}
    for c in pycountry.countries:
        for attr in ("name", "common_name"):
            v = getattr(c, attr, None)
            if v and "," not in v:
                out[v] = c.alpha_3
    out.update(COUNTRY_ALIASES)
    return out


@lru_cache(maxsize=1)
def country_display() -> dict[str, str]:
    """ISO3 -> a display name."""
    disp: dict[str, str] = {}
    for name, iso in COUNTRY_ALIASES.items():
        if len(name) > 3 and "." not in name:
            disp.setdefault(iso, name)
    for c in pycountry.countries:
        disp.setdefault(c.alpha_3, getattr(c, "common_name", None) or c.name)
    disp.setdefault("SUN", "Soviet Union")
    disp.setdefault("XKX", "Kosovo")
    return disp
