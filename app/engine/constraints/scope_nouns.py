"""The English for the things a limit counts and the parts it counts them per, when a brief names them in another
language ("Höchstens 8 Kommentare pro PR", "Maximal 3 Kommentare pro Datei", "Au maximum 5 commentaires par
fichier", "Máximo 3 comentarios por archivo"): the prompt's rule says "Give each PR at most 8 comments.", not "Give
each item at most 8 Kommentare." (the part lost, the noun left in German).
"""

from __future__ import annotations

import re

# The parts a limit is counted per, in the languages the engine reads (singular, as they follow "pro"/"par"/"por")
_PARTS = {
    **dict.fromkeys(("datei", "fichier", "archivo", "ficheiro", "arquivo", "bestand"), "file"),
    **dict.fromkeys(("funktion", "fonction", "función", "funcion", "funzione", "functie", "função"), "function"),
    **dict.fromkeys(("methode", "méthode", "método", "metodo"), "method"),
    **dict.fromkeys(("klasse", "classe", "clase", "klas"), "class"),
    **dict.fromkeys(("produkt", "produit", "producto", "prodotto", "produto", "product"), "product"),
    **dict.fromkeys(("artikel", "article", "artículo", "articolo", "artigo"), "article"),
    **dict.fromkeys(("beitrag", "publicación", "publication", "publicação", "bericht"), "post"),
    **dict.fromkeys(("bewertung", "rezension", "avis", "reseña", "recensione", "avaliação", "recensie"), "review"),
    **dict.fromkeys(("kapitel", "chapitre", "capítulo", "capitolo", "hoofdstuk"), "chapter"),
    **dict.fromkeys(("folie", "diapositive", "diapositiva", "slide"), "slide"),
    **dict.fromkeys(("rezept", "recette", "receta", "ricetta", "receita", "recept"), "recipe"),
    **dict.fromkeys(("aufgabe", "exercice", "ejercicio", "esercizio", "exercício", "opdracht"), "exercise"),
    **dict.fromkeys(("thema", "thème", "tema", "onderwerp"), "topic"),
}

# The things a limit counts (plural, as they follow the number)
_COUNTED = {
    **dict.fromkeys(
        ("kommentare", "anmerkungen", "commentaires", "comentarios", "commenti", "comentários", "opmerkingen"),
        "comments",
    ),
    **dict.fromkeys(
        ("vorschläge", "suggestions", "sugerencias", "suggerimenti", "sugestões", "suggesties"), "suggestions"
    ),
    **dict.fromkeys(("beispiele", "exemples", "ejemplos", "esempi", "exemplos", "voorbeelden"), "examples"),
    **dict.fromkeys(("links", "liens", "enlaces", "collegamenti", "ligações", "koppelingen"), "links"),
    **dict.fromkeys(("tipps", "conseils", "consejos", "consigli", "dicas", "tips"), "tips"),
    **dict.fromkeys(("befunde", "constats", "hallazgos", "rilievi", "bevindingen"), "findings"),
    **dict.fromkeys(("fragen", "rückfragen", "domande", "preguntas", "perguntas", "vragen"), "questions"),
    **dict.fromkeys(("punkte", "points", "puntos", "punti", "pontos", "punten"), "points"),
    **dict.fromkeys(("stichpunkte", "puces", "viñetas", "elenchi puntati", "opsommingstekens"), "bullet points"),
}

# "PR", "MR", "SKU", "FAQ": an abbreviation names its part however short it is
_ABBREVIATION = re.compile(r"[A-Z]{2,5}s?")


def english_part(noun: str) -> str | None:
    """The English for a part a limit is counted per ("Datei" -> "file", "PR" -> "PR"); None if unknown."""
    if _ABBREVIATION.fullmatch(noun):
        return noun.rstrip("s") if noun.endswith("s") and len(noun) > 2 else noun
    return _PARTS.get(noun.lower())


def english_counted(noun: str) -> str:
    """The English for the things a limit counts ("Kommentare" -> "comments"); the brief's own word if unknown."""
    return _COUNTED.get(noun.lower(), noun)
