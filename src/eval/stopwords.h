// Function words dropped by the timeline metrics, as data: lower-case,
// accents kept. Our own lists of common French and English function words.
#ifndef DATELINE_EVAL_STOPWORDS_H_
#define DATELINE_EVAL_STOPWORDS_H_

#include <string_view>

namespace dateline::eval::stopwords {

inline constexpr std::string_view kEnglish[] = {
    "a",       "about",    "above",      "after",     "again",    "against",    "all",
    "almost",  "also",     "although",   "always",    "am",       "among",      "an",
    "and",     "another",  "any",        "anyone",    "anything", "are",        "around",
    "as",      "at",       "be",         "became",    "because",  "been",       "before",
    "being",   "below",    "between",    "both",      "but",      "by",         "can",
    "cannot",  "could",    "did",        "do",        "does",     "doing",      "done",
    "down",    "during",   "each",       "either",    "else",     "enough",     "even",
    "ever",    "every",    "few",        "for",       "from",     "further",    "had",
    "has",     "have",     "having",     "he",        "her",      "here",       "hers",
    "herself", "him",      "himself",    "his",       "how",      "however",    "i",
    "if",      "in",       "into",       "is",        "it",       "its",        "itself",
    "just",    "least",    "less",       "let",       "like",     "many",       "may",
    "me",      "might",    "more",       "most",      "much",     "must",       "my",
    "myself",  "neither",  "never",      "no",        "nor",      "not",        "now",
    "of",      "off",      "often",      "on",        "once",     "one",        "only",
    "or",      "other",    "others",     "otherwise", "our",      "ours",       "ourselves",
    "out",     "over",     "own",        "perhaps",   "quite",    "rather",     "same",
    "seem",    "seemed",   "seems",      "several",   "shall",    "she",        "should",
    "since",   "so",       "some",       "something", "still",    "such",       "than",
    "that",    "the",      "their",      "theirs",    "them",     "themselves", "then",
    "there",   "these",    "they",       "this",      "those",    "though",     "through",
    "thus",    "to",       "too",        "toward",    "towards",  "under",      "until",
    "up",      "upon",     "us",         "very",      "was",      "we",         "well",
    "were",    "what",     "whatever",   "when",      "where",    "whether",    "which",
    "while",   "who",      "whoever",    "whom",      "whose",    "why",        "will",
    "with",    "within",   "without",    "would",     "yet",      "you",        "your",
    "yours",   "yourself", "yourselves", "s",         "t"};

inline constexpr std::string_view kFrench[] = {
    "a",        "à",        "afin",    "ai",     "aie",      "aient",    "ainsi",     "alors",
    "as",       "au",       "aucun",   "aucune", "auprès",   "auquel",   "aura",      "aurait",
    "aussi",    "autre",    "autres",  "aux",    "auxquels", "avaient",  "avais",     "avait",
    "avant",    "avec",     "avez",    "avoir",  "avons",    "ayant",    "c",         "ça",
    "car",      "ce",       "ceci",    "cela",   "celle",    "celles",   "celui",     "cependant",
    "ces",      "cet",      "cette",   "ceux",   "chacun",   "chaque",   "chez",      "comme",
    "comment",  "d",        "dans",    "de",     "depuis",   "des",      "desquels",  "dont",
    "du",       "duquel",   "elle",    "elles",  "en",       "encore",   "entre",     "es",
    "est",      "et",       "étaient", "était",  "étant",    "été",      "être",      "eu",
    "eux",      "fait",     "faire",   "fois",   "font",     "furent",   "fut",       "ici",
    "il",       "ils",      "j",       "je",     "jusqu",    "jusque",   "l",         "la",
    "là",       "laquelle", "le",      "lequel", "les",      "lesquels", "leur",      "leurs",
    "lors",     "lorsque",  "lui",     "m",      "ma",       "mais",     "me",        "même",
    "mêmes",    "mes",      "moi",     "mon",    "n",        "ne",       "ni",        "nos",
    "notre",    "nous",     "on",      "ont",    "ou",       "où",       "par",       "parce",
    "parmi",    "pas",      "pendant", "peu",    "peut",     "plus",     "plusieurs", "pour",
    "pourquoi", "qu",       "quand",   "que",    "quel",     "quelle",   "quelles",   "quels",
    "qui",      "quoi",     "s",       "sa",     "sans",     "se",       "selon",     "sera",
    "serait",   "ses",      "si",      "sien",   "sienne",   "son",      "sont",      "sous",
    "soit",     "sur",      "t",       "ta",     "tandis",   "te",       "tes",       "toi",
    "ton",      "tous",     "tout",    "toute",  "toutes",   "très",     "tu",        "un",
    "une",      "unes",     "uns",     "vers",   "via",      "vos",      "votre",     "vous",
    "y"};

}  // namespace dateline::eval::stopwords

#endif  // DATELINE_EVAL_STOPWORDS_H_
