#!/usr/bin/env python3
"""Writes N synthetic learning resources as AMB records (JSON array) for the
benchmark's large library: titles and descriptions made from a small
vocabulary per language, so searches find some records and not others.

    resources.py N OUT.json
"""
import json
import random
import sys

WORDS = {
    "en": "free software hosting association cloud privacy data backup server "
          "community volunteer training network email calendar archive licence "
          "workshop members budget accessibility translation federation".split(),
    "fr": "logiciel libre hébergement association nuage vie privée données "
          "sauvegarde serveur communauté bénévole formation réseau courriel "
          "agenda archive licence atelier adhérents budget accessibilité".split(),
    "de": "freie Software Hosting Verein Wolke Datenschutz Daten Sicherung "
          "Server Gemeinschaft Ehrenamt Fortbildung Netzwerk Kalender Archiv "
          "Lizenz Werkstatt Mitglieder Haushalt Barrierefreiheit".split(),
    "it": "software libero ospitalità associazione nuvola riservatezza dati "
          "backup server comunità volontari formazione rete posta calendario "
          "archivio licenza laboratorio soci bilancio accessibilità".split(),
    "es": "software libre alojamiento asociación nube privacidad datos copia "
          "servidor comunidad voluntariado formación red correo calendario "
          "archivo licencia taller socios presupuesto accesibilidad".split(),
}
LICENCES = [
    "https://creativecommons.org/licenses/by-sa/4.0/",
    "https://creativecommons.org/licenses/by/4.0/",
    "https://creativecommons.org/publicdomain/zero/1.0/",
]


def record(i: int, rng: random.Random) -> dict:
    lang = rng.choice(list(WORDS))
    words = WORDS[lang]
    title = " ".join(rng.sample(words, 4)).capitalize() + f" {i}"
    description = ". ".join(
        " ".join(rng.choices(words, k=rng.randint(8, 16))).capitalize()
        for _ in range(rng.randint(2, 5))
    ) + "."
    return {
        "@context": ["https://w3id.org/kim/amb/context.jsonld", {"@language": lang}],
        "id": f"https://bench.example.org/resources/{i}",
        "type": ["LearningResource"],
        "name": title,
        "description": description,
        "inLanguage": [lang],
        "keywords": rng.sample(words, 3),
        "license": {"id": rng.choice(LICENCES)},
        "dateCreated": f"{rng.randint(2015, 2026)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}",
        "creator": [{"type": "Person", "name": f"Author {i % 997}"}],
    }


def main() -> None:
    n, out = int(sys.argv[1]), sys.argv[2]
    rng = random.Random(18)
    with open(out, "w", encoding="utf-8") as f:
        json.dump([record(i, rng) for i in range(n)], f, ensure_ascii=False)


if __name__ == "__main__":
    main()
